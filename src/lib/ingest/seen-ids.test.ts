import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allDifferent, SeenIds } from './seen-ids';

describe('SeenIds', () => {
	it('answers as a Map of first places would, for any ids in any order', () => {
		// Short ids from a small alphabet repeat often; unicode, empty and long ones are mixed in.
		const id = fc.oneof(
			fc.stringMatching(/^[ab]{0,3}$/),
			fc.string({ unit: 'grapheme', maxLength: 6 }),
			fc.string({ minLength: 40, maxLength: 220 })
		);
		const place = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.string({ maxLength: 12 }));
		fc.assert(
			fc.property(
				fc.array(fc.tuple(id, place), { maxLength: 3_000 }),
				// Sized for none, for fewer ids than come, or for more.
				fc.integer({ min: 0, max: 5_000 }),
				(steps, expected) => {
					const seen = new SeenIds((n) => `row ${n}`, expected);
					const model = new Map<string, string>();
					for (const [key, where] of steps) {
						expect(seen.has(key)).toBe(model.has(key));
						expect(seen.get(key)).toBe(model.get(key));
						seen.set(key, where);
						if (!model.has(key)) model.set(key, typeof where === 'number' ? `row ${where}` : where);
					}
					expect(seen.size).toBe(model.size);
					for (const [key, where] of model) expect(seen.get(key)).toBe(where);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('tells a million ids apart, among them ids that differ by one character', () => {
		const seen = new SeenIds((row) => `row ${row}`);
		// Sized for a few, it grows; sized for them all, it does not need to.
		const sized = new SeenIds((row) => `row ${row}`, 1_000_000);
		for (let i = 0; i < 1_000_000; i++) sized.set(`e${String(i).padStart(6, '0')}`, i + 2);
		expect([sized.size, sized.get('e999999'), sized.has('e1000000')]).toEqual([
			1_000_000,
			'row 1000001',
			false
		]);
		for (let i = 0; i < 1_000_000; i++) seen.set(`e${String(i).padStart(6, '0')}`, i + 2);
		expect(seen.size).toBe(1_000_000);
		expect(seen.get('e000000')).toBe('row 2');
		expect(seen.get('e999999')).toBe('row 1000001');
		expect(seen.has('e1000000')).toBe(false);
		expect(seen.has('e00000')).toBe(false);
		// A repeat keeps the first place.
		seen.set('e000123', 5);
		expect(seen.get('e000123')).toBe('row 125');
	});

	it('tells apart two ids whose hashes are equal', () => {
		// "e43zx" and "ebpad" have the same 32-bit FNV-1a hash: only their characters tell them apart.
		const seen = new SeenIds();
		seen.set('e43zx', 1);
		expect(seen.has('ebpad')).toBe(false);
		seen.set('ebpad', 2);
		expect([seen.get('e43zx'), seen.get('ebpad'), seen.size]).toEqual(['1', '2', 2]);
	});
});

describe('allDifferent', () => {
	it('says whether any id other than the empty one repeats, as a Set would', () => {
		const id = fc.oneof(
			fc.constant(''),
			fc.stringMatching(/^[abc]{0,4}$/),
			fc.string({ unit: 'grapheme', maxLength: 6 })
		);
		fc.assert(
			fc.property(
				fc.array(id, { maxLength: 2_000 }),
				// From two buckets, where most ids share theirs, to the real number.
				fc.integer({ min: 1, max: 24 }),
				(ids, bits) => {
					const given = ids.filter(Boolean);
					const expected = new Set(given).size === given.length;
					expect(allDifferent(ids.length, (i) => ids[i] as string, bits)).toBe(expected);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('finds the one repeat among a million ids, and two ids whose hashes are equal apart', () => {
		const ids = Array.from({ length: 1_000_000 }, (_, i) => `e${String(i).padStart(6, '0')}`);
		expect(allDifferent(ids.length, (i) => ids[i] as string)).toBe(true);
		ids[765_432] = 'e000017';
		expect(allDifferent(ids.length, (i) => ids[i] as string)).toBe(false);
		// "e43zx" and "ebpad" share a hash, and so a bucket.
		const pair = ['e43zx', 'ebpad'];
		expect(allDifferent(2, (i) => pair[i] as string)).toBe(true);
	});
});
