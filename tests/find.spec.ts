import { expect, test } from '@playwright/test';
import { dataset, openTimeline } from './helpers';

const marks = '[data-timeline] [data-event-id]';

test('search highlights matches, dims the rest, Enter jumps between matches, and survives a reload', async ({
	page
}) => {
	await openTimeline(page);
	const target = dataset.events.find((e) => e.quotes?.length) ?? dataset.events[0];
	const word = (target?.title ?? '').split(/\s+/).find((w) => w.length > 5) ?? '';
	await page.getByRole('searchbox', { name: 'Search events' }).fill(word);
	const matching = dataset.events.filter((e) =>
		[
			e.title,
			e.summary ?? '',
			...(e.actors ?? []),
			...(e.places ?? []),
			...(e.quotes ?? []).flatMap((q) => [q.text, q.speaker])
		]
			.join(' ')
			.toLowerCase()
			.includes(word.toLowerCase())
	);
	await expect(page.locator(`${marks}.matched`)).toHaveCount(matching.length);
	await expect(page.locator(`${marks}.dimmed`)).toHaveCount(
		dataset.events.length - matching.length
	);
	await expect(page.locator('.filters .count')).toContainText(`${matching.length} match`);
	await expect(page.locator('svg.overview .match').first()).toBeVisible();
	await page.getByRole('searchbox', { name: 'Search events' }).press('Enter');
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel).toBeVisible();
	const pinned = await panel.getByRole('heading', { level: 2 }).textContent();
	expect(matching.map((e) => e.title)).toContain(pinned);

	await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(word)}`));
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(page.getByRole('searchbox', { name: 'Search events' })).toHaveValue(word);
	await expect(page.locator(`${marks}.matched`)).toHaveCount(matching.length);
});

test('category filters and lane grouping change what is shown and live in the URL', async ({
	page
}) => {
	await openTimeline(page);
	const category = dataset.categories[0];
	const inCategory = dataset.events.filter((e) => e.category === category?.id);
	await page
		.getByRole('group', { name: 'Show categories' })
		.getByRole('button', { name: category?.label })
		.click();
	await expect(page.locator(marks)).toHaveCount(inCategory.length);
	await expect(page.locator('.event-list > li')).toHaveCount(inCategory.length);
	await page.getByLabel('Lanes by').selectOption('none');
	await expect(page.locator('[data-timeline] .lane-name')).toHaveText(['ALL EVENTS']);
	await expect(page).toHaveURL(/group=none/);
	await expect(page).toHaveURL(new RegExp(`cat=${category?.id}`));
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(page.locator(marks)).toHaveCount(inCategory.length);
	await expect(page.locator('[data-timeline] .lane-name')).toHaveText(['ALL EVENTS']);
	await page.getByRole('button', { name: 'Clear filters' }).click();
	await expect(page.locator(marks)).toHaveCount(dataset.events.length);
});

test('lanes can be grouped by actor', async ({ page }) => {
	await openTimeline(page);
	await page.getByLabel('Lanes by').selectOption('actor');
	const lanes = await page.locator('[data-timeline] .lane-name').allTextContents();
	// Lane names are set in capitals, on screen as in the exported figure.
	const firstActors = new Set(
		dataset.events.map((e) => e.actors?.[0]?.toUpperCase()).filter(Boolean)
	);
	expect(lanes.length).toBeGreaterThan(1);
	expect(lanes.some((lane) => firstActors.has(lane))).toBe(true);
	await expect(page.locator(marks)).toHaveCount(dataset.events.length);
});

test('the theme toggle switches to dark and remembers it', async ({ page }) => {
	await openTimeline(page);
	const paper = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const light = await paper();
	await page.getByRole('button', { name: 'Dark theme' }).click();
	await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	expect(await paper()).not.toBe(light);
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('/embed shows just the timeline and takes the same URL parameters', async ({ page }) => {
	const last = dataset.events[dataset.events.length - 1];
	await page.goto(`/embed?event=${last?.id}`);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
	await expect(page.locator(marks)).toHaveCount(dataset.events.length);
	await expect(page.locator('.event-list')).toHaveCount(0);
	await expect(page.getByRole('complementary', { name: 'Event details' })).toContainText(
		last?.title ?? ''
	);
});
