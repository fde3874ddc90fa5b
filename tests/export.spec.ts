import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { dataset, openTimeline } from './helpers';

async function exportFile(
	page: Page,
	format: 'SVG' | 'PNG',
	scope: 'Current view' | 'Whole timeline'
) {
	const trigger = page.getByRole('button', { name: /Export/ });
	if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
	await page.getByRole('radio', { name: scope }).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: format, exact: true }).click()
	]);
	const path = await download.path();
	return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

/** Parses SVG text in the browser and reports what a checker needs to know. */
async function inspectSvg(page: Page, text: string) {
	return page.evaluate((source) => {
		const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
		const root = doc.documentElement;
		const all = [...doc.querySelectorAll('*')];
		return {
			parseError: doc.querySelector('parsererror')?.textContent ?? null,
			namespace: root.namespaceURI,
			viewBox: root.getAttribute('viewBox'),
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			title: doc.querySelector('svg > title')?.textContent ?? null,
			desc: doc.querySelector('svg > desc')?.textContent ?? null,
			scripts: doc.querySelectorAll('script').length,
			foreignObjects: doc.getElementsByTagName('foreignObject').length,
			handlers: all.flatMap((el) =>
				[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)
			),
			references: all.flatMap((el) =>
				[...el.attributes].filter((a) => /href$/i.test(a.name)).map((a) => a.value)
			),
			text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n'),
			eventIds: [...doc.querySelectorAll('[data-event-id]')].map((el) =>
				el.getAttribute('data-event-id')
			)
		};
	}, text);
}

/** Mean absolute difference per channel (0–255) between two same-sized PNG screenshots. */
async function imageDifference(page: Page, a: Buffer, b: Buffer) {
	return page.evaluate(
		async ([first, second]: [string, string]) => {
			const load = async (base64: string) => {
				const image = new Image();
				image.src = `data:image/png;base64,${base64}`;
				await image.decode();
				const canvas = document.createElement('canvas');
				canvas.width = image.width;
				canvas.height = image.height;
				const context = canvas.getContext('2d');
				if (!context) throw new Error('no canvas');
				context.drawImage(image, 0, 0);
				return context.getImageData(0, 0, image.width, image.height);
			};
			const [x, y] = await Promise.all([load(first), load(second)]);
			if (x.width !== y.width || x.height !== y.height)
				return { sizes: [x.width, x.height, y.width, y.height], difference: 255 };
			let total = 0;
			for (let i = 0; i < x.data.length; i += 4) {
				for (let c = 0; c < 3; c++) total += Math.abs((x.data[i + c] ?? 0) - (y.data[i + c] ?? 0));
			}
			return { sizes: [x.width, x.height], difference: total / ((x.data.length / 4) * 3) };
		},
		[a.toString('base64'), b.toString('base64')] as [string, string]
	);
}

