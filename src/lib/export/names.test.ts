import { describe, expect, it } from 'vitest';
import { yearStart } from '$lib/model/civil';
import { figureFileName } from './names';

describe('figureFileName', () => {
	const year = (y: number, month = 0, day = 1) => {
		const date = new Date(Date.UTC(2000, month, day));
		date.setUTCFullYear(y);
		return date.getTime();
	};
	const rows = [
		{
			name: 'an ordinary window',
			title: 'Grid strikes',
			domain: [Date.UTC(2024, 10, 15), Date.UTC(2024, 10, 19)] as [number, number],
			expected: 'grid-strikes_2024-11-15_2024-11-19.svg'
		},
		{
			name: 'years before the common era and past 9999, without ISO signs',
			title: 'Untitled timeline',
			domain: [year(-400), year(10400)] as [number, number],
			expected: 'untitled-timeline_401bce-01-01_10400-01-01.svg'
		},
		{
			name: 'year 0 is 1 BCE, and early years keep four digits',
			title: 'Antiquity',
			domain: [year(0, 2, 5), year(33, 3, 3)] as [number, number],
			expected: 'antiquity_1bce-03-05_0033-04-03.svg'
		},
		{
			name: 'deep time is a year, to the digits it is known to',
			title: 'Cosmos',
			domain: [yearStart(-13_800_000_000) + 1e9, yearStart(552_002_048)] as [number, number],
			expected: 'cosmos_13800000000bce_552000000.svg'
		}
	];
	it.each(rows)('$name', ({ title, domain, expected }) =>
		expect(figureFileName(title, domain, 'svg')).toBe(expected)
	);

	it('never starts a part with a sign, for any date the app can show', () => {
		for (let y = -9999; y <= 20000; y += 137) {
			const name = figureFileName('t', [year(y), year(y + 1)], 'png');
			expect(name).toMatch(/^t_\d+(bce)?-\d\d-\d\d_\d+(bce)?-\d\d-\d\d\.png$/);
		}
	});
});
