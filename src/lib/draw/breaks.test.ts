import { describe, expect, it } from 'vitest';
import type { BreakLayout } from '$lib/layout/frame';
import type { MarkLayout } from '$lib/layout/lanes';
import { estimateTextWidth } from '$lib/layout/text';
import { LIGHT } from '$lib/layout/theme';
import type { PreparedEvent } from '$lib/model/timeline';
import { breakCutNodes, breakNodes, breakObstacles } from './breaks';
import type { SvgNode } from './node';

const gap = (x0: number, x1: number, label = '4 months'): BreakLayout => ({
	x0,
	x1,
	start: 0,
	end: 1,
	label
});
const mark = (fields: Partial<MarkLayout>): MarkLayout => ({
	id: 'e',
	order: 0,
	lane: 'a',
	laneIndex: 0,
	row: 0,
	y: 40,
	rowHeight: 24,
	x0: 0,
	x1: 10,
	cx: 5,
	instant: false,
	uncertain: false,
	approximate: false,
	event: {} as PreparedEvent,
	...fields
});
const byClass = (nodes: SvgNode[], cls: string) => nodes.filter((n) => n.attrs.class === cls);

describe('breakNodes', () => {
	it('draws a band down through the lanes, the symbol on the axis and the time left out', () => {
		const nodes = breakNodes([gap(300, 328)], -6, 400, LIGHT);
		expect(byClass(nodes, 'break-band')[0]?.attrs).toMatchObject({ x: 300, width: 28, y: -6 });
		expect(byClass(nodes, 'break-mark')).toHaveLength(2);
		const label = byClass(nodes, 'break-label')[0];
		expect(label?.text).toBe('4 months');
		// Too narrow to write across, so written up along the band.
		expect(label?.attrs.transform).toMatch(/^rotate\(-90 /);
	});

	it('writes the label across a band wide enough, and none in the overview', () => {
		const wide = breakNodes([gap(300, 420)], -6, 400, LIGHT);
		expect(byClass(wide, 'break-label')[0]?.attrs.transform).toBeUndefined();
		expect(
			byClass(breakNodes([gap(300, 328)], 6, 44, LIGHT, { labels: false }), 'break-label')
		).toEqual([]);
	});

	it('writes the label below the marks that cross the band rather than under them', () => {
		const items = [
			{ x0: 100, x1: 500, y: 30 },
			{ x0: 320, x1: 340, y: 54 },
			{ x0: 0, x1: 50, y: 78 }
		];
		const label = byClass(breakNodes([gap(300, 328)], -6, 400, LIGHT, { items }), 'break-label')[0];
		const half = 26;
		expect(Number(label?.attrs.y) - half).toBeGreaterThanOrEqual(66);
		const crowded = Array.from({ length: 20 }, (_, i) => ({ x0: 0, x1: 999, y: 12 + i * 20 }));
		expect(
			byClass(breakNodes([gap(300, 328)], -6, 400, LIGHT, { items: crowded }), 'break-label')
		).toEqual([]);
	});
});

describe('breakObstacles', () => {
	it('keeps a break label off a lane name, on a phone where the name runs under the first break', () => {
		const lanes = [{ id: 'a', label: 'Military decisions', index: 0, y: 0, height: 200, rows: 6 }];
		const items = breakObstacles({ marks: [], clusters: [], lanes });
		const label = byClass(breakNodes([gap(60, 88)], -6, 200, LIGHT, { items }), 'break-label')[0];
		expect(label).toBeDefined();
		// The name's row is 0–24; the label, written up along the band, starts below it.
		const half = estimateTextWidth('4 months', 11) / 2;
		expect(Number(label?.attrs.y) - half).toBeGreaterThanOrEqual(24);
	});
});

describe('breakCutNodes', () => {
	it('cuts a span that runs through a break, and leaves points and spans beside it alone', () => {
		const marks = [
			mark({ id: 'through', x0: 100, x1: 500, y: 40 }),
			mark({ id: 'before', x0: 100, x1: 290, y: 64 }),
			mark({ id: 'point', x0: 308, x1: 320, cx: 314, instant: true, y: 88 })
		];
		const nodes = breakCutNodes([gap(300, 328)], marks, LIGHT);
		expect(byClass(nodes, 'break-mark')).toHaveLength(2);
		// The cut spans the bar's height at the row of the span that runs through.
		expect(String(byClass(nodes, 'break-band')[0]?.attrs.d)).toContain(',50');
	});
});
