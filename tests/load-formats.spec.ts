import { expect, test } from '@playwright/test';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { downloadSetAside, fixture, openFile, openTimeline } from './helpers';

const marks = '[data-timeline] [data-event-id]';
/** `timeout`: for files large enough to take seconds on a busy machine (the check is not of speed). */
const ready = (page: import('@playwright/test').Page, timeout?: number) =>
	expect(page.locator('html')).toHaveAttribute('data-state', 'ready', { timeout });
/** How long a 120,000-record file may take, read twice by three threads on a loaded two-core machine. */
const LARGE_FILE_MS = 60_000;

/** Opens a Parquet file of string columns, written here, with Open data…. */
async function openParquet(
	page: import('@playwright/test').Page,
	name: string,
	columns: Record<string, string[]>
) {
	const columnData = Object.entries(columns).map(([column, data]) => ({
		name: column,
		data,
		type: 'STRING' as const
	}));
	const bytes = Buffer.from(parquetWriteBuffer({ columnData }));
	await openFile(page, name, bytes, 'application/vnd.apache.parquet');
}

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
	await openParquet(page, 'events.parquet', {
		id: ['q1', 'q2', 'q3'],
		title: ['Columnar one', 'Columnar two', 'Columnar three'],
		start: ['2024-07-01', '2024-07-02', '2024-07-05'],
		category: ['a', 'b', 'a']
	});
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(3);
	await expect(page.locator(`${marks}[data-event-id="q3"]`)).toBeVisible();
});

test('a Parquet file with a bad record loads the rest, names the record and gives it back as CSV', async ({
	page
}) => {
	await openTimeline(page);
	await openParquet(page, 'records.parquet', {
		id: ['r1', 'r2', 'r3'],
		title: ['Kept one', 'Impossible day', 'Kept two'],
		start: ['2024-07-01', '2024-02-30', '2024-07-05']
	});
	await ready(page);
	await expect(page.locator(marks)).toHaveCount(2);
	const report = page.getByRole('region', { name: 'About the loaded file' });
	await expect(report).toContainText('1 of 3 events');
	await expect(report).toContainText('row 2');
	await expect(report).toContainText('"2024-02-30" is not a real date');
	expect((await downloadSetAside(report)).text).toBe(
		'id,title,start\nr2,Impossible day,2024-02-30\n'
	);
});

test('a large Parquet file, read by two workers where there are cores for them, loads every record of both halves and names the bad ones', async ({
	page
}) => {
	// Three large loads, one of them read twice: minutes on a loaded machine, not seconds.
	test.setTimeout(180_000);
	// 120,000 records in row groups of 20,000: the data worker reads the first half and a helper
	// (a second worker) the rest.
	const count = 120_000;
	const id = Array.from({ length: count }, (_, i) => `p${i}`);
	const title = Array.from({ length: count }, (_, i) => `Record ${i}`);
	const start = Array.from(
		{ length: count },
		(_, i) =>
			`2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`
	);
	start[9] = '2024-02-30';
	start[100_000] = 'soon';
	title[110_000] = 'The record in the later half';
	// Two workers share a file only where the machine has cores to spare: this one is said to have four.
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 4 });
	// The data worker starts its helper as soon as it sees a Parquet file.
	const workers: string[] = [];
	page.on('worker', (worker) => workers.push(worker.url()));
	const write = (ids: string[]) =>
		Buffer.from(
			parquetWriteBuffer({
				columnData: [
					{ name: 'id', data: ids, type: 'STRING' },
					{ name: 'title', data: title, type: 'STRING' },
					{ name: 'start', data: start, type: 'STRING' }
				],
				rowGroupSize: 20_000
			})
		);
	await openTimeline(page);
	await openFile(page, 'large.parquet', write(id), 'application/vnd.apache.parquet');
	await ready(page, LARGE_FILE_MS);
	const report = page.getByRole('region', { name: 'About the loaded file' });
	await expect(report).toContainText(/2 of 120,000\s+events in large.parquet/);
	await expect(report).toContainText('the other 119,998 are on the timeline');
	await expect(report).toContainText(/\brow 10\b/);
	await expect(report).toContainText('row 100001');
	const notes = () =>
		page.evaluate(() =>
			performance
				.getEntriesByType('mark')
				.filter((mark) => mark.name.startsWith('eventline-note:'))
				.map((mark) => mark.name.slice('eventline-note:'.length))
		);
	expect(await notes()).toEqual(['shared']);
	expect(workers.filter((url) => url.includes('ingest.worker'))).toHaveLength(2);
	// An event the helper read is there, with its details.
	const search = page.getByRole('searchbox', { name: 'Search events' });
	await search.fill('The record in the later half');
	await search.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel.getByRole('heading', { level: 2 })).toHaveText('The record in the later half');

	// An id used in both halves: the file is read again by one worker, and the later record is the
	// duplicate, as when one worker reads it all.
	const reused = [...id];
	reused[115_000] = 'p4';
	await openFile(page, 'reused.parquet', write(reused), 'application/vnd.apache.parquet');
	await ready(page, LARGE_FILE_MS);
	await expect(report).toContainText(/3 of 120,000\s+events in reused.parquet/);
	await expect(report).toContainText('the other 119,997 are on the timeline');
	await expect(report).toContainText('duplicate id "p4" (also row 5)');
	expect(await notes()).toEqual(['shared', 'read-again']);

	// With two cores, one worker reads it all, to the same outcome.
	await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: 2 });
	const before = workers.length;
	await openFile(page, 'alone.parquet', write(reused), 'application/vnd.apache.parquet');
	await expect(report).toContainText(/3 of 120,000\s+events in alone.parquet/, {
		timeout: LARGE_FILE_MS
	});
	await expect(report).toContainText('duplicate id "p4" (also row 5)');
	expect(await notes()).toEqual([]);
	expect(workers.length - before).toBe(1);
});
