import { describe, expect, it } from 'vitest';
import { estimateTextWidth, fitText } from './text';

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
	it('measures wide letters wider than narrow ones', () => {
		expect(estimateTextWidth('WWWW', 12)).toBeGreaterThan(estimateTextWidth('iiii', 12));
	});
});