test('Export → SVG of the current view is a safe, complete figure that looks like the screen', async ({
	page
}) => {
	await openTimeline(page);
	const { name, bytes } = await exportFile(page, 'SVG', 'Current view');
	expect(name).toMatch(/^[a-z0-9-]+_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.svg$/);
	const svg = bytes.toString('utf8');
	const info = await inspectSvg(page, svg);
	expect(info.parseError).toBeNull();
	expect(info.namespace).toBe('http://www.w3.org/2000/svg');
	expect(info.viewBox).toBe(`0 0 ${info.width} ${info.height}`);
	expect(info.title).toBe(dataset.title);
	expect(info.desc).toMatch(/Timeline of \d+ events/);
	expect(info.scripts + info.foreignObjects).toBe(0);
	expect(info.handlers).toEqual([]);
	expect(info.references).toEqual([]);
	// The full view holds every event; each title appears (possibly shortened with an ellipsis).
	expect(info.eventIds.sort()).toEqual(dataset.events.map((e) => e.id).sort());
	const onScreen = await page.locator('[data-timeline] .label').allTextContents();
	for (const label of onScreen) expect(info.text).toContain(label);

	// Opened by itself in Chromium, the figure's timeline looks like the one on screen.
	// Page coordinates (not viewport), for a full-page screenshot of a timeline taller than the screen.
	await page.evaluate(() => scrollTo(0, 0));
	const box = await page.locator('svg[data-timeline]').boundingBox();
	if (!box) throw new Error('no timeline');
	const size = { width: Math.floor(box.width), height: Math.floor(box.height) };
	await page.getByRole('button', { name: /Export/ }).click();
	await page.mouse.move(0, 0);
	const screen = await page.screenshot({ clip: { x: box.x, y: box.y, ...size }, fullPage: true });
	const figurePage = await page.context().newPage();
	await figurePage.setViewportSize({ width: info.width, height: info.height });
	await figurePage.setContent(
		`<html><body style="margin:0">${svg.replace(/^<\?xml[^>]*\?>/, '')}</body></html>`
	);
	// The timeline sits in its own nested <svg>, which clips it at the frame as the page does.
	const frame = await figurePage.locator('svg > svg').first().boundingBox();
	if (!frame || !box) throw new Error('missing boxes');
	const exported = await figurePage.screenshot({
		clip: { x: frame.x, y: frame.y, width: box.width, height: box.height }
	});
	const { difference, sizes } = await imageDifference(page, screen, exported);
	expect(sizes.length, `sizes ${sizes}`).toBe(2);
	// The same figure without its marks and labels differs far more: the tolerance tells them apart.
	await figurePage.evaluate(() =>
		document.querySelectorAll('[data-event-id]').forEach((el) => el.remove())
	);
	const withoutMarks = await figurePage.screenshot({
		clip: { x: frame.x, y: frame.y, ...size },
		fullPage: true
	});
	const baseline = (await imageDifference(page, screen, withoutMarks)).difference;
	console.log(`figure vs screen: ${difference.toFixed(2)}, without marks: ${baseline.toFixed(2)}`);
	expect(difference).toBeLessThan(baseline / 3);
});

test('Export → SVG of the whole timeline, and PNG at twice the size', async ({ page }) => {
	await openTimeline(page);
	// Zoom in first: the whole-timeline export must still hold every event.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: /Export/ }).click();
	await page.getByRole('radio', { name: /Wide, 1600 px/ }).check();
	const whole = await exportFile(page, 'SVG', 'Whole timeline');
	const info = await inspectSvg(page, whole.bytes.toString('utf8'));
	expect(info.parseError).toBeNull();
	expect(info.width).toBe(1600);
	expect(info.eventIds.sort()).toEqual(dataset.events.map((e) => e.id).sort());

	const png = await exportFile(page, 'PNG', 'Whole timeline');
	expect(png.name).toMatch(/\.png$/);
	const decoded = await page.evaluate(async (base64) => {
		const image = new Image();
		image.src = `data:image/png;base64,${base64}`;
		await image.decode();
		return { width: image.naturalWidth, height: image.naturalHeight };
	}, png.bytes.toString('base64'));
	expect(decoded).toEqual({ width: info.width * 2, height: info.height * 2 });
});

test('Export for a column with numbered sources: 640 px wide, every event numbered, its evidence listed', async ({
	page
}) => {
	await openTimeline(page);
	await page.getByRole('button', { name: /Export/ }).click();
	await page.getByRole('radio', { name: /Column, 640 px/ }).check();
	await page.getByRole('checkbox', { name: 'Numbered sources and notes' }).check();
	const figure = await exportFile(page, 'SVG', 'Whole timeline');
	const info = await inspectSvg(page, figure.bytes.toString('utf8'));
	expect(info.parseError).toBeNull();
	expect(info.width).toBe(640);
	expect(info.scripts + info.foreignObjects + info.handlers.length + info.references.length).toBe(
		0
	);
	expect(info.eventIds.sort()).toEqual(dataset.events.map((e) => e.id).sort());
	expect(info.text).toContain('Sources and notes');
	// Every event's first source is named in the figure, under its number.
	for (const event of dataset.events) {
		const source = event.sources?.[0]?.name;
		if (source) expect(info.text).toContain(source);
	}
});

test('printing shows the timeline and the list, not the controls', async ({ page }) => {
	await openTimeline(page);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('svg[data-timeline]')).toBeVisible();
	await expect(page.locator('.event-list')).toBeVisible();
	await expect(page.getByRole('button', { name: /Export/ })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Zoom in' })).toBeHidden();
	await expect(page.locator('svg.overview')).toBeHidden();
});
