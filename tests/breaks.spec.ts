import { expect, test, type Page } from '@playwright/test';
import { openTimeline, settledRange, timeline, timelineBox } from './helpers';

const toggle = (page: Page) => page.getByRole('button', { name: 'Skip gaps' });

type Box = { x: number; y: number; width: number; height: number };

/** The box of an event's shape on screen. */
async function markBox(page: Page, id: string): Promise<Box> {
	const box = await timeline(page)
		.locator(`[data-event-id="${id}"] rect.span, [data-event-id="${id}"] path.point`)
		.first()
		.boundingBox();
	if (!box) throw new Error(`no mark for ${id}`);
	return box;
}

/** Where each break's band is, on screen. */
const breakPositions = (page: Page) =>
	timeline(page)
		.locator('.breaks rect.break-band')
		.evaluateAll((bands) => bands.map((band) => Math.round(band.getBoundingClientRect().x)));

/** The visible window's dates, read back from the URL the page keeps in step. */
async function urlWindow(page: Page): Promise<[number, number]> {
	// The page writes the URL a quarter of a second after the view stops moving.
	await page.waitForTimeout(400);
	await expect(page).toHaveURL(/from=/);
	const url = new URL(page.url());
	return [
		Date.parse(url.searchParams.get('from') ?? ''),
		Date.parse(url.searchParams.get('to') ?? '')
	];
}

test('the bundled report opens with its empty months skipped, marked on the timeline and overview', async ({
	page
}) => {
	await openTimeline(page);
	await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
	const breaks = timeline(page).locator('.breaks');
	await expect(breaks).toHaveAttribute('data-breaks', '3');
	for (const label of ['4 months', '6 weeks', '10 days']) {
		await expect(breaks.locator('.break-label', { hasText: label })).toBeVisible();
	}
	// The North Korean deployment runs through two breaks: drawn cut at the one its label leaves
	// free, while at the other its title, written whole along the span, runs across the band.
	const deployment = timeline(page).locator('[data-event-id="north-korean-troops"]');
	await expect(deployment.locator('.label')).toHaveText(
		'North Korean troops deployed to help Russia'
	);
	await expect(timeline(page).locator('.break-cuts .break-mark')).toHaveCount(2);
	await expect(page.locator('svg.overview .breaks')).toHaveAttribute('data-breaks', '3');
	// The story's days take most of the width: 17 November has day ticks of its own.
	await expect(timeline(page).locator('.tick', { hasText: 'Sun 17' })).toBeVisible();
	// Tooltips still give real dates: the June event says June.
	await timelineBox(page);
	const june = await markBox(page, 'zelensky-half-energy-capacity');
	await page.mouse.move(june.x + june.width / 2, june.y + june.height / 2);
	await expect(page.getByRole('tooltip')).toContainText('11 June 2024');
	// Right of every break, hit-testing finds the right event and the panel gives its real date.
	const last = await markBox(page, 'war-1000-days');
	await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2);
	await expect(page.getByRole('tooltip')).toContainText(
		'The full-scale war reaches its 1,000th day'
	);
	await page.mouse.click(last.x + last.width / 2, last.y + last.height / 2);
	await expect(page.getByRole('complementary', { name: 'Event details' })).toContainText(
		'19 November 2024'
	);
});

test('Skip gaps turns breaks off and on, and the URL keeps the choice', async ({ page }) => {
	await openTimeline(page);
	await toggle(page).click();
	await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
	await expect(timeline(page).locator('.breaks')).toHaveCount(0);
	await expect(page.locator('svg.overview .breaks')).toHaveCount(0);
	await expect(page).toHaveURL(/breaks=off/);
	expect(await settledRange(page)).toContain('4 June');

	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
	await expect(timeline(page).locator('.breaks')).toHaveCount(0);

	// Zoomed in, turning breaks back on keeps the same dates in view.
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const linearWindow = await settledRange(page);
	await page.keyboard.press('Tab');
	await toggle(page).focus();
	await page.keyboard.press('Enter');
	await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
	await expect(page).not.toHaveURL(/breaks=/);
	expect(await settledRange(page)).toBe(linearWindow);
});

