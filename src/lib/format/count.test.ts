import { describe, expect, it } from 'vitest';
import { countOf } from './count';

describe('countOf', () => {
	const rows = [
		{ name: 'one is singular', n: 1, expected: '1 event' },
		{ name: 'none is plural', n: 0, expected: '0 events' },
		{ name: 'many are plural, with thousands separated', n: 12_345, expected: '12,345 events' }
	];
	it.each(rows)('$name', ({ n, expected }) => expect(countOf(n, 'event')).toBe(expected));
	it('takes an irregular plural', () => expect(countOf(2, 'match', 'matches')).toBe('2 matches'));
});
