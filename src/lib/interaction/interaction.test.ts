import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { timeScale } from '$lib/layout/scale';
import { prepareTimeline } from '$lib/model/timeline';
import { dragWindow, grabAt, jumpWindow } from './brush';
import { keyToMove, moveFocus } from './navigate';
import { readUrlView, writeUrlView } from '$lib/state/url';
import {
	centreOn,
	clampTransform,
	domainOfTransform,
	maxZoom,
	minimumSpan,
	rescale,
	transformForDomain
} from '$lib/layout/viewport';

const timeline = prepareTimeline({
	timeZone: 'UTC',
	categories: [
		{ id: 'a', label: 'A' },
		{ id: 'b', label: 'B' },
		{ id: 'c', label: 'C' }
	],
	events: [
		{ id: 'a1', title: 'a1', start: '2024-11-15', category: 'a' },
		{ id: 'b1', title: 'b1', start: '2024-11-16', category: 'b' },
		{ id: 'a2', title: 'a2', start: '2024-11-17', category: 'a' },
		{ id: 'c1', title: 'c1', start: '2024-11-19', category: 'c' }
	]
});
const lanes = ['a', 'b', 'c'];

describe('moveFocus', () => {
	const rows = [
		{ name: 'nothing focused: first event', from: undefined, move: 'next', expected: 'a1' },
		{ name: 'next in time', from: 'a1', move: 'next', expected: 'b1' },
		{ name: 'stays at the end', from: 'c1', move: 'next', expected: 'c1' },
		{ name: 'previous in time', from: 'a2', move: 'previous', expected: 'b1' },
		{ name: 'stays at the start', from: 'a1', move: 'previous', expected: 'a1' },
		{ name: 'down: nearest in time in the next lane', from: 'a2', move: 'down', expected: 'b1' },
		{ name: 'down skips to the next lane with events', from: 'b1', move: 'down', expected: 'c1' },
		{ name: 'up from the top lane stays', from: 'a1', move: 'up', expected: 'a1' },
		{ name: 'up: nearest in time', from: 'c1', move: 'up', expected: 'b1' },
		{ name: 'home', from: 'c1', move: 'first', expected: 'a1' },
		{ name: 'end', from: 'a1', move: 'last', expected: 'c1' }
	] as const;
	for (const row of rows) {
		it(row.name, () =>
			expect(moveFocus(timeline.events, lanes, row.from, row.move)?.id).toBe(row.expected)
		);
	}
	it('maps keys to moves', () => {
		expect(
			['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'x'].map(keyToMove)
		).toEqual(['next', 'previous', 'up', 'down', 'first', 'last', undefined]);
	});
});

describe('viewport', () => {
	const day = 86_400_000;
	const base = timeScale([0, 10 * day], 1000);

	it('a transform for a domain shows exactly that domain', () => {
		const t = transformForDomain(base, [2 * day, 4 * day]);
		expect(t.k).toBeCloseTo(5);
		const [d0, d1] = domainOfTransform(base, t);
		expect(d0).toBeCloseTo(2 * day, -3);
		expect(d1).toBeCloseTo(4 * day, -3);
	});

	it('clamps zoom between the whole dataset and the finest useful window', () => {
		expect(clampTransform({ k: 0.5, x: 0 }, 1000, 50).k).toBe(1);
		expect(clampTransform({ k: 500, x: 0 }, 1000, 50).k).toBe(50);
		// Panning past either end of the data is stopped at the end.
		expect(clampTransform({ k: 2, x: 300 }, 1000, 50).x).toBe(0);
		expect(clampTransform({ k: 2, x: -5000 }, 1000, 50).x).toBe(-1000);
		const inside = { k: 2, x: -300 };
		expect(clampTransform(inside, 1000, 50)).toBe(inside);
	});

	it('a zoom cut short at the limit keeps the middle of the view where it was', () => {
		// Asking for a window narrower than one base pixel: the zoom stops at kMax, centred on it.
		const wanted = transformForDomain(base, [5 * day, 5 * day + 60_000]);
		expect(wanted.k).toBeGreaterThan(1000);
		const bounded = clampTransform(wanted, 1000, 50);
		expect(bounded.k).toBe(50);
		const [d0, d1] = domainOfTransform(base, bounded);
		expect((d0 + d1) / 2).toBeCloseTo(5 * day + 30_000, -3);
	});

	it('zooms the base scale exactly as d3-zoom would', () => {
		for (const [k, x] of [
			[1, 0],
			[2, -300],
			[37.5, -12_345.6],
			[1000, -999_000]
		] as const) {
			const ours = rescale(base, { k, x }).domain();
			const d3s = zoomIdentity.translate(x, 0).scale(k).rescaleX(base).domain();
			expect(ours[0]).toBeCloseTo(d3s[0] as number, 3);
			expect(ours[1]).toBeCloseTo(d3s[1] as number, 3);
		}
	});

	it('bounds the zoom by the finest precision in the data', () => {
		expect(minimumSpan('minute')).toBeLessThan(minimumSpan('day'));
		expect(maxZoom(base, 'day')).toBeCloseTo(10);
		expect(maxZoom(base, 'year')).toBe(1);
	});

	it('centres a window on a time, inside the bounds', () => {
		expect(centreOn([0, 2 * day], 5 * day, [0, 10 * day])).toEqual([4 * day, 6 * day]);
		expect(centreOn([0, 2 * day], 9.5 * day, [0, 10 * day])).toEqual([8 * day, 10 * day]);
	});
});

describe('URL view', () => {
	const ids = new Set(['a1', 'b1']);
	const rows = [
		{
			name: 'a window and an event',
			query: 'from=2024-11-17T04:00Z&to=2024-11-18T04:00Z&event=a1',
			expected: {
				domain: [Date.parse('2024-11-17T04:00Z'), Date.parse('2024-11-18T04:00Z')],
				event: 'a1'
			}
		},
		{ name: 'an unknown event is ignored', query: 'event=nope', expected: {} },
		{
			name: 'a window ending before it starts is ignored',
			query: 'from=2024-11-18T04:00Z&to=2024-11-17T04:00Z',
			expected: {}
		},
		{ name: 'words are ignored', query: 'from=yesterday&to=now', expected: {} },
		{
			name: 'impossible dates are ignored',
			query: 'from=2024-99-99T00:00Z&to=2024-11-17T04:00Z',
			expected: {}
		},
		{ name: 'half a window is ignored', query: 'from=2024-11-17T04:00Z', expected: {} }
	];
	for (const row of rows) {
		it(row.name, () =>
			expect(readUrlView(new URLSearchParams(row.query), ids)).toEqual(row.expected)
		);
	}

	it('reads search, grouping and repeated filter values', () => {
		const params = new URLSearchParams('q=sikorski&group=actor&cat=a&cat=b&place=Lviv');
		expect(readUrlView(params, ids)).toEqual({
			query: 'sikorski',
			groupBy: 'actor',
			categories: ['a', 'b'],
			places: ['Lviv']
		});
		const written = writeUrlView(new URLSearchParams(), {
			query: 'a b',
			groupBy: 'category',
			categories: ['x,y'],
			actors: []
		});
		expect(written.toString()).toBe('q=a+b&cat=x%2Cy');
	});

	it('round-trips and keeps parameters it does not own', () => {
		const params = writeUrlView(new URLSearchParams('src=https://x.test/a.json'), {
			domain: [Date.parse('2024-11-17T04:00Z'), Date.parse('2024-11-18T04:30Z')],
			event: 'b1'
		});
		expect(params.get('src')).toBe('https://x.test/a.json');
		expect(params.get('from')).toBe('2024-11-17T04:00Z');
		expect(readUrlView(params, ids)).toEqual({
			domain: [Date.parse('2024-11-17T04:00Z'), Date.parse('2024-11-18T04:30Z')],
			event: 'b1'
		});
		expect([...writeUrlView(params, {}).keys()]).toEqual(['src']);
	});
});

describe('overview brush', () => {
	it.each([
		{ x: 101, expected: 'start' },
		{ x: 199, expected: 'end' },
		{ x: 150, expected: 'move' },
		{ x: 20, expected: 'jump' },
		{ x: 400, expected: 'jump' }
	])('a press at $x grabs $expected', ({ x, expected }) =>
		expect(grabAt(x, [100, 200])).toBe(expected)
	);

	it('moves the window without leaving the strip', () => {
		expect(dragWindow('move', [100, 200], 50, 1000, 10)).toEqual([150, 250]);
		expect(dragWindow('move', [100, 200], -500, 1000, 10)).toEqual([0, 100]);
		expect(dragWindow('move', [100, 200], 5000, 1000, 10)).toEqual([900, 1000]);
	});
	it('resizes from either edge, never narrower than the minimum', () => {
		expect(dragWindow('start', [100, 200], -50, 1000, 10)).toEqual([50, 200]);
		expect(dragWindow('start', [100, 200], 500, 1000, 10)).toEqual([190, 200]);
		expect(dragWindow('end', [100, 200], 5000, 1000, 10)).toEqual([100, 1000]);
	});
	it('jumps to centre the window where pressed', () => {
		expect(jumpWindow([100, 200], 500, 1000)).toEqual([450, 550]);
		expect(jumpWindow([100, 200], 990, 1000)).toEqual([900, 1000]);
	});
});
