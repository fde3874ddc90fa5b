import { describe, expect, it } from 'vitest';
import { laneSymbolAt } from '$lib/layout/encoding';
import { layoutLanes, type MarkLayout } from '$lib/layout/lanes';
import { timeScale } from '$lib/layout/scale';
import { DARK, LIGHT } from '$lib/layout/theme';
import { panOrigin, rescale } from '$lib/layout/viewport';
import { prepareTimeline, type PreparedEvent } from '$lib/model/timeline';
import { clusterNodes, densityNodes, markDrawings, markNodes, SOFT_OPACITY } from './marks';
import { toXml, type SvgNode } from './node';

const event = {} as PreparedEvent;
const base: MarkLayout = {
	id: 'e',
	order: 0,
	lane: 'a',
	laneIndex: 1,
	row: 0,
	y: 40,
	rowHeight: 24,
	x0: 100,
	x1: 180,
	cx: 140,
	instant: false,
	uncertain: false,
	approximate: false,
	event
};

const find = (nodes: SvgNode[], cls: string) => nodes.find((n) => n.attrs.class === cls);

describe('markNodes', () => {
	it.each([
		{ name: 'a span known end to end', mark: base, opacity: 0.9, dash: undefined },
		{
			name: 'a day known only as a day',
			mark: { ...base, uncertain: true },
			opacity: SOFT_OPACITY,
			dash: undefined
		},
		{
			name: 'an approximate period',
			mark: { ...base, uncertain: true, approximate: true },
			opacity: SOFT_OPACITY,
			dash: '3 2'
		}
	])('draws $name as a bar with the fill and outline that say so', ({ mark, opacity, dash }) => {
		const bar = find(markNodes(mark, LIGHT), 'span');
		expect(bar?.tag).toBe('rect');
		expect(bar?.attrs).toMatchObject({
			x: 100,
			width: 80,
			fill: '#2f6fb0',
			'fill-opacity': opacity
		});
		expect(bar?.attrs['stroke-dasharray']).toBe(dash);
	});

	it('draws the certain core of a span with uncertain ends solid, inside the soft band', () => {
		const nodes = markNodes({ ...base, uncertain: true, core: { x0: 120, x1: 150 } }, LIGHT);
		expect(find(nodes, 'core')?.attrs).toMatchObject({ x: 120, width: 30, 'fill-opacity': 0.9 });
	});

	it('draws an exact moment as the lane symbol at its centre, dashed and lighter when approximate', () => {
		const point = { ...base, instant: true, approximate: true };
		const symbol = find(markNodes(point, LIGHT), 'point');
		expect(symbol?.attrs.d).toBe(laneSymbolAt(1, 140, 40));
		expect(symbol?.attrs).toMatchObject({ 'fill-opacity': 0.45, 'stroke-dasharray': '3 2' });
	});

	it('writes the label as text in the theme ink, after the category symbol for a span', () => {
		const label = {
			x: 185,
			anchor: 'start' as const,
			text: '<b>bold</b>',
			lines: ['<b>bold</b>'],
			lineHeight: 14.4,
			truncated: false,
			inside: false,
			width: 90
		};
		const nodes = markNodes({ ...base, label }, DARK);
		expect(nodes.map((n) => n.attrs.class)).toEqual(['span', 'icon', 'label']);
		expect(find(nodes, 'label')).toMatchObject({ tag: 'text', text: '<b>bold</b>' });
		expect(find(nodes, 'label')?.attrs.fill).toBe(DARK.ink);
		expect(toXml(nodes)).toContain('&lt;b&gt;bold&lt;/b&gt;');
	});

	it('writes a wrapped label as one text with a line per tspan, centred on the row', () => {
		const lines = ['Biden lets Ukraine strike', 'inside Russia with', 'ATACMS'];
		const label = {
			x: 185,
			anchor: 'start' as const,
			text: lines.join(' '),
			lines,
			lineHeight: 15,
			truncated: false,
			inside: false,
			width: 160
		};
		const text = find(markNodes({ ...base, label }, LIGHT), 'label');
		expect(text?.tag).toBe('text');
		expect(text?.children?.map((n) => [n.tag, n.text, n.attrs.y])).toEqual([
			['tspan', lines[0], 25],
			['tspan', lines[1], 40],
			['tspan', lines[2], 55]
		]);
		expect(toXml(text ? [text] : [])).toMatch(/^<text[^>]*><tspan[^>]*>Biden/);
	});

	it('gives a cluster its count only when the count fits the band', () => {
		const cluster = {
			id: 'c',
			lane: 'a',
			laneIndex: 0,
			x0: 0,
			x1: 30,
			y: 20,
			count: 12,
			density: 1,
			counted: true,
			start: 0,
			end: 1,
			sample: []
		};
		expect(clusterNodes(cluster).map((n) => n.text)).toEqual([undefined, '12']);
		expect(clusterNodes({ ...cluster, x1: 3 })).toHaveLength(1);
	});

	it('draws a lane with many clusters as bars on the baseline, as tall and as dark as they are dense', () => {
		const base = { lane: 'a', laneIndex: 0, y: 20, start: 0, end: 1, counted: false, sample: [] };
		const clusters = [
			{ ...base, id: 'c1', x0: 0, x1: 26, count: 400, density: 1 },
			{ ...base, id: 'c2', x0: 28, x1: 54, count: 200, density: 0.5 },
			{ ...base, id: 'c3', x0: 56, x1: 82, count: 1, density: 0.0025 }
		];
		const nodes = densityNodes(clusters);
		// Darker is denser: one path per shade, the densest the darkest.
		const shades = nodes.map((n) => Number(n.attrs['fill-opacity']));
		expect(shades).toEqual([...shades].sort((a, b) => a - b));
		expect(nodes).toHaveLength(3);
		// Each bar a rectangle: from its top, across, down to the baseline, back.
		const bars = nodes.map((n) => {
			const [, top = '', width = '', height = ''] =
				/^M[-\d.]+,([-\d.]+)h([-\d.]+)v([-\d.]+)h/.exec(String(n.attrs.d)) ?? [];
			return { top: Number(top), bottom: Number(top) + Number(height), width: Number(width) };
		});
		const [sparse, half, full] = bars as [(typeof bars)[0], (typeof bars)[0], (typeof bars)[0]];
		expect(new Set([full.bottom, half.bottom, sparse.bottom]).size).toBe(1);
		expect(full.bottom - full.top).toBeCloseTo(2 * (half.bottom - half.top));
		expect(sparse.bottom - sparse.top).toBeGreaterThanOrEqual(2);
		expect(full.width).toBe(26);
	});
});

