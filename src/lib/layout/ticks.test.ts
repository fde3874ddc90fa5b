import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcTime } from '$lib/model/dates';
import { timeScale } from './scale';
import { axisTicks } from './ticks';
import { estimateTextWidth } from './text';

const at = (iso: string) => Date.parse(iso);

describe('axisTicks picks a unit that suits the span and labels it clearly', () => {
	const rows = [
		{
			name: 'two hours → minutes',
			domain: ['2024-11-17T06:00Z', '2024-11-17T08:00Z'],
			unit: 'minute',
			first: '06:00',
			context: 'Sunday 17 November 2024'
		},
		{
			name: 'a day → hours',
			domain: ['2024-11-17T00:00Z', '2024-11-18T00:00Z'],
			unit: 'hour',
			first: '00:00',
			context: 'Sunday 17 November 2024'
		},
		{
			name: 'a week → days',
			domain: ['2024-11-13T00:00Z', '2024-11-20T00:00Z'],
			unit: 'day',
			first: 'Wed 13',
			context: 'November 2024'
		},
		{
			name: 'two months → weeks',
			domain: ['2024-10-01T00:00Z', '2024-12-01T00:00Z'],
			unit: 'week',
			first: '7 Oct',
			context: 'October 2024'
		},
		{
			name: 'a year → months',
			domain: ['2024-01-01T00:00Z', '2025-01-01T00:00Z'],
			unit: 'month',
			first: 'Jan 2024',
			context: '2024'
		},
		{
			name: 'twenty years → years',
			domain: ['2000-01-01T00:00Z', '2020-01-01T00:00Z'],
			unit: 'year',
			first: '2000',
			context: undefined
		}
	] as const;
	for (const row of rows) {
		it(row.name, () => {
			const axis = axisTicks(timeScale([at(row.domain[0]), at(row.domain[1])], 1200));
			expect(axis.unit).toBe(row.unit);
			expect(axis.ticks[0]?.label).toBe(row.first);
			expect(axis.context[0]?.label).toBe(row.context);
		});
	}

	it('spaces ticks at least the requested distance apart, inside the range', () => {
		for (const span of [3_600_000, 86_400_000, 30 * 86_400_000, 3 * 365 * 86_400_000]) {
			const scale = timeScale([0, span], 1000);
			const { ticks } = axisTicks(scale, 90);
			expect(ticks.length).toBeGreaterThan(1);
			expect(ticks.length).toBeLessThanOrEqual(1000 / 90 + 1);
			for (const [a, b] of ticks.slice(1).map((t, i) => [ticks[i], t])) {
				expect((b?.x ?? 0) - (a?.x ?? 0)).toBeGreaterThanOrEqual(45);
			}
			for (const tick of ticks) {
				expect(tick.x).toBeGreaterThanOrEqual(0);
				expect(tick.x).toBeLessThanOrEqual(1000);
			}
		}
	});

	it('never lets a label run off the right edge', () => {
		const scale = timeScale([Date.UTC(2024, 8, 28), Date.UTC(2024, 11, 2, 12)], 1160);
		const axis = axisTicks(scale);
		for (const label of [...axis.ticks, ...axis.context]) {
			if (label.label)
				expect(label.x + 4 + estimateTextWidth(label.label, 12)).toBeLessThanOrEqual(1160);
		}
		// September's pinned label gives way to October's; December's slides left to fit.
		expect(axis.context.map((c) => c.label)).toEqual([
			'October 2024',
			'November 2024',
			'December 2024'
		]);
	});

	it('drops the pinned left-edge context label when the next one would collide with it', () => {
		// Domain starts at 23:00, so the next day's label is 1/24 of the width away.
		const axis = axisTicks(timeScale([at('2024-11-16T23:00Z'), at('2024-11-17T23:00Z')], 1200));
		const [a, b] = axis.context;
		if (a && b) expect(b.x - a.x).toBeGreaterThan(estimateTextWidth(a.label, 12));
		expect(axis.context.map((c) => c.label)).toContain('Sunday 17 November 2024');
	});
});

describe('axisTicks on a scale with breaks', () => {
	// June 10–12, then a break to 14 November, then 14–20 November, across 1000 px.
	const scale = timeScale([at('2024-06-10T00:00Z'), at('2024-11-20T00:00Z')], 1000, [
		{ start: at('2024-06-12T00:00Z'), end: at('2024-11-14T00:00Z') }
	]);
	const axis = axisTicks(scale);
	const [gap] = scale.breaks();

	it('puts ticks in every stretch and none inside the break', () => {
		expect(gap).toBeDefined();
		const inside = axis.ticks.filter((t) => t.x > (gap?.x0 ?? 0) && t.x < (gap?.x1 ?? 0));
		expect(inside).toEqual([]);
		expect(axis.unit).toBe('day');
		expect(axis.ticks.map((t) => t.label).filter(Boolean)).toEqual([
			'Mon 10',
			'Tue 11',
			'Thu 14',
			'Fri 15',
			'Sat 16',
			'Sun 17',
			'Mon 18',
			'Tue 19'
		]);
	});

	it('names the month of each stretch, the one after the break included', () => {
		expect(axis.context.map((c) => c.label)).toEqual(['June 2024', 'November 2024']);
		expect(axis.context[1]?.x).toBeGreaterThanOrEqual(gap?.x1 ?? Infinity);
	});

	it('keeps every tick label clear of the break', () => {
		for (const tick of axis.ticks.filter((t) => t.label && t.x < (gap?.x0 ?? 0))) {
			expect(tick.x + 4 + estimateTextWidth(tick.label, 12)).toBeLessThanOrEqual(gap?.x0 ?? 0);
		}
	});
});

