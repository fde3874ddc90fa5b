import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importData, type ImportOptions } from './import';
import { prepareTimeline, toDataset } from '$lib/model/timeline';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

const v2 = JSON.stringify({
	timeline: {
		headline: 'Mill',
		date: [
			{ startDate: '1850,3', headline: 'Wheel turns', tag: 'Works' },
			{ startDate: '1/12/1901 14:30:00.00', endDate: '1/13/1901', headline: 'Flood' }
		]
	}
});

/** Every new way in, each loaded, saved as Eventline JSON, and loaded again. */
const files: { name: string; text: string; options?: ImportOptions }[] = [
	{ name: 'vis-library.json', text: fixture('vis-library.json') },
	{ name: 'mill.json', text: v2 },
	{
		name: 'fete-village.csv',
		text: fixture('fete-village.csv'),
		options: {
			map: {
				start: 'Quand',
				title: 'Intitulé',
				summary: 'Texte',
				category: 'Rubrique',
				place: 'Lieu'
			},
			dayOrder: 'day-first'
		}
	}
];

describe('the new ways in survive a round trip through Eventline JSON', () => {
	for (const { name, text, options } of files) {
		it(name, () => {
			const first = importData(text, name, options);
			expect(first.rejected).toEqual([]);
			expect(first.dataset?.events.length).toBeGreaterThan(1);
			const original = prepareTimeline(first.dataset ?? { events: [] });
			const again = importData(JSON.stringify(toDataset(original)), 'saved.json');
			expect(again.format).toBe('eventline');
			expect(again.rejected).toEqual([]);
			const loaded = prepareTimeline(again.dataset ?? { events: [] });
			expect(loaded.events.map((e) => [e.id, e.outer, e.lane, e.event])).toEqual(
				original.events.map((e) => [e.id, e.outer, e.lane, e.event])
			);
			expect(loaded.lanes).toEqual(original.lanes);
		});
	}
});
