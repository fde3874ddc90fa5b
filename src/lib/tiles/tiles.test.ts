import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeTileSet, type FixtureEvent } from '../../../tests/tiles-fixture';
import { bucketsIn, checkCountTile, mergeBars, sliceFor, type CountTile } from './counts';
import { checkManifest, type Manifest } from './manifest';
import { countTimes, eventTileEmpty, finestOf, knownEmpty, overviewTiles, planTiles } from './plan';
import { ancestor, countLevel, eventTiles, keyOf, tilesOver, type TileKey } from './pyramid';
import { readEventTile } from './events';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
const LANES = [
	{ id: 'x', label: 'X' },
	{ id: 'y', label: 'Y' }
];

/** A tile set written by the test writer, read back as the page reads it. */
function tileSet(events: FixtureEvent[], levels = 5) {
	const files = writeTileSet(events, { lanes: LANES, levels });
	const checked = checkManifest(JSON.parse(files.get('manifest.json') ?? ''), 'http://t/m.json');
	if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
	const manifest: Manifest = checked.manifest;
	const counts = new Map<string, CountTile>();
	for (const [path, body] of files) {
		const match = /^counts\/(\d+)\/(\d+)\.json$/.exec(path);
		if (!match) continue;
		const key = { z: Number(match[1]), t: Number(match[2]) };
		const tile = checkCountTile(JSON.parse(body), key, manifest.buckets);
		if (tile.ok) counts.set(keyOf(key), tile.tile);
	}
	const eventsOf = (key: TileKey) =>
		readEventTile(files.get(`events/${key.z}/${key.t}.ndjson`) ?? '').events;
	return { manifest, counts, eventsOf, files };
}

const arbEvents = fc
	.array(
		fc.record({
			minute: fc.integer({ min: 0, max: 20 * 24 * 60 }),
			length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 * 24 * 60 })),
			lane: fc.constantFrom('x', 'y')
		}),
		{ minLength: 2, maxLength: 120 }
	)
	.map((rows) =>
		rows.map((r, i): FixtureEvent => ({
			id: `e${i}`,
			title: `Event ${i}`,
			lane: r.lane,
			start: T0 + r.minute * MINUTE,
			...(r.length ? { end: T0 + (r.minute + r.length) * MINUTE } : {})
		}))
	);

const mid = (e: FixtureEvent) => (e.start + (e.end ?? e.start)) / 2;

describe('countLevel', () => {
	const { manifest } = tileSet([
		{ id: 'a', title: 'A', lane: 'x', start: T0 },
		{ id: 'b', title: 'B', lane: 'x', start: T0 + 64 * DAY }
	]);
	it('picks the coarsest level whose buckets are at most a few pixels wide', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), (msPerPixel) => {
				const z = countLevel(manifest, msPerPixel, 4);
				const bucket = manifest.levels[z]?.bucketMs ?? 0;
				const deepest = z === manifest.levels.length - 1;
				expect(bucket <= 4 * msPerPixel || deepest).toBe(true);
				if (z > 0) expect(manifest.levels[z - 1]?.bucketMs ?? 0).toBeGreaterThan(4 * msPerPixel);
			})
		);
	});
});

describe('tiles over a window', () => {
	it('never leaves the extent and runs in order', () => {
		const { manifest } = tileSet([
			{ id: 'a', title: 'A', lane: 'x', start: T0 },
			{ id: 'b', title: 'B', lane: 'y', start: T0 + 10 * DAY }
		]);
		expect(tilesOver(manifest, 2, T0 - 100 * DAY, T0 + 100 * DAY).map((k) => k.t)).toEqual(
			Array.from({ length: 16 }, (_, t) => t).filter(
				(t) => t * (manifest.levels[2]?.tileMs ?? 0) <= 10 * DAY
			)
		);
		expect(tilesOver(manifest, 1, T0 + DAY, T0)).toEqual([]);
	});

	it('event tiles hold every event that overlaps the window (the overlap rule)', () => {
		fc.assert(
			fc.property(
				arbEvents,
				fc.double({ min: 0, max: 1 }),
				fc.double({ min: 0, max: 0.3 }),
				(events, at, share) => {
					const { manifest, eventsOf } = tileSet(events);
					const [e0, e1] = manifest.extent;
					const from = e0 + at * (e1 - e0);
					const to = from + share * (e1 - e0);
					const found = new Set(
						eventTiles(manifest, from, to).flatMap((key) => eventsOf(key).map((e) => e.id))
					);
					for (const e of events)
						if (e.start <= to && (e.end ?? e.start) >= from)
							expect(found.has(e.id), e.id).toBe(true);
				}
			),
			{ numRuns: 60 }
		);
	});
});

