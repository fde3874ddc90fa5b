import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fitText, wrapLines } from './text';

describe('fitText', () => {
	it('keeps text that fits', () =>
		expect(fitText('Scholz calls Putin', 12, 500)).toBe('Scholz calls Putin'));
	it('shortens with an ellipsis to fit', () => {
		const text = fitText('Russia launches a massive missile strike on the power grid', 12, 120);
		expect(text.endsWith('…')).toBe(true);
		expect(estimateTextWidth(text, 12)).toBeLessThanOrEqual(120);
		expect(text.length).toBeGreaterThan(5);
	});
	it('gives up when nothing fits', () => expect(fitText('Anything', 12, 5)).toBe(''));
	it('gives the longest start of the text that fits with its ellipsis, for any text and room', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 400 }), (text, room) => {
				const fitted = fitText(text, 12, room);
				expect(estimateTextWidth(fitted, 12)).toBeLessThanOrEqual(room);
				if (fitted === text) return;
				const chars = [...text];
				if (fitted === '') {
					expect(estimateTextWidth(chars[0] + '…', 12)).toBeGreaterThan(room);
					return;
				}
				const kept = [...fitted.slice(0, -1)].length;
				expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
				// One more character (and any spaces before it) would not have fitted.
				let next = kept;
				while (next < chars.length && !chars[next]?.trim()) next++;
				if (next < chars.length) {
					const longer = chars.slice(0, next + 1).join('') + '…';
					expect(estimateTextWidth(longer, 12)).toBeGreaterThan(room);
				}
			}),
			{ numRuns: 300 }
		);
	});
	it('measures wide letters wider than narrow ones', () => {
		expect(estimateTextWidth('WWWW', 12)).toBeGreaterThan(estimateTextWidth('iiii', 12));
	});
});

describe('estimateTextWidth', () => {
	// Widths Chromium measured (canvas measureText) for these titles at 12 px in the figure's font
	// stack, which resolved to Liberation Sans, the metric twin of Arial and Helvetica.
	it.each([
		{ text: "Zelensky: half of Ukraine's energy capacity destroyed", measured: 283.8 },
		{ text: 'Guterres condemns the strikes', measured: 163.4 },
		{ text: 'Von der Leyen: a "horrible" attack', measured: 178.0 },
		{ text: 'Poland applauds; Sikorski: "a language Putin understands"', measured: 312.7 },
		{ text: 'Biden lets Ukraine strike inside Russia with ATACMS', measured: 280.3 },
		{ text: 'The full-scale war reaches its 1,000th day', measured: 221.4 }
	])('is never short of, and at most 7% over, the real width of "$text"', ({ text, measured }) => {
		const estimate = estimateTextWidth(text, 12);
		expect(estimate).toBeGreaterThanOrEqual(measured);
		expect(estimate).toBeLessThanOrEqual(measured * 1.07);
	});
	it('takes accented letters as wide as their base letter, and CJK as a full em', () => {
		expect(estimateTextWidth('é', 12)).toBe(estimateTextWidth('e', 12));
		expect(estimateTextWidth('北京', 10)).toBe(Math.ceil(2 * 10 * 1.05));
	});
});

describe('wrapLines', () => {
	it('breaks at spaces into lines no wider than asked, and says nothing was cut', () => {
		const title = 'Biden lets Ukraine strike inside Russia with ATACMS';
		const { lines, truncated } = wrapLines(title, 12, 200, 3);
		expect(lines.length).toBe(2);
		expect(lines.join(' ')).toBe(title);
		for (const line of lines) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(200);
		expect(truncated).toBe(false);
	});
	it('shortens the last line with an ellipsis when the lines run out, and says so', () => {
		const { lines, truncated } = wrapLines('one two three four five six seven eight', 12, 40, 2);
		expect(lines).toHaveLength(2);
		expect(lines[1]?.endsWith('…')).toBe(true);
		expect(truncated).toBe(true);
	});
});
