import { describe, expect, it } from 'vitest';
import { MEMORY_BUDGET_BYTES, maxFileBytes, readKindOfName, tooLargeMessage } from './limits';

describe('readKindOfName', () => {
	it.each([
		{ name: 'events.json', kind: 'text' },
		{ name: 'https://example.org/data/events.NDJSON?v=2#x', kind: 'ndjson' },
		{ name: 'events.jsonl', kind: 'ndjson' },
		{ name: 'acled export.csv', kind: 'csv' },
		{ name: 'acled.parquet', kind: 'parquet' },
		{ name: 'download', kind: 'text' }
	])('$name is read as $kind', ({ name, kind }) => {
		expect(readKindOfName(name)).toBe(kind);
	});
});

describe('the memory budget', () => {
	it('lets files read as they arrive be larger than files held whole, and Parquet the smallest', () => {
		expect(maxFileBytes('ndjson')).toBeGreaterThan(maxFileBytes('text'));
		expect(maxFileBytes('csv')).toBe(maxFileBytes('ndjson'));
		expect(maxFileBytes('parquet')).toBeLessThan(maxFileBytes('text'));
		for (const kind of ['text', 'ndjson', 'csv', 'parquet'] as const) {
			expect(maxFileBytes(kind)).toBeLessThan(MEMORY_BUDGET_BYTES);
		}
	});

	it('says how large the file is, what fits, and what to do', () => {
		expect(tooLargeMessage(300 * 2 ** 20, 'text')).toBe(
			"The file is 300 MB: Eventline can hold a JSON file of up to 256 MB in this tab's memory; " +
				'save it as NDJSON (one event per line) or Parquet to open more events'
		);
		expect(tooLargeMessage(maxFileBytes('ndjson'), 'ndjson', true)).toBe(
			"The file is larger than 512 MB: Eventline can hold an NDJSON file of up to 512 MB in this tab's memory; open a part of it (fewer events, or fewer fields)"
		);
	});
});
