import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { fixture, openFile, openTimeline } from './helpers';

const marks = '[data-timeline] [data-event-id]';
const ready = (page: import('@playwright/test').Page) =>
	expect(page.locator('html')).toHaveAttribute('data-state', 'ready');

test('an NDJSON file opens with Open data…, one event per line', async ({ page }) => {
	await openTimeline(page);
	const text = ['n1', 'n2', 'n3']
		.map((id, i) =>
			JSON.stringify({ id, title: `Line event ${i + 1}`, start: `2024-06-0${i + 1}` })
		)
		.join('\r\n');
	await openFile(page, 'events.ndjson', text, 'application/x-ndjson');
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(3);
	await expect(page.locator(`${marks}[data-event-id="n2"]`)).toBeVisible();
});

test('an ACLED CSV export opens with its precision as a span and its fatalities in the details', async ({
	page
}) => {
	await openTimeline(page);
	await openFile(page, 'acled.csv', fixture('import-acled.csv'), 'text/csv');
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(4);
	const search = page.getByRole('searchbox', { name: 'Search events' });
	await search.fill('Riverton clash');
	await expect(page.locator(`${marks}.matched`)).toHaveCount(1);
	await search.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Armed clash in Riverton');
	await expect(panel).toContainText('Fatalities: 3');
	// Fatalities are searchable: only the attack that killed twelve says "Fatalities: 12".
	await search.fill('fatalities: 12');
	await expect(page.locator(`${marks}.matched`)).toHaveCount(1);
	await expect(page.locator(`${marks}.matched`)).toHaveAttribute('data-event-id', 'XMP1004');
	// Coded as "within a week": drawn over the week, with the codebook's reason in the details.
	await search.fill('Millbrook');
	await search.press('Enter');
	await expect(panel).toContainText('ACLED time precision 2');
});

test('a Parquet file opens with Open data…', async ({ page }) => {
	await openTimeline(page);
	const bytes = parquetWriteBuffer({
		columnData: [
			{ name: 'id', data: ['q1', 'q2', 'q3'], type: 'STRING' },
			{ name: 'title', data: ['Columnar one', 'Columnar two', 'Columnar three'], type: 'STRING' },
			{ name: 'start', data: ['2024-07-01', '2024-07-02', '2024-07-05'], type: 'STRING' },
			{ name: 'category', data: ['a', 'b', 'a'], type: 'STRING' }
		]
	});
	await openFile(page, 'events.parquet', Buffer.from(bytes), 'application/vnd.apache.parquet');
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(3);
	await expect(page.locator(`${marks}[data-event-id="q3"]`)).toBeVisible();
});

test('a Parquet file with a bad record loads the rest, names the record and gives it back as CSV', async ({
	page
}) => {
	await openTimeline(page);
	const bytes = parquetWriteBuffer({
		columnData: [
			{ name: 'id', data: ['r1', 'r2', 'r3'], type: 'STRING' },
			{ name: 'title', data: ['Kept one', 'Impossible day', 'Kept two'], type: 'STRING' },
			{ name: 'start', data: ['2024-07-01', '2024-02-30', '2024-07-05'], type: 'STRING' }
		]
	});
	await openFile(page, 'records.parquet', Buffer.from(bytes), 'application/vnd.apache.parquet');
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(2);
	const report = page.getByRole('region', { name: 'About the loaded file' });
	await expect(report).toContainText('1 of 3 events');
	await expect(report).toContainText('row 2');
	await expect(report).toContainText('"2024-02-30" is not a real date');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		report.getByRole('button', { name: 'Download set-aside rows' }).click()
	]);
	expect(readFileSync(await download.path(), 'utf8')).toBe(
		'id,title,start\nr2,Impossible day,2024-02-30\n'
	);
});