describe('bucketsIn', () => {
	it('counts every event by its midpoint, at every level', () => {
		fc.assert(
			fc.property(arbEvents, fc.integer({ min: 0, max: 4 }), (events, level) => {
				const { manifest, counts } = tileSet(events);
				const { buckets, sharp } = bucketsIn(
					{ pyramid: manifest, tiles: counts, level },
					manifest.origin,
					manifest.extent[1]
				);
				// Tiles the set does not write are empty: with every tile at hand, the window is sharp.
				const all = new Map(counts);
				for (const key of tilesOver(manifest, level, manifest.origin, manifest.extent[1]))
					if (!all.has(keyOf(key))) all.set(keyOf(key), { ...key, rows: [] });
				expect(
					bucketsIn({ pyramid: manifest, tiles: all, level }, manifest.origin, manifest.extent[1])
						.sharp
				).toBe(true);
				void sharp;
				for (const lane of ['x', 'y']) {
					const total = buckets.filter((b) => b.lane === lane).reduce((n, b) => n + b.n, 0);
					expect(total).toBe(events.filter((e) => e.lane === lane).length);
				}
				for (const b of buckets) {
					const inside = events.filter(
						(e) => e.lane === b.lane && mid(e) >= b.start - 1e-6 && mid(e) < b.end + 1e-6
					);
					expect(inside.length).toBeGreaterThanOrEqual(b.n);
				}
			}),
			{ numRuns: 40 }
		);
	});

	it('stands a coarser tile in for one not yet at hand, counting each bucket once', () => {
		const events: FixtureEvent[] = Array.from({ length: 40 }, (_, i) => ({
			id: `e${i}`,
			title: `E${i}`,
			lane: 'x',
			start: T0 + i * 12 * 3_600_000
		}));
		const { manifest, counts } = tileSet(events);
		const level = 3;
		const only = new Map(
			[...counts].filter(([key]) => key.startsWith('0/') || key.startsWith('1/'))
		);
		const window = bucketsIn(
			{ pyramid: manifest, tiles: only, level },
			manifest.origin,
			manifest.extent[1]
		);
		expect(window.sharp).toBe(false);
		expect(window.covered).toBe(true);
		expect(window.buckets.reduce((n, b) => n + b.n, 0)).toBe(40);
		// With one sharp tile added, the others still come from the coarse one, with no double count.
		const [someKey] = [...counts.keys()].filter((key) => key.startsWith(`${level}/`));
		const mixed = new Map(only);
		if (someKey) mixed.set(someKey, counts.get(someKey) as CountTile);
		const window2 = bucketsIn(
			{ pyramid: manifest, tiles: mixed, level },
			manifest.origin,
			manifest.extent[1]
		);
		expect(window2.buckets.reduce((n, b) => n + b.n, 0)).toBe(40);
	});
});

describe('mergeBars', () => {
	it('keeps every count, bars in order and apart, each a whole number of buckets', () => {
		fc.assert(
			fc.property(arbEvents, fc.integer({ min: 1, max: 12 }), (events, per) => {
				const { manifest, counts } = tileSet(events);
				const level = 3;
				const { buckets } = bucketsIn(
					{ pyramid: manifest, tiles: counts, level },
					manifest.origin,
					manifest.extent[1]
				);
				const bucketMs = manifest.levels[level]?.bucketMs ?? 1;
				const slice = sliceFor(bucketMs, 1, bucketMs * per);
				expect(slice / bucketMs).toBeCloseTo(per);
				const lane = buckets.filter((b) => b.lane === 'x');
				const bars = mergeBars(lane, manifest.origin, slice);
				expect(bars.reduce((n, b) => n + b.n, 0)).toBe(lane.reduce((n, b) => n + b.n, 0));
				bars.forEach((bar, i) => {
					expect(bar.end).toBeGreaterThan(bar.start);
					if (i > 0) expect(bar.start).toBeGreaterThanOrEqual((bars[i - 1]?.end ?? 0) - 1e-6);
					expect(bar.first).toBeLessThanOrEqual(bar.last);
				});
			}),
			{ numRuns: 40 }
		);
	});
});

