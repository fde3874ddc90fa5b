import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { prepareTimeline, toDataset } from '$lib/model/timeline';

describe('toDataset', () => {
	it('saves a timeline that loads back as the same timeline', () => {
		const original = prepareTimeline({
			title: 'Round trip',
			description: 'Saved and loaded again',
			timeZone: 'Europe/Kyiv',
			source: { name: 'A report', published: '2024-11-17' },
			categories: [
				{ id: 'a', label: 'Alpha' },
				{ id: 'unused', label: 'Never used' }
			],
			events: [
				{
					id: 'x',
					title: 'Early morning',
					start: '2024-11-17',
					precision: 'part-of-day',
					partOfDay: 'early-morning',
					category: 'a',
					quotes: [{ text: 'Quoted', speaker: 'Someone' }]
				},
				{
					id: 'y',
					title: 'No category',
					start: '2024-11-18T10:00',
					timeZone: 'Europe/Berlin',
					approximate: true
				}
			]
		});
		const saved = JSON.stringify(toDataset(original));
		const outcome = importData(saved, 'saved.json');
		expect(outcome.fatal).toEqual([]);
		expect(outcome.rejected).toEqual([]);
		const loaded = outcome.dataset && prepareTimeline(outcome.dataset);
		expect(loaded?.title).toBe(original.title);
		expect(loaded?.zone).toBe(original.zone);
		expect(loaded?.events.map((e) => [e.id, e.outer, e.lane, e.event])).toEqual(
			original.events.map((e) => [e.id, e.outer, e.lane, e.event])
		);
		expect(loaded?.lanes).toEqual(original.lanes);
	});
});