test('ctrl + wheel zooms about the date under the pointer, on either side of a break', async ({
	page
}) => {
	// The start of 11 June, left of the four-month break, and the middle of 15 November, right of
	// the six-week one: the zoom keeps each where it was while the breaks beside them move away.
	const anchors = [
		{ id: 'zelensky-half-energy-capacity', at: (box: Box) => box.x, date: Date.UTC(2024, 5, 11) },
		{
			id: 'scholz-putin-call',
			at: (box: Box) => box.x + box.width / 2,
			date: Date.UTC(2024, 10, 15)
		}
	];
	for (const { id, at, date } of anchors) {
		await openTimeline(page);
		await timelineBox(page);
		const before = at(await markBox(page, id));
		const gapsBefore = await breakPositions(page);
		await page.mouse.move(before, (await markBox(page, id)).y + 4);
		await page.keyboard.down('Control');
		for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -100);
		await page.keyboard.up('Control');
		await settledRange(page);
		const after = at(await markBox(page, id));
		expect(Math.abs(after - before), `${id} stays under the pointer`).toBeLessThan(2);
		// …while the breaks moved away from it: the zoom happened, across them.
		const gapsAfter = await breakPositions(page);
		expect(gapsAfter).not.toEqual(gapsBefore);
		// The window is narrower than the whole (10 June – 1 December, 174 days) and still holds
		// the anchor's date.
		const [from, to] = await urlWindow(page);
		expect(to - from).toBeLessThan(170 * 86_400_000);
		expect(from).toBeLessThan(date);
		expect(to).toBeGreaterThan(date);
	}
});

test('a drag and the keys pan through a break', async ({ page }) => {
	await openTimeline(page, '/?from=2024-11-15T00:00Z&to=2024-11-17T00:00Z');
	const start = await settledRange(page);
	expect(start).toContain('November');
	const box = await timelineBox(page);
	// Dragging to the right shows earlier times: through the six-week break into October.
	await page.mouse.move(box.x + 200, box.y + 20);
	await page.mouse.down();
	await page.mouse.move(box.x + 900, box.y + 20, { steps: 10 });
	await page.mouse.up();
	await settledRange(page);
	const [from, to] = await urlWindow(page);
	expect(from).toBeLessThan(Date.UTC(2024, 9, 1));
	expect(to).toBeGreaterThan(Date.UTC(2024, 10, 14));
	await expect(timeline(page).locator('.break-label', { hasText: '6 weeks' })).toBeVisible();

	// The overview's arrow keys move the window on, through the break and back into November.
	const overview = page.locator('svg.overview');
	await overview.focus();
	for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
	await expect.poll(() => settledRange(page)).toMatch(/1[5-9] November|2[0-9] November/);

	// The arrow keys on the timeline go from event to event, the view following through breaks.
	await page.goto('/?from=2024-11-15T00:00Z&to=2024-11-17T00:00Z&event=scholz-putin-call');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await timeline(page).locator('[data-event-id="scholz-putin-call"]').focus();
	// Back in time: the other call that day, the North Korean deployment, then June.
	const focused = () =>
		page.evaluate(() =>
			document.activeElement?.closest('[data-event-id]')?.getAttribute('data-event-id')
		);
	for (let i = 0; i < 4 && (await focused()) !== 'zelensky-half-energy-capacity'; i++) {
		await page.keyboard.press('ArrowLeft');
		await page.waitForTimeout(150);
	}
	await expect.poll(() => settledRange(page)).toContain('June');
	await expect(
		timeline(page).locator('[data-event-id="zelensky-half-energy-capacity"]')
	).toBeFocused();
});
