import { expect, test, type Page } from '@playwright/test';
import {
	dataset,
	labelBoxes,
	openTimeline,
	overlaps,
	range,
	settledRange,
	timelineBox
} from './helpers';

const unit = (page: Page) => page.locator('[data-timeline] .axis').getAttribute('data-unit');

/** Ctrl + wheel over the middle of the timeline, `steps` notches in (negative) or out. */
async function ctrlWheel(page: Page, steps: number, at?: { x: number; y: number }) {
	const box = await timelineBox(page);
	await page.mouse.move(at?.x ?? box.x + box.width * 0.8, at?.y ?? box.y + 60);
	await page.keyboard.down('Control');
	for (let i = 0; i < Math.abs(steps); i++) await page.mouse.wheel(0, Math.sign(steps) * 100);
	await page.keyboard.up('Control');
}

test('ctrl + wheel zooms in around the pointer, re-ticks the axis, and zooms back out', async ({
	page
}) => {
	await openTimeline(page);
	const before = await settledRange(page);
	const unitBefore = await unit(page);
	await ctrlWheel(page, -12);
	const after = await settledRange(page);
	expect(after).not.toBe(before);
	expect(await unit(page)).not.toBe(unitBefore);
	await expect(page.getByRole('button', { name: 'Fit all' })).toBeEnabled();
	await ctrlWheel(page, 30);
	expect(await settledRange(page)).toBe(before);
});

test('a plain vertical wheel scrolls the page, not the timeline, and shows a hint', async ({
	page
}) => {
	await openTimeline(page);
	const before = await settledRange(page);
	const box = await timelineBox(page);
	const scrolled = await page.evaluate(() => scrollY);
	await page.mouse.move(box.x + box.width / 2, box.y + 60);
	await page.mouse.wheel(0, 200);
	await expect(page.locator('.hint')).toHaveClass(/visible/);
	await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrolled);
	expect(await settledRange(page)).toBe(before);
});

test('dragging pans; shift + wheel pans; the overview brush shows and moves the window', async ({
	page
}) => {
	await openTimeline(page);
	await timelineBox(page);
	// A drag that starts on an event is not a click on it: it pins nothing.
	const mark = page
		.locator(
			'[data-timeline] [data-event-id] rect.span, [data-timeline] [data-event-id] path.point'
		)
		.first();
	const markBox = await mark.boundingBox();
	if (!markBox) throw new Error('no mark in view');
	await page.mouse.move(markBox.x + markBox.width / 2, markBox.y + markBox.height / 2);
	await page.mouse.down();
	await page.mouse.move(markBox.x + markBox.width / 2 - 150, markBox.y + markBox.height / 2, {
		steps: 6
	});
	await page.mouse.up();
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel).toHaveCount(0);
	// Nor does the event keep the focus the press gave it, or its tooltip once the pointer leaves.
	await page.mouse.move(0, 0);
	expect(
		await page.evaluate(() => document.activeElement?.getAttribute('data-event-id'))
	).toBeFalsy();
	await expect(page.getByRole('tooltip')).toHaveCount(0);
	// …where a click on the same spot does.
	await page.mouse.click(markBox.x + markBox.width / 2, markBox.y + markBox.height / 2);
	await expect(panel).toHaveCount(1);
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.getByRole('button', { name: 'Zoom in' }).click();
	const zoomed = await settledRange(page);
	const box = await timelineBox(page);
	await page.mouse.move(box.x + box.width / 2, box.y + 20);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 + 300, box.y + 20, { steps: 8 });
	await page.mouse.up();
	const dragged = await settledRange(page);
	expect(dragged).not.toBe(zoomed);

	await page.mouse.move(box.x + box.width / 2, box.y + 20);
	await page.keyboard.down('Shift');
	await page.mouse.wheel(0, 400);
	await page.keyboard.up('Shift');
	expect(await settledRange(page)).not.toBe(dragged);

	const overview = page.locator('svg.overview');
	const windowBox = await overview.locator('.window').boundingBox();
	const overviewBox = await overview.boundingBox();
	if (!windowBox || !overviewBox) throw new Error('no overview');
	expect(windowBox.width).toBeLessThan(overviewBox.width / 2);
	// Click at the far left of the overview: the window jumps there.
	const beforeJump = await settledRange(page);
	await page.mouse.click(overviewBox.x + 3, overviewBox.y + overviewBox.height / 2);
	expect(await settledRange(page)).not.toBe(beforeJump);
	const jumped = await overview.locator('.window').boundingBox();
	expect(jumped?.x).toBeLessThan(overviewBox.x + 5);
});

