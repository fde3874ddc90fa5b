import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { serveFixtures } from './helpers';

/** A TimelineJS file with eras, media, structured text and display dates, opened by address. */
async function openHarbour(page: Page) {
	await serveFixtures(page);
	// The file's pictures, from their own host: a 1×1 PNG.
	await page.route('https://images.example/**', (route) =>
		route.fulfill({
			contentType: 'image/png',
			body: Buffer.from(
				'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
				'base64'
			)
		})
	);
	await page.goto('/?src=/fixtures/import-timelinejs-eras.json');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
}

const card = (page: Page, id: string) => page.locator(`#event-${id}`);

test('a TimelineJS file reads as its authors wrote it: eras as bands, display dates, media, text', async ({
	page,
	baseURL
}) => {
	await openHarbour(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbour of Velm');
	// The title slide's picture is the timeline's own.
	await expect(
		page.locator('header').getByRole('img', { name: 'The harbour of Velm seen from the hill' })
	).toHaveAttribute('loading', 'lazy');
	// The file names no time zone, and nothing claims one for it.
	await expect(page.locator('.meta')).toContainText('it names no time zone');
	await expect(page.locator('.meta')).not.toContainText('UTC');
	// The keys it ignored are named.
	await expect(page.getByText(/events\[\]\.background, events\[\]\.autolink/)).toBeVisible();

	// Eras are bands behind the lanes, labelled, and not events.
	const timeline = page.locator('[data-timeline]');
	await expect(timeline.locator('.eras text')).toHaveText([
		'Fishing village',
		'Breakwater years',
		'Steam port'
	]);
	await expect(timeline.locator('[data-event-id]')).toHaveCount(4);
	// The bands are pictures; the eras are also listed as text for readers who do not see them.
	await expect(page.getByRole('region', { name: 'Eras' }).getByRole('listitem')).toHaveText([
		'Fishing village 1840 – 1860',
		'Breakwater years 1860 – 1900',
		'Steam port 1900 – 1910'
	]);
	await expect(page.locator('.meta')).toContainText('4 events');

	// The display date is the date people read; the placing date is beside it.
	const pier = card(page, 'first-pier');
	await expect(pier.locator('time')).toHaveText('Spring 1842 – early summer');
	await expect(pier).toContainText('Placed at Saturday 2 April 1842 – June 1842');
	// Structured text: paragraphs, a list with emphasis, an http link and a mail link.
	await expect(pier.locator('li em')).toHaveText('old fort');
	await expect(pier.getByRole('link', { name: 'the parish record' })).toHaveAttribute(
		'href',
		'https://archive.example/velm/pier'
	);
	await expect(pier.getByRole('link', { name: 'the archive' })).toHaveAttribute(
		'href',
		'mailto:records@archive.example'
	);
	// The relative media link is resolved against the file's own address (http here, so a link).
	await expect(pier.getByRole('link', { name: 'The pier in a later drawing' })).toHaveAttribute(
		'href',
		`${baseURL}/fixtures/img/pier.jpg`
	);
	await expect(pier).toContainText('Velm town collection');

	// An https image is shown, lazily, with its alt text; caption and credit both kept.
	const steamer = card(page, 'steamers-call-weekly-3');
	const image = steamer.getByRole('img', { name: 'A steamer moored at a stone quay' });
	await expect(image).toHaveAttribute('loading', 'lazy');
	await expect(image).toHaveAttribute('src', 'https://images.example/velm/steamer.png');
	// The page's Content-Security-Policy lets it load.
	await image.scrollIntoViewIfNeeded();
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
	await expect(steamer).toContainText('The first steamer at the quay');
	await expect(steamer).toContainText('Photo: M. Ardel');

	// A slide with no headline is titled from its text, and says so; its quote is a quote; its time
	// is shown as written, with no zone.
	const storm = page.locator('[id^="event-a-storm-wrecks"]');
	await expect(storm.getByRole('heading')).toHaveText(
		'A storm wrecks half of the fleet. The town asks the county for a breakwater.'
	);
	await expect(storm).toContainText('No headline in the file: title taken from its text');
	await expect(storm.locator('blockquote')).toContainText('We lost eleven boats before supper.');
	await expect(storm.locator('time')).toHaveText('Sunday 14 September 1851, 14:30');

	// A video is a captioned link, never embedded.
	await expect(
		card(page, 'breakwater-finished-2').getByRole('link', {
			name: 'A film of the breakwater in a gale'
		})
	).toHaveAttribute('href', 'https://video.example/watch/velm-breakwater.mp4');
	await expect(page.locator('iframe, video, audio, object, embed')).toHaveCount(0);

	// The tooltip of a mark reads the display date too.
	await timeline
		.locator('[data-event-id="breakwater-finished-2"]')
		.locator('rect.span, path.point')
		.first()
		.hover({ force: true });
	await expect(page.getByRole('tooltip')).toContainText('Around 1868');

	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('the exported figure has the era bands the screen has', async ({ page }) => {
	await openHarbour(page);
	await page.getByRole('button', { name: /Export/ }).click();
	await page.getByRole('radio', { name: 'Whole timeline' }).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'SVG', exact: true }).click()
	]);
	const svg = await readFile(await download.path(), 'utf8');
	for (const era of ['Fishing village', 'Breakwater years', 'Steam port']) {
		expect(svg).toContain(`>${era}</text>`);
	}
	expect(svg).toContain('Times as the data file gives them, with no time zone.');
	expect(svg).not.toMatch(/<script|<iframe|<foreignObject/i);
});
