import { describe, expect, it } from 'vitest';
import { yearStart } from '$lib/model/civil';
import { prepareTimeline } from '$lib/model/timeline';
import { FilterState } from './filters.svelte';
import { SelectionState } from './selection.svelte';
import { readUrlView, writeUrlView } from './url';
import { restoreFromUrl, urlForView } from './url-sync';
import { TimelineView } from './view.svelte';

const timeline = prepareTimeline({
	categories: [
		{ id: 'strike', label: 'Strikes' },
		{ id: 'talks', label: 'Talks' }
	],
	events: [
		{ id: 'a', title: 'A', start: '2024-05-01', category: 'strike', actors: ['Kyiv'] },
		{ id: 'b', title: 'B', start: '2024-05-03', category: 'talks', places: ['Geneva'] }
	]
});

function page(query: string) {
	const selection = new SelectionState();
	const filters = new FilterState();
	const view = new TimelineView(timeline, selection, filters);
	const url = new URL(`https://app.test/?${query}`);
	restoreFromUrl(url, view, selection, filters);
	return { url, view, selection, filters };
}

describe('filter values in the URL that the data does not have are ignored', () => {
	it('unknown categories, actors and places filter nothing out', () => {
		const { filters, view } = page('cat=nope&actor=Nobody&place=Atlantis');
		expect(filters.filtering).toBe(false);
		expect(view.timeline.events).toHaveLength(2);
	});

	it('known values still filter, beside unknown ones', () => {
		const { filters, view } = page('cat=nope&cat=talks&actor=Nobody');
		expect([...filters.categories]).toEqual(['talks']);
		expect([...filters.actors]).toEqual([]);
		expect(view.timeline.events.map((e) => e.id)).toEqual(['b']);
	});

	it('readUrlView without the data’s values keeps them all (nothing to check against)', () => {
		const params = new URLSearchParams('cat=x&place=y');
		expect(readUrlView(params, new Set())).toEqual({ categories: ['x'], places: ['y'] });
	});
});

describe('the URL names the data on screen', () => {
	it('writes the address the data came from', () => {
		const { view, selection, filters } = page('');
		const url = urlForView(new URL('https://app.test/'), '/d.json', view, selection, filters);
		expect(url.searchParams.get('src')).toBe('/d.json');
	});

	it('drops an old address once the data on screen came from elsewhere (a local file)', () => {
		const { view, selection, filters } = page('');
		const old = new URL('https://app.test/?src=%2Fold.json&cat=talks');
		const url = urlForView(old, undefined, view, selection, filters);
		expect(url.search).toBe('');
	});

	it('names the tile set on screen, and drops it once a file replaces it', () => {
		const { view, selection, filters } = page('');
		const tiled = urlForView(
			new URL('https://app.test/'),
			undefined,
			view,
			selection,
			filters,
			'/t/manifest.json'
		);
		expect(tiled.searchParams.get('tiles')).toBe('/t/manifest.json');
		const replaced = urlForView(tiled, '/d.json', view, selection, filters);
		expect(replaced.searchParams.get('tiles')).toBeNull();
		expect(replaced.searchParams.get('src')).toBe('/d.json');
	});
});

describe('breaks in the URL', () => {
	const gappy = prepareTimeline({
		events: [
			{ id: 'a', title: 'A', start: '2024-05-01' },
			{ id: 'b', title: 'B', start: '2024-09-03' },
			{ id: 'c', title: 'C', start: '2024-09-04' },
			{ id: 'd', title: 'D', start: '2024-09-05' }
		]
	});
	const open = (query: string) => {
		const selection = new SelectionState();
		const filters = new FilterState();
		const view = new TimelineView(gappy, selection, filters);
		restoreFromUrl(new URL(`https://app.test/?${query}`), view, selection, filters);
		return { view, selection, filters };
	};

	it('breaks=off shows plain linear time and is written back; on is the default and not written', () => {
		const off = open('breaks=off&src=%2Fd.json');
		expect(off.view.skipGaps).toBe(false);
		expect(off.view.baseScale.breaks()).toEqual([]);
		const url = urlForView(
			new URL('https://app.test/?src=%2Fd.json'),
			'/d.json',
			off.view,
			off.selection,
			off.filters
		);
		expect(url.searchParams.get('breaks')).toBe('off');
		expect(url.searchParams.get('src')).toBe('/d.json');
		const on = open('');
		expect(on.view.skipGaps).toBe(true);
		expect(on.view.baseScale.breaks().length).toBeGreaterThan(0);
		const plain = urlForView(
			new URL('https://app.test/?breaks=off'),
			undefined,
			on.view,
			on.selection,
			on.filters
		);
		expect(plain.searchParams.has('breaks')).toBe(false);
	});

	it('a window in the URL is the same dates with breaks on or off', () => {
		const query = 'from=2024-09-02T00:00Z&to=2024-09-06T00:00Z';
		for (const q of [query, `${query}&breaks=off`]) {
			const { view, selection, filters } = open(q);
			const url = urlForView(
				new URL(`https://app.test/?${q}`),
				undefined,
				view,
				selection,
				filters
			);
			expect(url.searchParams.get('from')).toBe('2024-09-02T00:00Z');
			expect(url.searchParams.get('to')).toBe('2024-09-06T00:00Z');
		}
	});
});

describe('a view of deep time in the URL', () => {
	it.each([
		{ name: 'the age of the universe', from: yearStart(-13_900_000_000), to: yearStart(2025) },
		{ name: 'the Ides of March, 44 BCE', from: Date.UTC(-43, 2, 15), to: Date.UTC(-43, 2, 16) },
		{ name: 'the far future', from: yearStart(12_000), to: yearStart(13_000) }
	])('$name is written as ISO with expanded years and read back', ({ from, to }) => {
		const params = writeUrlView(new URLSearchParams(), { domain: [from, to] });
		expect(params.get('from')).toMatch(/^([+-]\d{4,}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
		const view = readUrlView(params, new Set());
		const [a = NaN, b = NaN] = view.domain ?? [];
		// To the minute, or to float resolution out in deep time.
		expect(Math.abs(a - from)).toBeLessThanOrEqual(Math.max(30_000, Math.abs(from) * 4e-16));
		expect(Math.abs(b - to)).toBeLessThanOrEqual(Math.max(30_000, Math.abs(to) * 4e-16));
	});
});
