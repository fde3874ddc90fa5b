import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { EventSchema } from '$lib/model/schema';
import { plainEvent, plainFieldCheck } from './plain-event';
import { limitText } from './text-limits';

/** Values a field of a file may hold: right, nearly right and wrong. */
const value = fc.oneof(
	fc.constantFrom(
		'e1',
		'A title',
		' padded ',
		'',
		'2024-11-17',
		'2024-11-17T06:00',
		'2024-02-30',
		'-0043-03-15',
		'-13800000000',
		'-13800000000-01',
		'2024-13',
		'day',
		'part-of-day',
		'morning',
		'reported',
		'text',
		'Europe/Kyiv',
		'Mars/Olympus',
		'x'.repeat(250),
		'has space id'
	),
	fc.boolean(),
	fc.integer(),
	fc.constant(null),
	fc.array(fc.constantFrom('Army', ' Army', '', 'x'.repeat(2_500)), { maxLength: 3 }),
	fc.constant([{ text: 'said', speaker: 'A' }]),
	fc.string({ maxLength: 8 })
);
const key = fc.constantFrom(
	...Object.keys(EventSchema.entries),
	'constructor',
	'toString',
	'__proto__',
	'colour'
);
/** Mostly well-formed required fields, so that many events pass and the comparison is exercised. */
const event = fc
	.record({
		id: fc.oneof(fc.constant('e1'), value),
		title: fc.oneof(fc.constant('A title'), value),
		start: fc.oneof(fc.constantFrom('2024-11-17', '2024-11-17T06:00', '-0043'), value)
	})
	.chain((base) =>
		fc
			.array(fc.tuple(key, value), { maxLength: 6 })
			.map((more) => Object.assign(JSON.parse(JSON.stringify(base)), Object.fromEntries(more)))
	);

describe('plainEvent', () => {
	it('passes an event only when valibot would give it back unchanged and no text needs cutting', () => {
		let passed = 0;
		fc.assert(
			fc.property(event, (raw: Record<string, unknown>) => {
				const plain = plainEvent(raw);
				// Streamed, the same answer in the one shape: every quick field, undefined when absent.
				const streamed = plainEvent(raw, { streamed: true });
				expect(streamed === undefined).toBe(plain === undefined);
				if (streamed) expect(streamed).toEqual(plain);
				if (!plain) return;
				passed++;
				const checked = v.safeParse(EventSchema, raw);
				expect(checked.success).toBe(true);
				expect(plain).toEqual(checked.output);
				expect(Object.keys(plain)).toEqual(Object.keys(checked.output ?? {}));
				const limited = limitText(plain, () => '');
				expect([...limited.notices, ...limited.problems]).toEqual([]);
			}),
			{ numRuns: 3000 }
		);
		// Enough events passed for the comparison to mean something.
		expect(passed).toBeGreaterThan(50);
	});

	it.each([
		['a well-formed event', { id: 'a', title: 'T', start: '2024-11-17' }, true],
		['keys out of order, given back in order', { start: '2024', title: 'T', id: 'a' }, true],
		['a title with spaces around it', { id: 'a', title: ' T ', start: '2024' }, false],
		['a key named constructor', { id: 'a', title: 'T', start: '2024', constructor: 1 }, false],
		['quotes', { id: 'a', title: 'T', start: '2024', quotes: [] }, false],
		['a long summary', { id: 'a', title: 'T', start: '2024', summary: 's'.repeat(300) }, false],
		['no start', { id: 'a', title: 'T' }, false],
		['an unknown zone', { id: 'a', title: 'T', start: '2024', timeZone: 'Mars/Base' }, false]
	])('%s: plain is %s', (_, raw, plain) => {
		expect(plainEvent(raw) !== undefined).toBe(plain);
	});

	it('gives streamed events one shape, with every field it checks in the schema order', () => {
		const a = plainEvent({ id: 'a', title: 'T', start: '2024' }, { streamed: true });
		const b = plainEvent(
			{ places: ['P'], start: '2024', end: '2025', title: 'T', id: 'b' },
			{ streamed: true }
		);
		expect(Object.keys(a ?? {})).toEqual(Object.keys(b ?? {}));
		expect(Object.keys(a ?? {})).toEqual(
			Object.keys(EventSchema.entries).filter((key) => plainFieldCheck(key))
		);
	});

	it('sees a __proto__ key in parsed JSON', () => {
		expect(plainEvent(JSON.parse('{"id":"a","title":"T","start":"2024","__proto__":{}}'))).toBe(
			undefined
		);
	});
});