describe('markDrawings while the reader pans', () => {
	const day = 86_400_000;
	const start = Date.UTC(2024, 0, 1);
	// Twelve events a week apart in two lanes, some a day long, some exact moments.
	const timeline = prepareTimeline({
		timeZone: 'UTC',
		categories: [
			{ id: 'a', label: 'A' },
			{ id: 'b', label: 'B' }
		],
		events: Array.from({ length: 12 }, (_, i) => ({
			id: `e${i}`,
			title: `Event number ${i}`,
			start: new Date(start + i * 7 * day + (i % 2 ? 0 : 13 * 3_600_000)).toISOString(),
			...(i % 2 ? { precision: 'day' as const } : {}),
			category: i % 3 ? 'a' : 'b'
		}))
	});
	const base = timeScale([start - 7 * day, start + 84 * day], 1280);
	const view = (x: number) => {
		const scale = rescale(base, { k: 2, x });
		const layout = layoutLanes(timeline, scale, 1280);
		return { layout, origin: panOrigin(scale, start - 7 * day) };
	};

	it('keeps the drawing of every mark a small pan leaves in place, and moves the group instead', () => {
		const before = view(-600);
		const after = view(-637);
		expect(after.origin - before.origin).toBeCloseTo(-37, 6);
		const first = markDrawings(before.layout.marks, before.layout.lanes, LIGHT, before.origin);
		const second = markDrawings(after.layout.marks, after.layout.lanes, LIGHT, after.origin, first);
		const kept = after.layout.marks.filter((m) => second.get(m.id) === first.get(m.id));
		// Marks well inside the view, whose labels keep their side: drawn as they were.
		expect(kept.length).toBeGreaterThan(3);
		for (const m of kept) {
			const was = before.layout.marks.find((b) => b.id === m.id);
			expect(was && m.x0 - was.x0).toBeCloseTo(-37, 6);
		}
	});

	it('draws each mark where the layout put it once its lane and the origin are added back', () => {
		const { layout, origin } = view(-600);
		const drawn = markDrawings(layout.marks, layout.lanes, LIGHT, origin);
		for (const m of layout.marks) {
			const shape = drawn.get(m.id)?.nodes[0];
			const top = layout.lanes[m.laneIndex]?.y ?? 0;
			if (m.instant) {
				const [, x = '', y = ''] = /^M([-\d.]+),([-\d.]+)/.exec(String(shape?.attrs.d)) ?? [];
				const [, x0 = '', y0 = ''] =
					/^M([-\d.]+),([-\d.]+)/.exec(laneSymbolAt(m.laneIndex, 0, 0)) ?? [];
				expect(Number(x) - Number(x0) + origin).toBeCloseTo(m.cx, 1);
				expect(Number(y) - Number(y0) + top).toBeCloseTo(m.y, 1);
			} else {
				expect(Number(shape?.attrs.x) + origin).toBeCloseTo(m.x0, 1);
				expect(Number(shape?.attrs.y) + top).toBeCloseTo(m.y - 7, 1);
			}
		}
	});
});
