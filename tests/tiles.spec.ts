import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { settledRange, timeline, timelineBox } from './helpers';
import { eventJson, seeded, serveTiles, writeTileSet, type FixtureEvent } from './tiles-fixture';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 1);
const LANES = [
	{ id: 'alpha', label: 'Alpha' },
	{ id: 'beta', label: 'Beta' },
	{ id: 'gamma', label: 'Gamma' }
];

/**
 * 6,000 events over three weeks with a ten-day lull in the middle (so the axis has a break):
 * instants to the minute and a tenth of them spans of up to five hours.
 */
function fixtureEvents(): FixtureEvent[] {
	const rand = seeded(15);
	return Array.from({ length: 6000 }, (_, i) => {
		let day = rand() * 11;
		if (day > 6) day += 10;
		const start = T0 + Math.floor((day * DAY) / MINUTE) * MINUTE;
		const lane = LANES[Math.floor(rand() * 3)]?.id ?? 'alpha';
		const span = rand() < 0.1 ? Math.ceil(rand() * 300) * MINUTE : 0;
		return {
			id: `ev${i}`,
			title: `Report ${i} from ${lane}`,
			lane,
			start,
			...(span ? { end: start + span } : {})
		};
	});
}

const EVENTS = fixtureEvents();
const BY_ID = new Map(EVENTS.map((e) => [e.id, e]));
const FILES = writeTileSet(EVENTS, { lanes: LANES, levels: 6 });
const marks = (page: Page) => page.locator('[data-timeline] [data-event-id]');
/** What a lane drawn from counts shows: a density profile, or counted boxes. */
const clusters = (page: Page) =>
	page.locator('[data-timeline] [data-density-lane], [data-timeline] [data-cluster-id]');
/** Lane ids drawn from counts. */
const countedLanes = (page: Page) =>
	clusters(page).evaluateAll((nodes) =>
		nodes.map(
			(n) => n.getAttribute('data-density-lane') ?? n.getAttribute('data-cluster-id')?.split(':')[1]
		)
	);

