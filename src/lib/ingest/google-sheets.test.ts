import { describe, expect, it } from 'vitest';
import { googleSheetCsvUrl } from './google-sheets';

// Made-up ids of the real shape: 44 characters for a sheet, `2PACX-` and more for a published one.
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcde';
const PUB = '2PACX-1vQzYxWvUtSrQpOnMlKjIhGfEdCbA_9876543210-zyxwvutsrqponmlkjihgfedcba0123456789AB';
const CSV = `https://docs.google.com/spreadsheets/d/${ID}/pub?output=csv`;
const PUB_CSV = `https://docs.google.com/spreadsheets/d/e/${PUB}/pub?output=csv`;

describe('googleSheetCsvUrl', () => {
	const rows: { name: string; input: string; expected: string | undefined }[] = [
		{ name: 'a bare sheet id', input: ID, expected: CSV },
		{ name: 'a bare id with spaces around it', input: `  ${ID}\n`, expected: CSV },
		{ name: "TimelineJS's v2: form of a published id", input: `v2:${PUB}`, expected: PUB_CSV },
		{
			name: 'the editing address',
			input: `https://docs.google.com/spreadsheets/d/${ID}/edit`,
			expected: CSV
		},
		{
			name: 'the editing address with a tab in its hash',
			input: `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=1234567`,
			expected: `https://docs.google.com/spreadsheets/d/${ID}/pub?gid=1234567&single=true&output=csv`
		},
		{
			name: 'a sharing address',
			input: `https://docs.google.com/spreadsheets/d/${ID}/edit?usp=sharing`,
			expected: CSV
		},
		{
			name: 'the published page (/pubhtml)',
			input: `https://docs.google.com/spreadsheets/d/${ID}/pubhtml`,
			expected: CSV
		},
		{
			name: 'the published page of one tab',
			input: `https://docs.google.com/spreadsheets/d/${ID}/pubhtml?gid=2066744085`,
			expected: `https://docs.google.com/spreadsheets/d/${ID}/pub?gid=2066744085&single=true&output=csv`
		},
		{
			name: 'an address of a signed-in account (/u/1/d/)',
			input: `https://docs.google.com/spreadsheets/u/1/d/${ID}/pub?output=csv`,
			expected: CSV
		},
		{
			name: 'a published-to-web page (/d/e/…/pubhtml)',
			input: `https://docs.google.com/spreadsheets/d/e/${PUB}/pubhtml`,
			expected: PUB_CSV
		},
		{
			name: 'a published-to-web tab (/d/e/… with gid)',
			input: `https://docs.google.com/spreadsheets/d/e/${PUB}/pubhtml?gid=0&single=true`,
			expected: `https://docs.google.com/spreadsheets/d/e/${PUB}/pub?gid=0&single=true&output=csv`
		},
		{
			name: 'a published CSV address, kept as it is',
			input: `https://docs.google.com/spreadsheets/d/e/${PUB}/pub?gid=55&single=true&output=csv`,
			expected: `https://docs.google.com/spreadsheets/d/e/${PUB}/pub?gid=55&single=true&output=csv`
		},
		{
			name: 'the old key= address',
			input: `https://docs.google.com/spreadsheet/ccc?key=0AhYzQ-old_Key123&usp=sharing#gid=0`,
			expected: `https://docs.google.com/spreadsheets/d/0AhYzQ-old_Key123/pub?gid=0&single=true&output=csv`
		},
		{
			name: "TimelineJS's embed address naming a sheet",
			input: `https://cdn.knightlab.com/libs/timeline3/latest/embed/index.html?source=${ID}&font=Default&lang=en`,
			expected: CSV
		},
		{
			name: 'a data file address',
			input: 'https://example.org/data/events.csv',
			expected: undefined
		},
		{ name: 'a relative file name', input: 'events.json', expected: undefined },
		{ name: 'a short word', input: 'timeline', expected: undefined },
		{
			name: 'a Google document that is not a sheet',
			input: `https://docs.google.com/document/d/${ID}/edit`,
			expected: undefined
		},
		{ name: 'a javascript: address', input: `javascript:alert(1)//${ID}`, expected: undefined }
	];
	for (const { name, input, expected } of rows) {
		it(`reads ${name}`, () => expect(googleSheetCsvUrl(input)).toBe(expected));
	}

	it('never returns an address outside docs.google.com', () => {
		for (const { input } of rows) {
			const url = googleSheetCsvUrl(input);
			if (url) expect(new URL(url).origin).toBe('https://docs.google.com');
		}
	});
});
