import { expect, test } from '@playwright/test';
import { dataset, labelBoxes, openTimeline, overlaps } from './helpers';

const ids = dataset.events.map((e) => e.id);

test.describe('with JavaScript turned off', () => {
	test.use({ javaScriptEnabled: false });

	test('the prerendered page shows the whole timeline and the full list', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
		const svg = page.locator('svg[data-timeline]');
		await expect(svg).toBeVisible();
		for (const id of ids) {
			await expect(svg.locator(`[data-event-id="${id}"]`), `mark for ${id}`).toHaveCount(1);
		}
		await expect(svg.locator('[data-event-id]')).toHaveCount(ids.length);
		const list = page.locator('.event-list > li');
		await expect(list).toHaveCount(ids.length);
		for (const event of dataset.events) {
			await expect(page.locator(`#event-${event.id}`)).toContainText(event.title);
		}
		// The axis is drawn: tick labels and a context label naming the year of the months below.
		await expect(svg.locator('.tick').first()).toBeVisible();
		await expect(svg.locator('.context', { hasText: 'November 2024' })).toBeVisible();
	});
});

test.describe('with JavaScript on', () => {
	test('loads without console errors and marks every event exactly once', async ({ page }) => {
		const errors: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') errors.push(message.text());
		});
		page.on('pageerror', (error) => errors.push(error.message));
		await openTimeline(page);
		for (const id of ids) {
			await expect(page.locator(`[data-timeline] [data-event-id="${id}"]`)).toHaveCount(1);
		}
		expect(errors).toEqual([]);
	});

	test('no two labels overlap on screen, on a desktop and on a phone', async ({ page }) => {
		for (const viewport of [
			{ width: 1280, height: 800 },
			{ width: 390, height: 844 }
		]) {
			await page.setViewportSize(viewport);
			await openTimeline(page);
			const boxes = await labelBoxes(page);
			expect(boxes.length).toBeGreaterThan(3);
			expect(overlaps(boxes)).toEqual([]);
		}
	});

	test('day-precision events are drawn as soft spans, exact times as points', async ({ page }) => {
		await openTimeline(page);
		const dayOnly = dataset.events.find(
			(e) => /^\d{4}-\d{2}-\d{2}$/.test(e.start) && !('end' in e)
		);
		expect(dayOnly, 'the dataset has a day-precision event').toBeDefined();
		const mark = page.locator(`[data-event-id="${dayOnly?.id}"]`);
		await expect(mark).toHaveClass(/uncertain/);
		await expect(mark.locator('rect.span')).toHaveCount(1);
		await expect(mark.locator('path.point')).toHaveCount(0);
	});
});
