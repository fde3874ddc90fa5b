import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsv } from './csv';
import { CsvTableStream } from './csv-stream';

/** Feeds `text` cut at `cuts` (offsets, any order) and returns the table. */
function streamed(text: string, cuts: number[]) {
	const table = new CsvTableStream();
	let from = 0;
	for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
		table.push(text.slice(from, cut));
		from = cut;
	}
	table.push(text.slice(from));
	return table.finish();
}

const cell = fc.oneof(
	fc.stringMatching(/^[a-z ]{0,6}$/),
	// Quoted values with commas, doubled quotes and line breaks of both kinds inside them.
	fc
		.array(fc.constantFrom('a', ',', '""', '\n', '\r\n', 'é', ' '), { maxLength: 6 })
		.map((parts) => `"${parts.join('')}"`)
);
const csvText = fc
	.tuple(
		fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 8 }),
		fc.constantFrom('\n', '\r\n'),
		fc.boolean()
	)
	.map(([rows, eol, trailing]) => rows.map((r) => r.join(',')).join(eol) + (trailing ? eol : ''));

describe('CsvTableStream', () => {
	it.each([
		{ name: 'one piece', text: 'title,start\nA,2024\nB,2025\n', cuts: [] },
		{ name: 'cut inside a quoted line break', text: 'title,start\n"A\nB",2024\n', cuts: [14] },
		{ name: 'cut between \\r and \\n', text: 'title,start\r\nA,2024\r\nB,2025', cuts: [12, 20] },
		{ name: 'blank rows keep their numbers', text: '\ntitle\n\nA\n', cuts: [3] },
		{ name: 'no line break at the end', text: 'title\nA', cuts: [6] }
	])('reads $name as the whole-text reader does', ({ text, cuts }) => {
		expect(streamed(text, cuts)).toEqual(readCsv(text));
	});

	it('gives the same table as the whole-text reader wherever the chunks are cut', () => {
		fc.assert(
			fc.property(
				csvText.chain((text) =>
					fc.tuple(fc.constant(text), fc.array(fc.nat({ max: text.length }), { maxLength: 6 }))
				),
				([text, cuts]) => {
					expect(streamed(text, cuts)).toEqual(readCsv(text));
				}
			)
		);
	});

	it('notices a NUL character (a binary file)', () => {
		const table = new CsvTableStream();
		table.push('PK\u0003\u0004\u0000\u0000');
		expect(table.binary).toBe(true);
	});
});