/** Opens the fixture tile set and waits for its first view. */
async function openTiles(page: Page, files = FILES, options?: Parameters<typeof serveTiles>[3]) {
	const manifest = await serveTiles(page, 'fixture', files, options);
	await page.goto(`/?tiles=${encodeURIComponent(manifest)}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
}

/** Waits until every tile the view needs has arrived and is drawn. */
const sharp = (page: Page) => expect(timeline(page)).toHaveAttribute('data-tiles', 'sharp');

/** The window the URL names once the view settles, as ms. */
async function urlWindow(page: Page): Promise<[number, number]> {
	await settledRange(page);
	const params = new URL(page.url()).searchParams;
	return [Date.parse(params.get('from') ?? ''), Date.parse(params.get('to') ?? '')];
}

/** Zooms in with ctrl + wheel at `at` of the timeline's width until every lane draws single events. */
async function zoomToEvents(page: Page, at = 0.25) {
	const box = await timelineBox(page);
	await page.mouse.move(box.x + box.width * at, box.y + 60);
	for (let step = 0; step < 40; step++) {
		await page.keyboard.down('Control');
		await page.mouse.wheel(0, -500);
		await page.keyboard.up('Control');
		await sharp(page);
		// Every lane drawn one by one: no lane too dense for its events to be told apart.
		if ((await marks(page).count()) > 0 && (await clusters(page).count()) === 0) return;
	}
	throw new Error('no single events after 40 zoom steps');
}

/** The ids drawn one by one, with a check that each is an event of the set in `window`. */
async function drawnIn(page: Page, [from, to]: [number, number]) {
	const ids = await marks(page).evaluateAll((nodes) =>
		nodes.map((n) => n.getAttribute('data-event-id') ?? '')
	);
	// A mark has a least width: an event just outside the window may show at its edge.
	const slack = ((to - from) / 1000) * 12 + MINUTE;
	for (const id of ids) {
		const e = BY_ID.get(id);
		expect(e, id).toBeDefined();
		if (e) {
			expect(e.start, id).toBeLessThanOrEqual(to + slack);
			expect(e.end ?? e.start, id).toBeGreaterThanOrEqual(from - slack);
		}
	}
	return ids;
}

test('a tile set opens as a timeline of counts, and zooming in draws its events one by one', async ({
	page
}) => {
	await openTiles(page);
	await expect(page.locator('.meta')).toContainText('6,000 events');
	// The overview: every lane as density from the counts, no event drawn yet, a break in the lull.
	await expect(clusters(page).first()).toBeVisible();
	await expect(marks(page)).toHaveCount(0);
	await sharp(page);
	expect(new Set(await countedLanes(page))).toEqual(new Set(LANES.map((l) => l.id)));
	await expect(page.locator('[data-timeline] .break-label')).toHaveCount(1);
	await expect(page.locator('[data-tiled-note]')).toContainText('not single events');
	await sharp(page);

	await zoomToEvents(page);
	const window = await urlWindow(page);
	const ids = await drawnIn(page, window);
	// Every event well inside the window is drawn: none is missing from the tiles fetched.
	const [from, to] = window;
	const inner = EVENTS.filter(
		(e) => e.start >= from + (to - from) * 0.1 && (e.end ?? e.start) <= to - (to - from) * 0.1
	);
	expect(inner.length).toBeGreaterThan(0);
	for (const e of inner) expect(ids).toContain(e.id);
	await expect(page.locator('[data-tiled-note]')).toContainText('around the view');

	// A drag pans to earlier time: the new window's events are drawn.
	const box = await timelineBox(page);
	await page.mouse.move(box.x + box.width * 0.5, box.y + 40);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.9, box.y + 40, { steps: 8 });
	await page.mouse.up();
	await sharp(page);
	const panned = await urlWindow(page);
	expect(panned[0]).toBeLessThan(window[0]);
	await drawnIn(page, panned);
});

test('details, search and lane filters work on the events of the tiles', async ({ page }) => {
	await openTiles(page);
	await zoomToEvents(page);
	const window = await urlWindow(page);
	const ids = await drawnIn(page, window);
	const id = ids[Math.floor(ids.length / 2)] ?? '';
	const event = BY_ID.get(id);

	// Details of an event: a click on its mark.
	await page
		.locator(`[data-timeline] [data-event-id="${id}"]`)
		.locator('rect.span, path.point')
		.first()
		.click({ force: true });
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(event?.title ?? '');
	await page.keyboard.press('Escape');

	// Search within what is loaded: its title matches it alone.
	await page.getByRole('searchbox', { name: 'Search events' }).fill(`${event?.title}`);
	await expect(page.locator('[data-timeline] [data-event-id].matched')).toHaveCount(1);
	await expect(page.locator(`[data-timeline] [data-event-id="${id}"]`)).toHaveClass(/matched/);
	await page.getByRole('searchbox', { name: 'Search events' }).fill('');

	// A lane filter: only that lane's events stay.
	await page.getByRole('button', { name: 'Beta', exact: true }).click();
	await expect(page).toHaveURL(/cat=beta/);
	const left = await marks(page).evaluateAll((nodes) =>
		nodes.map((n) => n.getAttribute('data-event-id') ?? '')
	);
	expect(left.length).toBeGreaterThan(0);
	for (const kept of left) expect(BY_ID.get(kept)?.lane).toBe('beta');

	// Back at the whole set, the filter holds for the counts too.
	await page.getByRole('button', { name: 'Fit all' }).click();
	await sharp(page);
	await expect(marks(page)).toHaveCount(0);
	await expect(clusters(page).first()).toBeVisible();
	const lanes = await countedLanes(page);
	expect(new Set(lanes)).toEqual(new Set(['beta']));
});

test('hovering a density bar names its count; the export says when it shows counts', async ({
	page
}) => {
	await openTiles(page);
	await sharp(page);
	// Hovering a lane's density profile names the bar under the pointer and its count.
	const profile = page.locator('[data-timeline] [data-density-lane="alpha"]');
	const box = await profile.boundingBox();
	if (!box) throw new Error('no density profile');
	await page.mouse.move(box.x + box.width * 0.2, box.y + box.height - 2);
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toBeVisible();
	// The bar under the pointer gets an element naming its count; the tooltip gives the same.
	const labels = await page
		.locator('[data-timeline] [data-cluster-id^="cluster:alpha:"]')
		.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
	const counts = labels.map((label) => /^([\d,]+) /.exec(label)?.[1] ?? '').filter(Boolean);
	expect(counts.length).toBeGreaterThan(0);
	const text = (await tooltip.textContent()) ?? '';
	expect(counts.some((count) => text.includes(count))).toBe(true);

	await page.getByRole('button', { name: /Export/ }).click();
	await page.getByRole('radio', { name: 'Whole timeline' }).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'SVG', exact: true }).click()
	]);
	const svg = await readFile((await download.path()) ?? '', 'utf8');
	expect(svg).toContain('Drawn from counts');
	expect(svg).toContain('of 6000 events');
	expect(svg).not.toContain('data-event-id');
});

test('only tiles in view and its margin are fetched, and requests the view left behind are cancelled', async ({
	page
}) => {
	const requested: { path: string }[] = [];
	const aborted: string[] = [];
	const tilePath = (url: string) => new URL(url).pathname.replace('/tiles/fixture/', '');
	page.on('request', (r) => {
		if (r.url().includes('/tiles/fixture/') && !r.url().endsWith('manifest.json'))
			requested.push({ path: tilePath(r.url()) });
	});
	page.on('requestfailed', (r) => {
		if (/ABORTED|cancel/i.test(r.failure()?.errorText ?? '')) aborted.push(tilePath(r.url()));
	});
	// Sharper tiles come slowly, so the view moves on before some of them arrive.
	let slow = true;
	await openTiles(page, FILES, {
		delay: (path) =>
			new Promise((done) =>
				setTimeout(done, slow && /^(counts|events)\/[2-9]\//.test(path) ? 700 : 0)
			)
	});
	const box = await timelineBox(page);
	await page.mouse.move(box.x + box.width * 0.3, box.y + 60);
	for (let i = 0; i < 4; i++) {
		await page.keyboard.down('Control');
		await page.mouse.wheel(0, -500);
		await page.keyboard.up('Control');
	}
	await expect.poll(() => aborted.length).toBeGreaterThan(0);
	slow = false;
	await sharp(page);
	const zoomed = await urlWindow(page);
	// A drag of the timeline's width pans a window earlier: what it fetches lies in the new window
	// and a margin (the drag passes over a window and a half at most).
	const before = requested.length;
	await page.mouse.move(box.x + box.width * 0.05, box.y + 40);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width * 0.95, box.y + 40, { steps: 10 });
	await page.mouse.up();
	await sharp(page);
	const [from, to] = await urlWindow(page);
	expect(to).toBeLessThan(zoomed[1]);
	const manifest = JSON.parse(FILES.get('manifest.json') ?? '{}') as {
		origin: number;
		levels: { tileMs: number }[];
	};
	const panned = requested.slice(before);
	expect(panned.length).toBeGreaterThan(0);
	for (const { path } of panned) {
		const [, kind, z, t] = /(counts|events)\/(\d+)\/(\d+)/.exec(path) ?? [];
		const ms = manifest.levels[Number(z)]?.tileMs ?? 0;
		const start = manifest.origin + Number(t) * ms;
		// An event tile's events start in it and are at most a tile long.
		const end = start + (kind === 'events' ? 2 : 1) * ms;
		expect(end, path).toBeGreaterThanOrEqual(from - 1.5 * (to - from));
		expect(start, path).toBeLessThanOrEqual(to + 1.5 * (to - from));
	}
	// Far fewer tiles than the set holds were fetched, each once unless cancelled first.
	const tiles = [...FILES.keys()].filter((p) => p !== 'manifest.json').length;
	expect(requested.length).toBeLessThan(tiles / 4);
	const done = requested.map((r) => r.path).filter((p) => !aborted.includes(p));
	expect(new Set(done).size).toBe(done.length);
});

test('a bad manifest says what is wrong and where, and the page says error', async ({ page }) => {
	const manifest = JSON.parse(FILES.get('manifest.json') ?? '{}') as {
		levels: { tileMs: number }[];
	};
	const broken = new Map(FILES);
	broken.set(
		'manifest.json',
		JSON.stringify({
			...manifest,
			levels: manifest.levels.map((l, z) => (z === 2 ? { ...l, tileMs: 12 } : l))
		})
	);
	const url = await serveTiles(page, 'fixture', broken);
	await page.goto(`/?tiles=${encodeURIComponent(url)}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('manifest.json has problems');
	await expect(alert).toContainText('levels[2].tileMs');
});

