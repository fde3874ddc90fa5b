import { describe, expect, it } from 'vitest';
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
