import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importData } from './import';
import { prepareTimeline, toDataset } from '$lib/model/timeline';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/import/${name}`, import.meta.url), 'utf8');

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

describe('import, download as Eventline JSON, import', () => {
	const files = [
		['timelinejs-eras.json', 'https://harbour.example/data/velm.json'],
		['timelinejs.json', 'river.json'],
		['timelinejs.csv', 'river.csv']
	] as const;
	it.each(files)('%s gives the same events, eras, text, media and dates', (name, address) => {
		const first = importData(fixture(name), address);
		expect(first.fatal).toEqual([]);
		const timeline = prepareTimeline(first.dataset ?? { events: [] });
		const saved = JSON.stringify(toDataset(timeline));
		const again = importData(saved, 'saved.json');
		expect(again.format).toBe('eventline');
		expect(again.fatal).toEqual([]);
		expect(again.rejected).toEqual([]);
		const reloaded = prepareTimeline(again.dataset ?? { events: [] });
		expect(reloaded.events.map((e) => e.event)).toEqual(timeline.events.map((e) => e.event));
		expect(reloaded.eras).toEqual(timeline.eras);
		expect(reloaded.media).toEqual(timeline.media);
		expect(reloaded.lanes).toEqual(timeline.lanes);
		// A file that names no zone is still one that names none: its times are not made UTC.
		expect(reloaded.floating).toBe(true);
		expect(again.dataset?.timeZone).toBeUndefined();
	});

	it('keeps what a reader sees of the richest slide', () => {
		const first = importData(
			fixture('timelinejs-eras.json'),
			'https://harbour.example/data/velm.json'
		);
		const saved = toDataset(prepareTimeline(first.dataset ?? { events: [] }));
		const pier = saved.events.find((e) => e.id === 'first-pier');
		expect(pier?.displayDate).toBe('Spring 1842 – early summer');
		expect(pier?.media?.url).toBe('https://harbour.example/data/img/pier.jpg');
		expect(pier?.body?.map((block) => block.kind)).toEqual(['p', 'p', 'ul', 'p']);
		expect(saved.media?.alt).toBe('The harbour of Velm seen from the hill');
		expect(saved.eras?.map((era) => era.title)).toEqual([
			'Fishing village',
			'Breakwater years',
			'Steam port'
		]);
	});
});