test('hovering marks shows a tooltip with that event’s title and date', async ({ page }) => {
	await openTimeline(page);
	const marks = page.locator('[data-timeline] [data-event-id]');
	const count = Math.min(4, await marks.count());
	for (let i = 0; i < count; i++) {
		const mark = marks.nth(i);
		const id = await mark.getAttribute('data-event-id');
		const event = dataset.events.find((e) => e.id === id);
		await mark.locator('rect.span, path.point').first().hover({ force: true });
		const tooltip = page.getByRole('tooltip');
		await expect(tooltip).toContainText(event?.title ?? '');
		await expect(tooltip.locator('time')).toContainText(/\d{4}/);
		// The tooltip never covers the mark it describes.
		const t = await tooltip.boundingBox();
		const m = await mark.locator('rect.span, path.point').first().boundingBox();
		if (t && m) {
			const separate =
				t.x + t.width <= m.x ||
				m.x + m.width <= t.x ||
				t.y + t.height <= m.y ||
				m.y + m.height <= t.y;
			expect(separate).toBe(true);
		}
	}
	await page.mouse.move(0, 0);
	await expect(page.getByRole('tooltip')).toHaveCount(0);
});

test('the keyboard walks the events in time order and opens their details', async ({ page }) => {
	await openTimeline(page);
	const order = await page
		.locator('.event-list > li')
		.evaluateAll((items) => items.map((li) => li.getAttribute('data-list-event-id')));
	const focusedId = () =>
		page.evaluate(() => document.activeElement?.getAttribute('data-event-id'));
	// From the toolbar's last control, one Tab lands on an event and the next leaves: one tab stop.
	await page.getByRole('button', { name: /Export/ }).focus();
	await page.keyboard.press('Tab');
	await expect.poll(focusedId).toBeTruthy();
	await page.keyboard.press('Tab');
	await expect.poll(focusedId).toBeFalsy();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Home');
	await expect.poll(focusedId).toBe(order[0]);
	await page.keyboard.press('ArrowRight');
	await expect.poll(focusedId).toBe(order[1]);
	const second = dataset.events.find((e) => e.id === order[1]);
	await expect(page.getByRole('tooltip')).toContainText(second?.title ?? '');
	// Nothing in a tooltip takes focus: Tab from a mark leaves the timeline, not into the tooltip.
	await expect(page.getByRole('tooltip').locator('a, button, input, [tabindex]')).toHaveCount(0);
	await page.keyboard.press('End');
	await expect.poll(focusedId).toBe(order[order.length - 1]);
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Event details' });
	const last = dataset.events.find((e) => e.id === order[order.length - 1]);
	await expect(panel).toContainText(last?.title ?? '');
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	// + zooms in around the focused event, 0 fits everything again.
	const full = await settledRange(page);
	await page.keyboard.press('+');
	expect(await settledRange(page)).not.toBe(full);
	await page.keyboard.press('0');
	expect(await settledRange(page)).toBe(full);
});

test('clicking a mark pins its details; previous and next walk the events', async ({ page }) => {
	await openTimeline(page);
	const order = await page
		.locator('.event-list > li')
		.evaluateAll((items) => items.map((li) => li.getAttribute('data-list-event-id')));
	const id = order[1] ?? '';
	await page
		.locator(`[data-event-id="${id}"]`)
		.locator('rect.span, path.point')
		.first()
		.click({ force: true });
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
		dataset.events.find((e) => e.id === id)?.title ?? ''
	);
	await panel.getByRole('button', { name: 'Next →' }).click();
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
		dataset.events.find((e) => e.id === order[2])?.title ?? ''
	);
	await expect(page).toHaveURL(new RegExp(`event=${order[2]}`));
	// Hovering the pinned event in the list highlights its mark, and the list item is marked too.
	await page.locator(`#event-${order[3]}`).hover();
	await expect(page.locator(`[data-timeline] [data-event-id="${order[3]}"]`)).toHaveClass(/active/);
});