describe('axisTicks from deep time to the far future', () => {
	const years = (from: number, to: number): [number, number] => [utcTime(from, 0), utcTime(to, 0)];
	const rows: { name: string; domain: [number, number]; unit: string; labels: string[] }[] = [
		{
			name: 'the age of the universe → billions of years',
			domain: years(-13_900_000_000, 2030),
			unit: 'billion-years',
			labels: ['12 billion years ago', '10 billion years ago', '2 billion years ago']
		},
		{
			name: 'the end of the dinosaurs → millions of years',
			domain: years(-70_000_000, -60_000_000),
			unit: 'million-years',
			labels: ['70 million years ago', '66 million years ago']
		},
		{
			name: 'the last ice age → millennia',
			domain: years(-30_000, -10_000),
			unit: 'millennium',
			labels: ['30,000 years ago', '24,000 years ago', '12,000 years ago']
		},
		{
			name: 'from the ice age to writing → one way of telling years throughout',
			domain: years(-12_000, -3000),
			unit: 'millennium',
			labels: ['10,000 years ago', '4,000 years ago']
		},
		{
			name: 'Rome → centuries, BCE and CE where the span crosses year 0',
			domain: years(-800, 500),
			unit: 'century',
			labels: ['700 BCE', '100 BCE', '1 CE', '300 CE']
		},
		{
			name: 'the late republic → years, all BCE, round ones',
			domain: years(-133, -26),
			unit: 'year',
			labels: ['130 BCE', '50 BCE', '40 BCE']
		},
		{
			name: 'the far future → plain years',
			domain: years(12_000, 13_000),
			unit: 'century',
			labels: ['12,100', '12,500']
		}
	];
	for (const row of rows) {
		it(row.name, () => {
			const axis = axisTicks(timeScale(row.domain, 1280));
			expect(axis.unit).toBe(row.unit);
			const labels = axis.ticks.map((t) => t.label);
			if (labels.some((label) => label.endsWith('years ago')))
				expect(labels.filter((label) => label.endsWith('BCE'))).toEqual([]);
			for (const label of row.labels) expect(labels).toContain(label);
			// Long labels thin the ticks out rather than touching.
			for (const [a, b] of axis.ticks.slice(1).map((t, i) => [axis.ticks[i], t] as const)) {
				if (a?.label) expect(b.x - a.x).toBeGreaterThan(estimateTextWidth(a.label, 12));
			}
		});
	}

	it('a month view in 44 BCE says which year each January is', () => {
		const axis = axisTicks(timeScale([utcTime(-44, 9), utcTime(-43, 5)], 1280));
		expect(axis.unit).toBe('month');
		expect(axis.ticks.map((t) => t.label)).toContain('Jan 44 BCE');
		expect(axis.context.map((c) => c.label)).toEqual(['45 BCE', '44 BCE']);
	});

	it('gives increasing, finite ticks inside the view for any window, deep or near', () => {
		// Windows anywhere from 13.8 billion years ago to year 100,000, from an hour to the whole span.
		const edge = fc.double({ min: -4.4e20, max: 3.1e15, noNaN: true });
		fc.assert(
			fc.property(edge, fc.double({ min: 3.6e6, max: 4.4e20, noNaN: true }), (from, span) => {
				const domain: [number, number] = [from, from + span];
				fc.pre(domain[1] > domain[0]);
				const axis = axisTicks(timeScale(domain, 1000));
				for (const tick of [...axis.ticks, ...axis.context]) {
					expect(Number.isFinite(tick.value) && Number.isFinite(tick.x)).toBe(true);
					expect(tick.label).not.toMatch(/NaN|Invalid|undefined/);
					expect(tick.x).toBeGreaterThanOrEqual(-1e-6);
					expect(tick.x).toBeLessThanOrEqual(1000 + 1e-6);
				}
				for (const [a, b] of axis.ticks.slice(1).map((t, i) => [axis.ticks[i], t] as const))
					expect(b.value).toBeGreaterThan(a?.value ?? -Infinity);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('year ticks on a scale with breaks', () => {
	// The Big Bang to 1 CE with 12.9 billion years skipped: two stretches of 500 million years, which
	// ticks stepped over the whole domain (billions of years) would leave bare.
	const scale = timeScale([utcTime(-13_900_000_000, 0), utcTime(1, 0)], 1000, [
		{ start: utcTime(-13_400_000_000, 0), end: utcTime(-500_000_000, 0) }
	]);
	const axis = axisTicks(scale);
	const [gap] = scale.breaks();

	it('ticks each stretch at its own step, none inside the break', () => {
		const labelled = axis.ticks.filter((t) => t.label);
		const before = labelled.filter((t) => t.x <= (gap?.x0 ?? 0));
		const after = labelled.filter((t) => t.x >= (gap?.x1 ?? Infinity));
		expect(before.length).toBeGreaterThan(1);
		expect(after.length).toBeGreaterThan(1);
		expect(after.some((t) => t.label.endsWith('million years ago'))).toBe(true);
		for (const tick of axis.ticks) {
			expect(tick.x <= (gap?.x0 ?? 0) || tick.x >= (gap?.x1 ?? Infinity)).toBe(true);
		}
	});
});
