import { describe, expect, it } from 'vitest';
import type { ClusterLayout } from '$lib/layout/lanes';
import { prepareTimeline } from '$lib/model/timeline';
import { handleTimelineKey, type TimelineKeys } from './keyboard';
import { inCluster, moveTarget } from './navigate';

// Lane "dense": 50 events in one hour; lane "sparse": one event before and one after the burst.
const hour = Date.UTC(2024, 10, 17, 10);
const iso = (t: number) => new Date(t).toISOString().slice(0, 19);
const timeline = prepareTimeline({
	timeZone: 'UTC',
	events: [
		{ id: 'before', title: 'Before', start: iso(hour - 3_600_000), category: 'sparse' },
		...Array.from({ length: 50 }, (_, i) => ({
			id: `d${String(i).padStart(2, '0')}`,
			title: `Dense ${i}`,
			start: iso(hour + i * 60_000),
			category: 'dense'
		})),
		{ id: 'after', title: 'After', start: iso(hour + 2 * 3_600_000), category: 'sparse' }
	]
});
const events = timeline.events;
const mid = (id: string) => {
	const e = events.find((x) => x.id === id);
	return e ? (e.wall.start + e.wall.end) / 2 : NaN;
};
/** The burst as the layout draws it at a zoom too far out to show its events one by one. */
const burst: ClusterLayout = {
	id: 'cluster:dense:7',
	lane: 'dense',
	laneIndex: 1,
	x0: 100,
	x1: 128,
	y: 40,
	count: 50,
	density: 1,
	counted: true,
	start: mid('d00'),
	end: mid('d49'),
	sample: []
};
const lanes = timeline.lanes.map((l) => l.id);

describe('moveTarget', () => {
	it('counts every event of the burst in its cluster and none of the others', () => {
		expect(events.filter((e) => inCluster(e, burst))).toHaveLength(50);
	});

	it.each([
		{
			name: '→ from the event before lands on the cluster',
			now: { event: 'before' },
			move: 'next',
			expected: 'cluster'
		},
		{
			name: '→ from the cluster steps over its 50 events',
			now: { cluster: burst },
			move: 'next',
			expected: 'after'
		},
		{
			name: '← from the cluster goes back before it',
			now: { cluster: burst },
			move: 'previous',
			expected: 'before'
		},
		{
			name: '← from the event after lands on the cluster',
			now: { event: 'after' },
			move: 'previous',
			expected: 'cluster'
		},
		{
			name: '→ inside an opened cluster walks event by event',
			now: { event: 'd03' },
			move: 'next',
			expected: 'd04'
		},
		{
			name: 'Home from nothing focused lands on the first event',
			now: {},
			move: 'first',
			expected: 'before'
		},
		{
			name: 'End from the cluster goes to the last event',
			now: { cluster: burst },
			move: 'last',
			expected: 'after'
		}
	] as const)('$name', ({ now, move, expected }) => {
		const target = moveTarget(events, [burst], lanes, now, move);
		expect(target?.kind === 'cluster' ? 'cluster' : target?.event.id).toBe(expected);
	});

	it('with no clusters drawn, moves event by event as before', () => {
		const target = moveTarget(events, [], lanes, { event: 'before' }, 'next');
		expect(target).toMatchObject({ kind: 'event', event: { id: 'd00' } });
	});
});

/** A timeline that records what the keys asked of it. */
function fakeKeys(focused: TimelineKeys['focused'], pinned?: string) {
	const calls: string[] = [];
	const keys: TimelineKeys = {
		events,
		clusters: [burst],
		laneOrder: lanes,
		focused,
		pinned,
		tooltipHidden: false,
		focusEvent: (id) => calls.push(`focus ${id}`),
		focusCluster: (c) => calls.push(`focus ${c.id}`),
		openCluster: (c) => calls.push(`open ${c.id}`),
		pin: (id) => calls.push(`pin ${id}`),
		hideTooltip: () => calls.push('hide tooltip'),
		zoomBy: (factor, at) => calls.push(`zoom ${factor} at ${at}`),
		fit: () => calls.push('fit')
	};
	return { keys, calls };
}
const press = (key: string) => ({ key, altKey: false, ctrlKey: false, metaKey: false });

describe('handleTimelineKey', () => {
	it.each([
		{ key: 'ArrowRight', focused: { event: 'before' }, expected: ['focus cluster:dense:7'] },
		{ key: 'Enter', focused: { cluster: burst }, expected: ['open cluster:dense:7'] },
		{ key: ' ', focused: { event: 'd10' }, expected: ['pin d10'] },
		{
			key: '+',
			focused: { cluster: burst },
			expected: [`zoom 2 at ${(burst.start + burst.end) / 2}`]
		},
		{ key: '0', focused: {}, expected: ['fit'] },
		{ key: 'Escape', focused: { event: 'd10' }, expected: ['hide tooltip'] }
	])('$key on $focused', ({ key, focused, expected }) => {
		const { keys, calls } = fakeKeys(focused);
		expect(handleTimelineKey(press(key), keys)).toBe(true);
		expect(calls).toEqual(expected);
	});

	it('Escape closes pinned details before it hides a tooltip', () => {
		const { keys, calls } = fakeKeys({ event: 'd10' }, 'd10');
		handleTimelineKey(press('Escape'), keys);
		expect(calls).toEqual(['pin undefined']);
	});

	it('leaves keys with modifiers and keys it does not use to the browser', () => {
		const { keys, calls } = fakeKeys({ event: 'd10' });
		expect(handleTimelineKey({ ...press('ArrowRight'), ctrlKey: true }, keys)).toBe(false);
		expect(handleTimelineKey(press('a'), keys)).toBe(false);
		expect(handleTimelineKey(press('Enter'), fakeKeys({}).keys)).toBe(false);
		expect(calls).toEqual([]);
	});
});
