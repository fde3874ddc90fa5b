import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatDuration', () => {
	const rows: { name: string; input: number; expected: string }[] = [
		{ name: 'June to October', input: 110 * DAY, expected: '4 months' },
		{
			name: 'deep time, to two digits',
			input: 7_967_999_841 * 365.2425 * DAY,
			expected: '8 billion years'
		},
		{ name: 'the last ice age', input: 11_700 * 365.2425 * DAY, expected: '12 thousand years' },
		{ name: 'a long reign', input: 46 * 365.2425 * DAY, expected: '46 years' },
		{ name: 'six weeks', input: 44 * DAY, expected: '6 weeks' },
		{ name: 'just under two weeks', input: 10.5 * DAY, expected: '11 days' },
		{ name: 'a day and a half', input: 36 * HOUR, expected: '36 hours' },
		{ name: 'three hours', input: 3 * HOUR, expected: '3 hours' },
		{ name: 'minutes', input: 45 * MINUTE, expected: '45 minutes' },
		{ name: 'one minute', input: 20_000, expected: '1 minute' },
		{ name: 'centuries', input: 300 * 365.25 * DAY, expected: '300 years' }
	];
	it.each(rows)('$name: $expected', ({ input, expected }) => {
		expect(formatDuration(input)).toBe(expected);
	});
});
