import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TileCache } from './tile-cache';

describe('TileCache', () => {
	it('evicts the least recently used first when over its byte budget', () => {
		const cache = new TileCache<string>({ bytes: 100, entries: 10 });
		cache.set('a', 'A', 40);
		cache.set('b', 'B', 40);
		cache.get('a');
		cache.set('c', 'C', 40);
		expect(cache.has('a')).toBe(true);
		expect(cache.has('b')).toBe(false);
		expect(cache.has('c')).toBe(true);
	});

	it('evicts by entry count too, and never a kept tile', () => {
		const cache = new TileCache<number>({ bytes: 1e9, entries: 2 });
		cache.set('overview', 0, 10, true);
		cache.set('a', 1, 1);
		cache.set('b', 2, 1);
		cache.set('c', 3, 1);
		expect([...cache.entries()].map(([key]) => key)).toEqual(['overview', 'b', 'c']);
	});

	it('stays within its budget whatever is put in', () => {
		fc.assert(
			fc.property(
				fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 60 }))),
				(puts) => {
					const cache = new TileCache<number>({ bytes: 100, entries: 5 });
					for (const [key, bytes] of puts) {
						cache.set(String(key), key, bytes);
						expect(cache.size.entries).toBeLessThanOrEqual(5);
						expect(cache.size.bytes).toBeLessThanOrEqual(100);
					}
					const last = puts[puts.length - 1];
					if (last) expect(cache.peek(String(last[0]))).toBe(last[0]);
				}
			)
		);
	});
});
