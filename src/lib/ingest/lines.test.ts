import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineSplitter } from './lines';

function lines(pieces: string[]): [string, number][] {
	const out: [string, number][] = [];
	const splitter = new LineSplitter((line, n) => out.push([line, n]));
	for (const piece of pieces) splitter.push(piece);
	splitter.finish();
	return out;
}

describe('LineSplitter', () => {
	it.each([
		{ name: 'LF', pieces: ['a\nb\n'], expected: ['a', 'b'] },
		{ name: 'CRLF cut between CR and LF', pieces: ['a\r', '\nb\r\n'], expected: ['a', 'b'] },
		{ name: 'a line in three pieces', pieces: ['{"a"', ':', '1}\n'], expected: ['{"a":1}'] },
		{ name: 'no final line break', pieces: ['a\nb'], expected: ['a', 'b'] },
		{ name: 'blank lines counted', pieces: ['a\n\nb'], expected: ['a', '', 'b'] }
	])('splits $name', ({ pieces, expected }) => {
		expect(lines(pieces).map(([line]) => line)).toEqual(expected);
	});

	it('numbers lines from 1, blank ones included', () => {
		expect(lines(['x\n\ny\n'])).toEqual([
			['x', 1],
			['', 2],
			['y', 3]
		]);
	});

	it('gives the lines of the whole text however it is cut', () => {
		fc.assert(
			fc.property(
				fc.array(fc.constantFrom('a', 'é', ' ', '\n', '\r\n', '{', '"'), { maxLength: 40 }),
				fc.array(fc.nat({ max: 60 }), { maxLength: 5 }),
				(parts, rawCuts) => {
					const text = parts.join('');
					const cuts = [...new Set(rawCuts.map((c) => Math.min(c, text.length)))].sort(
						(a, b) => a - b
					);
					const pieces = [0, ...cuts].map((from, i) => text.slice(from, cuts[i] ?? text.length));
					const whole = text.split('\n').map((line) => line.replace(/\r$/, ''));
					if (whole.at(-1) === '') whole.pop();
					expect(lines(pieces).map(([line]) => line)).toEqual(whole);
				}
			)
		);
	});
});
