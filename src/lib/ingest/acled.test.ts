import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acledDate, acledDateFields, looksLikeAcled } from './acled';
import { importData } from './import';
import { eventTime } from '$lib/model/dates';
import type { TimelineEvent } from '$lib/model/schema';

const fixture = readFileSync(
	new URL('../../../tests/fixtures/import/acled.csv', import.meta.url),
	'utf8'
);
const HEADER = fixture.slice(0, fixture.indexOf('\n'));

describe('acledDate', () => {
	it.each([
		{ input: '2024-11-17', expected: { year: 2024, month: 11, day: 17 } },
		{ input: '17 November 2024', expected: { year: 2024, month: 11, day: 17 } },
		{ input: '7 Nov 2024', expected: { year: 2024, month: 11, day: 7 } },
		{ input: '17-11-2024', expected: { year: 2024, month: 11, day: 17 } },
		{ input: '2024-02-30', expected: undefined },
		{ input: '17 Brumaire 2024', expected: undefined },
		{ input: '', expected: undefined }
	])('reads "$input"', ({ input, expected }) => {
		expect(acledDate(input)).toEqual(expected);
	});
});

describe('acledDateFields: each time_precision code as the span the codebook gives it', () => {
	const spanOf = (fields: Record<string, unknown>) => {
		const time = eventTime(fields as Pick<TimelineEvent, 'start' | 'end' | 'precision'>, 'UTC');
		return (
			time && [new Date(time.outer.start).toISOString(), new Date(time.outer.end).toISOString()]
		);
	};
	it.each([
		{
			code: '1',
			span: ['2024-03-14T00:00:00.000Z', '2024-03-15T00:00:00.000Z'],
			inferred: false
		},
		// The coded day is the middle of the week: three days either side of it.
		{
			code: '2',
			span: ['2024-03-11T00:00:00.000Z', '2024-03-18T00:00:00.000Z'],
			inferred: true
		},
		{
			code: '3',
			span: ['2024-03-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z'],
			inferred: true
		}
	])('code $code covers $span', ({ code, span, inferred }) => {
		const result = acledDateFields('2024-03-14', code);
		if (!('fields' in result)) throw new Error(result.problem);
		expect(spanOf(result.fields)).toEqual(span);
		expect('dateBasis' in result.fields).toBe(inferred);
	});

	it('a code the codebook does not have is a problem with that column', () => {
		expect(acledDateFields('2024-03-14', '4')).toEqual({
			field: 'precision',
			problem: expect.stringMatching(/"4" is not an ACLED time precision/)
		});
	});
});

describe('ACLED exports', () => {
	const outcome = importData(fixture, 'acled.csv');
	const events = outcome.dataset?.events ?? [];
	const byId = new Map(events.map((e) => [e.id, e]));

	it('are recognised by their header, whatever its case', () => {
		expect(looksLikeAcled(HEADER.split(','))).toBe(true);
		expect(looksLikeAcled(HEADER.toUpperCase().split(','))).toBe(true);
		expect(looksLikeAcled(['title', 'start', 'event_date'])).toBe(false);
		expect(outcome.format).toBe('acled');
	});

	it('load every row, keeping ACLED ids', () => {
		expect(outcome.fatal).toEqual([]);
		expect(outcome.rejected).toEqual([]);
		expect(events.map((e) => e.id)).toEqual(['XMP1001', 'XMP1002', 'XMP1003', 'XMP1004']);
	});

	it('map type, actors, places, notes, sources and fatalities', () => {
		expect(byId.get('XMP1001')).toMatchObject({
			title: 'Armed clash in Riverton',
			category: 'Battles',
			start: '2024-03-14',
			actors: ['Military Forces of Examplestan (2020-)', 'Northern Liberation Front'],
			places: ['Riverton', 'Lake District', 'North Province', 'Examplestan'],
			sources: [{ name: 'Example Daily' }, { name: 'Test Wire' }],
			notes: ['Fatalities: 3'],
			summary: expect.stringMatching(/^On 14 March 2024, forces of Examplestan/)
		});
		expect(byId.get('XMP1002')?.actors).toEqual([
			'Northern Liberation Front',
			'Civilians (Examplestan)',
			'Farmers (Examplestan)'
		]);
		expect(byId.get('XMP1003')?.summary).toContain('over "late pay"');
	});

	it('draw a week code over its week and a month code over its month, marked as inferred', () => {
		expect(byId.get('XMP1002')).toMatchObject({
			start: '2024-03-10',
			end: '2024-03-16',
			approximate: true,
			dateBasis: { kind: 'inferred' }
		});
		expect(byId.get('XMP1003')).toMatchObject({ start: '2024-03', precision: 'month' });
		expect(byId.get('XMP1004')?.start).toBe('2024-03-16');
	});

	it('set a row aside with its column named when its date cannot be read', () => {
		const broken = fixture.replace('XMP1004,16 March 2024,2024,1', 'XMP1004,16 Marsh 2024,2024,1');
		const { rejected, dataset } = importData(broken, 'acled.csv');
		expect(dataset?.events).toHaveLength(3);
		expect(rejected).toEqual([
			expect.objectContaining({
				where: 'row 5',
				issues: [{ path: 'row 5 (event_date)', message: expect.stringMatching(/is not a date/) }]
			})
		]);
	});
});
