import { expect, test, type Page } from '@playwright/test';
import { generateDataset } from '../scripts/bench-data.js';
import { settledRange, timelineBox } from './helpers';

/** The bench's generator: three bursty years in eight lanes, far too many to draw one by one. */
const data = generateDataset(40_000, 3);
const perLane = new Map<string, number>();
for (const event of data.events)
	perLane.set(event.category, (perLane.get(event.category) ?? 0) + 1);
const startOf = new Map(data.events.map((e) => [e.id, Date.parse(e.start)]));

async function openBig(page: Page, as: 'json' | 'ndjson' = 'json') {
	const body =
		as === 'json' ? JSON.stringify(data) : data.events.map((e) => JSON.stringify(e)).join('\n');
	await page.route(
		(url) => url.pathname === `/big.${as}`,
		(route) => route.fulfill({ status: 200, contentType: 'application/json', body })
	);
	await page.goto(`/?src=/big.${as}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
}

/** Each lane the list counts: its total and the counts it lists, once its details are open. */
async function listedLanes(page: Page) {
	const list = page.locator('.density-list');
	if (!(await list.evaluate((d: HTMLDetailsElement) => d.open)))
		await list.locator('> summary').click();
	const lanes = list.locator('[data-density-lane]');
	const result = new Map<string, { total: number; counts: number[] }>();
	for (const lane of await lanes.all()) {
		const summary = lane.locator('summary');
		if (!(await lane.locator('details').evaluate((d: HTMLDetailsElement) => d.open)))
			await summary.click();
		const id = (await lane.getAttribute('data-density-lane')) ?? '';
		const total = Number(await lane.getAttribute('data-total'));
		await expect(lane.locator('li[data-count]').first()).toBeVisible();
		const counts = (await lane
			.locator('li[data-count]')
			.evaluateAll((items) =>
				items.map((li) => Number(li.getAttribute('data-count')))
			)) as number[];
		result.set(id, { total, counts });
	}
	return result;
}

/** The density bars the timeline draws, lane by lane: one subpath each in its lane's drawing. */
const drawnBars = (page: Page) =>
	page.locator('[data-timeline] [data-density-lane]').evaluateAll((lanes) => {
		const byLane: Record<string, number> = {};
		for (const lane of lanes) {
			const paths = [...lane.querySelectorAll('path')].map((p) => p.getAttribute('d') ?? '');
			byLane[lane.getAttribute('data-density-lane') ?? ''] = paths.join('').split('M').length - 1;
		}
		return byLane;
	});

test.describe('40,000 events drawn as density', () => {
	test.setTimeout(120_000);

	test('at overview every lane is bars without numbers, and the list counts every event', async ({
		page
	}) => {
		await openBig(page);
		await timelineBox(page);
		// Bars, not rows of number boxes: nothing written on them.
		await expect(page.locator('[data-timeline] [data-density-lane]')).toHaveCount(8);
		await expect(page.locator('[data-timeline] .count')).toHaveCount(0);
		await expect(page.locator('.density-list > summary')).toHaveText(
			/Counts in view: 40,000 events drawn as density in 8 lanes/
		);
		const bars = await drawnBars(page);
		const lanes = await listedLanes(page);
		expect([...lanes.keys()].sort()).toEqual([...perLane.keys()].sort());
		for (const [lane, { total, counts }] of lanes) {
			expect(total, lane).toBe(perLane.get(lane));
			expect(
				counts.reduce((a, b) => a + b, 0),
				lane
			).toBe(total);
			// One listed count per bar drawn.
			expect(counts.length, lane).toBe(bars[lane]);
		}
	});

	test('from NDJSON, whose events reach the page while the file is still read, every lane adds up', async ({
		page
	}) => {
		await openBig(page, 'ndjson');
		await expect(page.locator('.density-list > summary')).toHaveText(
			/Counts in view: 40,000 events drawn as density in 8 lanes/
		);
		const lanes = await listedLanes(page);
		for (const [lane, { total }] of lanes) expect(total, lane).toBe(perLane.get(lane));
	});

	test('hovering a bar gives its count, the one the list gives', async ({ page }) => {
		await openBig(page);
		await timelineBox(page);
		const lane = page.locator('[data-timeline] [data-density-lane]').nth(2);
		const box = await lane.boundingBox();
		if (!box) throw new Error('no density lane');
		// Every bar stands on the lane's baseline: just above it, the middle of the lane is a bar.
		await page.mouse.move(box.x + box.width / 2, box.y + box.height - 1, { steps: 3 });
		// The bar under the pointer is outlined: an element of its own, for the tooltip to point at.
		const laneId = (await lane.getAttribute('data-density-lane')) ?? '';
		const target = page.locator(`[data-timeline] [data-cluster-id^="cluster:${laneId}:"]`);
		await expect(target).toHaveCount(1);
		const id = (await target.getAttribute('data-cluster-id')) ?? '';
		const tooltip = page.getByRole('tooltip').locator('.cluster-title strong');
		await expect(tooltip).toBeVisible();
		const shown = Number(((await tooltip.textContent()) ?? '').replace(/\D/g, ''));
		await listedLanes(page);
		const listed = page.locator(`.density-list li[data-cluster="${id}"]`);
		await expect(listed).toHaveAttribute('data-count', String(shown));
	});

	test('after a ctrl+wheel zoom, the counts follow the view and still add up', async ({ page }) => {
		await openBig(page);
		const box = await timelineBox(page);
		await page.mouse.move(box.x + box.width / 2, box.y + 120);
		await page.keyboard.down('Control');
		for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -100);
		await page.keyboard.up('Control');
		await settledRange(page);
		const params = new URL(page.url()).searchParams;
		const from = Date.parse(params.get('from') ?? '');
		const to = Date.parse(params.get('to') ?? '');
		expect(to - from).toBeLessThan(60 * 86_400_000);

		const lanes = await listedLanes(page);
		const bars = await drawnBars(page);
		let listed = 0;
		for (const [lane, { total, counts }] of lanes) {
			expect(
				counts.reduce((a, b) => a + b, 0),
				lane
			).toBe(total);
			expect(counts.length, lane).toBe(bars[lane]);
			expect(total, lane).toBeLessThan(perLane.get(lane) ?? 0);
			listed += total;
		}
		const summary = (await page.locator('.density-list > summary').textContent()) ?? '';
		expect(Number(summary.replace(/^\D*([\d,]+) events.*$/s, '$1').replace(/,/g, ''))).toBe(listed);
		// The events drawn one by one are events of the window (a month-long one may reach into it).
		const drawn = await page
			.locator('[data-timeline] [data-event-id]')
			.evaluateAll((marks) => marks.map((m) => m.getAttribute('data-event-id') ?? ''));
		for (const id of drawn) {
			const start = startOf.get(id) ?? NaN;
			expect(start, id).toBeLessThanOrEqual(to + 86_400_000);
			expect(start, id).toBeGreaterThanOrEqual(from - 32 * 86_400_000);
		}
	});
});