describe('planTiles', () => {
	const many: FixtureEvent[] = Array.from({ length: 3000 }, (_, i) => ({
		id: `e${i}`,
		title: `E${i}`,
		lane: i % 2 ? 'x' : 'y',
		start: T0 + Math.floor(((i / 3000) * 30 * DAY) / MINUTE) * MINUTE
	}));
	const { manifest, counts } = tileSet(many, 6);
	const overview = new Map(
		[...counts].filter(([key]) => overviewTiles(manifest).some((k) => keyOf(k) === key))
	);
	const view = (from: number, to: number) => ({
		spans: [[from, to] as const],
		msPerPixel: (to - from) / 1000,
		width: 1000
	});

	it('draws the whole set from counts', () => {
		const plan = planTiles(manifest, view(manifest.origin, manifest.extent[1]), overview);
		expect(plan.events).toEqual([]);
		expect(plan.estimate).toBe(3000);
	});

	it('fetches the event tiles once the counts put few events in view', () => {
		const plan = planTiles(manifest, view(T0 + 10 * DAY, T0 + 10 * DAY + 6 * 3_600_000), counts);
		expect(plan.estimate).toBeLessThan(100);
		expect(plan.events.length).toBeGreaterThan(0);
		expect(plan.events.every((key) => !eventTileEmpty(manifest, counts, key))).toBe(true);
	});

	it('fetches no count tile the coarser counts say is empty', () => {
		const sparse = tileSet([
			{ id: 'a', title: 'A', lane: 'x', start: T0 },
			{ id: 'b', title: 'B', lane: 'x', start: T0 + 40 * DAY }
		]);
		const plan = planTiles(
			sparse.manifest,
			view(sparse.manifest.origin, sparse.manifest.extent[1]),
			new Map([...sparse.counts].filter(([key]) => key.startsWith('0/')))
		);
		const written = [...sparse.files.keys()];
		for (const key of plan.counts) expect(written).toContain(`counts/${key.z}/${key.t}.json`);
	});

	it('leaves out the levels of many events far longer than the window, and says so', () => {
		const long: FixtureEvent[] = Array.from({ length: 3000 }, (_, i) => ({
			id: `l${i}`,
			title: `Long ${i}`,
			lane: 'x',
			start: T0 + (i % 50) * DAY,
			end: T0 + (i % 50) * DAY + 10 * DAY
		}));
		const short: FixtureEvent[] = Array.from({ length: 200 }, (_, i) => ({
			id: `s${i}`,
			title: `Short ${i}`,
			lane: 'y',
			start: T0 + i * 6 * 3_600_000
		}));
		const set = tileSet([...long, ...short], 7);
		const at = T0 + 20 * DAY;
		// At most 1,000 events fetched: the long ones are too many.
		const plan = planTiles(set.manifest, view(at, at + 3 * 3_600_000), set.counts, 2000, 1000);
		expect(plan.events.length).toBeGreaterThan(0);
		expect(plan.longerThan).toBeGreaterThan(3 * 3_600_000);
		const longLevels = new Set(
			long.map((e) => set.manifest.levels.findLastIndex((l) => l.tileMs >= (e.end ?? 0) - e.start))
		);
		for (const key of plan.events) expect(longLevels.has(key.z)).toBe(false);
		// The whole set shows them all, from counts.
		expect(
			planTiles(set.manifest, view(set.manifest.origin, set.manifest.extent[1]), set.counts).events
		).toEqual([]);
	});

	it('tells where the data is and how finely it is dated', () => {
		const tiles = [...overview.values()];
		expect(Math.min(...countTimes(tiles))).toBe(T0);
		expect(finestOf(tiles, manifest.precisions)).toBe('minute');
	});
});

describe('ancestor', () => {
	it('is the tile of the coarser level holding the tile', () => {
		expect(ancestor({ z: 3, t: 37 }, 1)).toEqual({ z: 1, t: 2 });
		expect(ancestor({ z: 3, t: 37 }, 3)).toEqual({ z: 3, t: 37 });
	});
});

describe('readEventTile', () => {
	it('reads lines with the importer: markup stays text, bad lines are set aside', () => {
		const text = [
			JSON.stringify({ id: 'a', title: '<img src=x onerror=alert(1)>', start: '2024-01-01' }),
			'{ not json',
			JSON.stringify({ id: 'b', start: '2024-01-02' })
		].join('\n');
		const { events, setAside } = readEventTile(text);
		expect(events.map((e) => e.title)).toEqual(['<img src=x onerror=alert(1)>']);
		expect(setAside).toBe(2);
	});
});

describe('knownEmpty', () => {
	it('never calls a stretch empty that holds an event midpoint', () => {
		fc.assert(
			fc.property(
				arbEvents,
				fc.integer({ min: 1, max: 4 }),
				fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
				(events, z, keep) => {
					const { manifest, counts } = tileSet(events);
					// Level 0 always at hand (as the page keeps it); any other tile maybe.
					const some = new Map(
						[...counts].filter(([key], i) => key.startsWith('0/') || keep[i % 64])
					);
					for (const key of tilesOver(manifest, z, manifest.origin, manifest.extent[1])) {
						const [from, to] = [
							manifest.origin + key.t * (manifest.levels[z]?.tileMs ?? 0),
							manifest.origin + (key.t + 1) * (manifest.levels[z]?.tileMs ?? 0)
						];
						if (knownEmpty(manifest, some, z, from, to))
							expect(events.filter((e) => mid(e) >= from && mid(e) < to)).toEqual([]);
					}
				}
			),
			{ numRuns: 40 }
		);
	});
});