test('a shared URL restores the view and the selection; nonsense in the URL is ignored', async ({
	page
}) => {
	const target = dataset.events[dataset.events.length - 1];
	await page.goto(`/?from=2024-11-16T22:00Z&to=2024-11-18T22:00Z&event=${target?.id}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(range(page)).toHaveText('Showing 17–18 November 2024');
	await expect(page.getByRole('complementary', { name: 'Event details' })).toContainText(
		target?.title ?? ''
	);

	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/?from=yesterday&to=2024-99-99&event=%3Cscript%3E');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByRole('button', { name: 'Fit all' })).toBeDisabled();
	await expect(page.getByRole('complementary', { name: 'Event details' })).toHaveCount(0);
	expect(errors).toEqual([]);
});

test('no two labels overlap at any zoom', async ({ page }) => {
	await openTimeline(page);
	for (let i = 0; i < 6; i++) {
		await ctrlWheel(page, -4);
		await settledRange(page);
		expect(overlaps(await labelBoxes(page))).toEqual([]);
	}
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('tapping a mark shows its details, tapping elsewhere closes them; pinch zooms', async ({
		page
	}) => {
		await openTimeline(page);
		const mark = page.locator('[data-timeline] [data-event-id]').first();
		const id = await mark.getAttribute('data-event-id');
		await mark.scrollIntoViewIfNeeded();
		const box = await mark.locator('rect.span, path.point').first().boundingBox();
		if (!box) throw new Error('no mark');
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		const panel = page.getByRole('complementary', { name: 'Event details' });
		await expect(panel).toContainText(dataset.events.find((e) => e.id === id)?.title ?? '');
		// Tap away from the timeline: on the page's heading.
		await page.evaluate(() => scrollTo(0, 0));
		const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
		if (!heading) throw new Error('no heading');
		await page.touchscreen.tap(heading.x + 20, heading.y + heading.height / 2);
		await expect(panel).toHaveCount(0);

		const before = await settledRange(page);
		const svgBox = await timelineBox(page);
		const cx = svgBox.x + svgBox.width * 0.7;
		const cy = svgBox.y + 80;
		const client = await page.context().newCDPSession(page);
		const touch = (dx: number) => [
			{ x: cx - dx, y: cy, id: 1 },
			{ x: cx + dx, y: cy, id: 2 }
		];
		await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(20) });
		for (let dx = 25; dx <= 120; dx += 5) {
			await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(dx) });
		}
		await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		const pinched = await settledRange(page);
		expect(pinched).not.toBe(before);
		await expect(page.getByRole('button', { name: 'Fit all' })).toBeEnabled();

		// One finger dragged sideways pans without zooming, and opens nothing on lifting.
		const windowWidth = async () =>
			(await page.locator('svg.overview .window').boundingBox())?.width ?? 0;
		const widthBefore = await windowWidth();
		await client.send('Input.dispatchTouchEvent', {
			type: 'touchStart',
			touchPoints: [{ x: cx, y: cy, id: 3 }]
		});
		for (let dx = 10; dx <= 150; dx += 10) {
			await client.send('Input.dispatchTouchEvent', {
				type: 'touchMove',
				touchPoints: [{ x: cx - dx, y: cy, id: 3 }]
			});
		}
		await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		expect(await settledRange(page)).not.toBe(pinched);
		expect(Math.abs((await windowWidth()) - widthBefore)).toBeLessThan(1);
		await expect(panel).toHaveCount(0);
	});
});

test('zooming past the limit keeps the point under the pointer in view', async ({ page }) => {
	await openTimeline(page);
	const box = await timelineBox(page);
	// Far more notches than the zoom limit allows, at 80% of the width.
	await ctrlWheel(page, -40, { x: box.x + box.width * 0.8, y: box.y + 60 });
	await settledRange(page);
	const overview = await page.locator('svg.overview').boundingBox();
	const window = await page.locator('svg.overview .window').boundingBox();
	if (!overview || !window) throw new Error('no overview');
	const centre = (window.x + window.width / 2 - overview.x) / overview.width;
	expect(centre).toBeGreaterThan(0.75);
	expect(centre).toBeLessThan(0.85);
});

test('Zoom in stops at the deepest zoom, staying on the same moment, and then disables', async ({
	page
}) => {
	// Without animation, each click lands before the next, so the loop knows when to stop.
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await openTimeline(page);
	const zoomIn = page.getByRole('button', { name: 'Zoom in' });
	const overview = page.locator('svg.overview');
	const centre = async () => {
		const o = await overview.boundingBox();
		const w = await overview.locator('.window').boundingBox();
		if (!o || !w) throw new Error('no overview');
		return (w.x + w.width / 2 - o.x) / o.width;
	};
	const first = await centre();
	for (let i = 0; i < 30 && (await zoomIn.isEnabled()); i++) await zoomIn.click();
	await expect(zoomIn).toBeDisabled();
	// Zooming in around the middle never slid the view sideways.
	expect(Math.abs((await centre()) - first)).toBeLessThan(0.02);
	await expect(page.getByRole('button', { name: 'Fit all' })).toBeEnabled();
});
