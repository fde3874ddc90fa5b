import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { serveFixtures } from './helpers';

const timeline = (page: Page) => page.locator('svg[data-timeline]');
const axis = (page: Page) => page.locator('[data-timeline] .axis');
const tickLabels = (page: Page) => axis(page).locator('text').allTextContents();

async function open(page: Page, name: string, query = '') {
	await serveFixtures(page);
	await page.goto(`/?src=/fixtures/${name}.json${query}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await page.evaluate(() =>
		document.querySelector('[data-timeline]')?.scrollIntoView({ block: 'start' })
	);
}

/** The centre of an event's mark on screen. */
async function markCentre(page: Page, id: string) {
	const box = await page
		.locator(`[data-timeline] [data-event-id="${id}"]`)
		.locator('rect.span, path.point')
		.first()
		.boundingBox();
	if (!box) throw new Error(`no mark for ${id}`);
	return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Ctrl + wheel at a point, `notches` in (negative) or out, then waits for the zoom to settle. */
async function ctrlWheel(page: Page, at: { x: number; y: number }, notches: number) {
	await page.mouse.move(at.x, at.y);
	await page.keyboard.down('Control');
	for (let i = 0; i < Math.abs(notches); i++) await page.mouse.wheel(0, Math.sign(notches) * 100);
	await page.keyboard.up('Control');
	const range = page.locator('.toolbar .range');
	let previous = '';
	for (let i = 0; i < 30; i++) {
		const now = (await range.textContent()) ?? '';
		if (now === previous) return;
		previous = now;
		await page.waitForTimeout(120);
	}
}

/** Hovers an event's mark and returns the tooltip's text. */
async function tooltipOf(page: Page, id: string) {
	await page.mouse.move(0, 0);
	const at = await markCentre(page, id);
	await page.mouse.move(at.x, at.y);
	const tooltip = page.getByRole('tooltip');
	await expect(tooltip).toBeVisible();
	return (await tooltip.textContent()) ?? '';
}

test('a cosmological timeline is ticked in billions of years and zooms down to the day of the Moon landing', async ({
	page
}) => {
	test.setTimeout(90_000);
	await open(page, 'cosmos');
	await expect(axis(page)).toHaveAttribute('data-unit', 'billion-years');
	// Long empty stretches between the Big Bang, the first stars and the Earth are skipped: each
	// stretch left is ticked at its own step, in the same words.
	const labels = await tickLabels(page);
	expect(labels).toEqual(expect.arrayContaining(['4 billion years ago']));
	expect(labels.filter((l) => l.endsWith('billion years ago')).length).toBeGreaterThan(2);
	expect(labels.every((l) => /(years ago|CE)$/.test(l))).toBe(true);
	await expect(page.locator('.toolbar .range')).toContainText('billion years ago');
	expect(await tooltipOf(page, 'big-bang')).toContain('13.8 billion years ago');
	expect(await tooltipOf(page, 'earth')).toContain('4.54 billion years ago');

	// Zoom in on the last stretch: the end of the dinosaurs in millions of years, then people.
	const units: string[] = [];
	const moon = await markCentre(page, 'moon-landing');
	// Four notches at a time, re-aiming at the mark: a day's mark is wider than its day until
	// zoomed in, so aiming at its middle misses the day by a little, ever more as the zoom deepens.
	for (let step = 0; step < 40; step++) {
		await ctrlWheel(page, await markCentre(page, 'moon-landing'), -4);
		units.push((await axis(page).getAttribute('data-unit')) ?? '');
		const labels = await tickLabels(page);
		expect(labels.join(' ')).not.toMatch(/NaN|Invalid|undefined/);
		if (units.at(-1) === 'hour' || units.at(-1) === 'minute') break;
	}
	// Every scale on the way: millions of years, millennia, centuries, years, months, days.
	for (const unit of ['million-years', 'millennium', 'year', 'month', 'day'])
		expect(units).toContain(unit);
	expect(moon.x).toBeGreaterThan(0);
	expect(await tooltipOf(page, 'moon-landing')).toContain('Sunday 20 July 1969');
	await expect(axis(page)).toContainText('July 1969');
});

test('a BCE timeline reads "44 BCE" on its axis and in its tooltips, and zooms to the Ides of March', async ({
	page
}) => {
	// In plain linear time the axis runs from BCE into CE years, and says which is which.
	await open(page, 'roman-republic', '&breaks=off');
	expect(await tickLabels(page)).toEqual(expect.arrayContaining(['100 BCE', '50 BCE', '1 CE']));
	// With the empty years skipped (the default), every stretch is ticked in BCE years.
	await open(page, 'roman-republic');
	const labels = await tickLabels(page);
	expect(labels).toEqual(expect.arrayContaining(['50 BCE']));
	expect(labels.filter((l) => l.endsWith('BCE')).length).toBeGreaterThan(3);
	await expect(page.locator('.toolbar .range')).toContainText('BCE');
	expect(await tooltipOf(page, 'ides')).toContain('Friday 15 March 44 BCE, morning');
	expect(await tooltipOf(page, 'gaul')).toContain('58 BCE – 50 BCE');
	// The details and the list say the same as the tooltip.
	const ides = await markCentre(page, 'ides');
	await page.mouse.click(ides.x, ides.y);
	await expect(page.getByRole('complementary', { name: 'Event details' })).toContainText(
		'Friday 15 March 44 BCE, morning'
	);
	await page.keyboard.press('Escape');
	const card = page.getByRole('listitem').filter({ hasText: 'Augustus dies' });
	await expect(card).toContainText('Tuesday 19 August 14');

	for (let step = 0; step < 8; step++) {
		await ctrlWheel(page, await markCentre(page, 'ides'), -6);
		const unit = await axis(page).getAttribute('data-unit');
		if (unit === 'day' || unit === 'hour') break;
	}
	await expect(axis(page)).toContainText('March 44 BCE');
	expect(await tooltipOf(page, 'ides')).toContain('Friday 15 March 44 BCE');
	// The view in the URL survives a reload, BCE years and all.
	await page.waitForURL(/from=-0043/);
	const url = page.url();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	expect(page.url()).toBe(url);
	await expect(axis(page)).toContainText('March 44 BCE');
});

test('the exported figure of deep time carries the same words', async ({ page }) => {
	await open(page, 'cosmos');
	await page.getByRole('button', { name: /Export/ }).click();
	await page.getByRole('radio', { name: 'Whole timeline' }).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'SVG', exact: true }).click()
	]);
	// Years in file names are years: no ISO "-013800000000" that reads as an option.
	expect(download.suggestedFilename()).toMatch(/^from-the-big-bang-to-now_\d+bce_\d+\.svg$/);
	const svg = await readFile(await download.path(), 'utf8');
	expect(svg).toContain('4 billion years ago');
	expect(svg).toMatch(/billion years ago – [\d.]+ (million )?CE/);
	expect(svg).not.toMatch(/NaN|Invalid Date/);
	await expect(timeline(page)).toBeVisible();
});