test('text in tiles is shown as text, never run', async ({ page }) => {
	const hostile: FixtureEvent[] = [
		{ id: 'x1', title: '<img src=x onerror="window.__ran=1">', lane: 'alpha', start: T0 },
		{ id: 'x2', title: '<script>window.__ran=1</script>', lane: 'beta', start: T0 + 30 * MINUTE }
	];
	await openTiles(page, writeTileSet(hostile, { lanes: LANES, levels: 3 }));
	await sharp(page);
	await expect(marks(page)).toHaveCount(2);
	await expect(page.locator('[data-timeline]')).toContainText('<img src=x');
	expect(await page.evaluate(() => (window as { __ran?: number }).__ran)).toBeUndefined();
	expect(await page.locator('[data-timeline] img, [data-timeline] script').count()).toBe(0);
});

test('a tile set built by npm run tiles (DuckDB) opens and zooms to the right events', async ({
	page
}) => {
	test.setTimeout(90_000);
	// The fixture's events as an NDJSON file, tiled by the real builder into small tiles.
	const dir = mkdtempSync(join(tmpdir(), 'eventline-tiles-'));
	writeFileSync(join(dir, 'in.ndjson'), EVENTS.map((e) => JSON.stringify(eventJson(e))).join('\n'));
	const built = spawnSync(
		'npx',
		['tsx', 'scripts/tiles/cli.ts', join(dir, 'in.ndjson'), '--out', join(dir, 'out')],
		{ encoding: 'utf8' }
	);
	expect(built.status, built.stderr).toBe(0);
	const files = new Map<string, string>();
	const walk = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			if (entry.isDirectory()) walk(path);
			else files.set(relative(join(dir, 'out'), path), readFileSync(path, 'utf8'));
		}
	};
	walk(join(dir, 'out'));
	await openTiles(page, files);
	await expect(page.locator('.meta')).toContainText('6,000 events');
	await expect(clusters(page).first()).toBeVisible();
	await zoomToEvents(page, 0.7);
	const window = await urlWindow(page);
	const ids = await drawnIn(page, window);
	const [from, to] = window;
	for (const e of EVENTS)
		if (e.start >= from + (to - from) * 0.1 && (e.end ?? e.start) <= to - (to - from) * 0.1)
			expect(ids).toContain(e.id);
});
