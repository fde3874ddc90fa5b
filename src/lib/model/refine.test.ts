import { describe, expect, it } from 'vitest';
import { facetCounts, NO_REFINEMENT, refineTimeline } from './refine';
import { searchEvents } from './search';
import { prepareTimeline } from './timeline';

const base = prepareTimeline({
	timeZone: 'UTC',
	categories: [
		{ id: 'strike', label: 'Strikes' },
		{ id: 'reaction', label: 'Reactions' }
	],
	events: [
		{
			id: 's1',
			title: 'Missile strike on the grid',
			start: '2024-11-17',
			category: 'strike',
			actors: ['Russia'],
			places: ['Lviv', 'Odesa']
		},
		{
			id: 'r1',
			title: 'Poland applauds',
			start: '2024-11-17',
			category: 'reaction',
			actors: ['Poland', 'Radosław Sikorski'],
			quotes: [
				{
					text: 'The victim of aggression has the right to defend itself.',
					speaker: 'Radosław Sikorski'
				}
			]
		},
		{
			id: 'r2',
			title: 'Guterres condemns the strikes',
			start: '2024-11-17',
			category: 'reaction',
			actors: ['António Guterres'],
			summary: 'The UN chief condemned attacks on energy infrastructure.'
		},
		{ id: 'x1', title: 'No actors here', start: '2024-11-18', category: 'reaction' }
	]
});

const refine = (fields: Partial<typeof NO_REFINEMENT>) =>
	refineTimeline(base, { ...NO_REFINEMENT, ...fields });

describe('refineTimeline', () => {
	it('returns the timeline itself when nothing is asked', () => expect(refine({})).toBe(base));

	it('filters by category, actor and place', () => {
		expect(refine({ categories: new Set(['strike']) }).events.map((e) => e.id)).toEqual(['s1']);
		expect(refine({ actors: new Set(['Poland']) }).events.map((e) => e.id)).toEqual(['r1']);
		expect(refine({ places: new Set(['Odesa']) }).events.map((e) => e.id)).toEqual(['s1']);
		expect(
			refine({ categories: new Set(['reaction']), actors: new Set(['Russia']) }).events
		).toEqual([]);
	});

	it('groups lanes by actor (first listed), with a lane for events that name none', () => {
		const grouped = refine({ groupBy: 'actor' });
		// Sikorski is r1's second actor, so r1 goes to Poland's lane and Sikorski gets none.
		expect(grouped.lanes.map((l) => l.label)).toEqual([
			'António Guterres',
			'Poland',
			'Russia',
			'No actor named'
		]);
		expect(grouped.events.find((e) => e.id === 'r1')?.lane).toBe('actors:Poland');
		expect(grouped.byLane.reduce((sum, lane) => sum + lane.events.length, 0)).toBe(4);
	});

	it('groups everything into one lane for "none", keeping the full extent', () => {
		const one = refine({ groupBy: 'none', categories: new Set(['strike']) });
		expect(one.lanes).toEqual([{ id: 'all', label: 'All events' }]);
		expect(one.extent).toEqual(base.extent);
	});

	it('counts facets, most frequent first', () => {
		expect(facetCounts(base.events, 'places')).toEqual([
			{ value: 'Lviv', count: 1 },
			{ value: 'Odesa', count: 1 }
		]);
	});
});

describe('searchEvents', () => {
	it.each([
		{ query: '', expected: undefined },
		{ query: 'missile', expected: ['s1'] },
		{ query: 'sikorski', expected: ['r1'] },
		{ query: 'antonio', expected: ['r2'] },
		{ query: 'energy infrastructure', expected: ['r2'] },
		{ query: 'aggression', expected: ['r1'] },
		{ query: 'odesa', expected: ['s1'] },
		{ query: 'strike', expected: ['s1', 'r2'] },
		{ query: 'nothing like this', expected: [] }
	])('"$query"', ({ query, expected }) => {
		const found = searchEvents(base.events, query);
		expect(found && [...found].sort()).toEqual(expected && [...expected].sort());
	});
});
