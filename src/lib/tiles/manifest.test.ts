import { describe, expect, it } from 'vitest';
import { writeTileSet } from '../../../tests/tiles-fixture';
import { checkManifest, readManifest, tileUrl } from './manifest';

const URL_OF = 'https://tiles.example/set/manifest.json';
const files = writeTileSet(
	[
		{ id: 'a', title: 'A', lane: 'x', start: Date.UTC(2024, 0, 1) },
		{ id: 'b', title: 'B', lane: 'y', start: Date.UTC(2024, 0, 9), end: Date.UTC(2024, 0, 10) }
	],
	{
		lanes: [
			{ id: 'x', label: 'X' },
			{ id: 'y', label: 'Y' }
		],
		levels: 4
	}
);
const good = JSON.parse(files.get('manifest.json') ?? '{}') as Record<string, unknown>;
const levels = good.levels as { tileMs: number }[];

describe('checkManifest', () => {
	it('reads a manifest written by the rules of docs/tiles.md', () => {
		const result = checkManifest(good, URL_OF);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.manifest.lanes.map((l) => l.id)).toEqual(['x', 'y']);
			expect(result.manifest.url).toBe(URL_OF);
		}
	});

	const rows: {
		name: string;
		change: (m: Record<string, unknown>) => unknown;
		path: string;
		message: RegExp;
	}[] = [
		{
			name: 'another format',
			change: (m) => ({ ...m, format: 'geojson' }),
			path: 'format',
			message: /eventline-tiles/
		},
		{
			name: 'a later version',
			change: (m) => ({ ...m, version: 2 }),
			path: 'version',
			message: /must be 1/
		},
		{
			name: 'no lanes',
			change: (m) => ({ ...m, lanes: [] }),
			path: 'lanes',
			message: /at least one lane/
		},
		{
			name: 'a lane named twice',
			change: (m) => ({
				...m,
				lanes: [
					{ id: 'x', label: 'X' },
					{ id: 'x', label: 'Again' }
				]
			}),
			path: 'lanes[1].id',
			message: /named twice/
		},
		{
			name: 'a level not a quarter of the one before',
			change: (m) => ({
				...m,
				levels: levels.map((l, z) =>
					z === 2 ? { ...l, tileMs: l.tileMs * 2, bucketMs: (l.tileMs * 2) / 256 } : l
				)
			}),
			path: 'levels[2].tileMs',
			message: /expected/
		},
		{
			name: 'buckets that do not divide the tile',
			change: (m) => ({
				...m,
				levels: levels.map((l, z) => (z === 1 ? { ...l, bucketMs: 5 } : l))
			}),
			path: 'levels[1].bucketMs',
			message: /tileMs \/ buckets/
		},
		{
			name: 'a count path without {t}',
			change: (m) => ({ ...m, counts: 'counts/{z}.json' }),
			path: 'counts',
			message: /\{t\}/
		},
		{
			name: 'an extent backwards',
			change: (m) => ({ ...m, extent: [5, 1], origin: 0 }),
			path: 'extent',
			message: /starts after/
		},
		{
			name: 'a string for a number',
			change: (m) => ({ ...m, events: 'many' }),
			path: 'events',
			message: /number/i
		},
		{
			name: 'no levels at all',
			change: (m) => ({ ...m, levels: undefined }),
			path: 'levels',
			message: /is missing/
		},
		{ name: 'not an object', change: () => [1, 2], path: '', message: /not a JSON object/ }
	];
	for (const row of rows) {
		it(`names the problem and where: ${row.name}`, () => {
			const result = checkManifest(row.change(good), URL_OF);
			expect(result.ok).toBe(false);
			if (!result.ok) {
				const issue = result.issues.find((i) => i.path === row.path);
				expect(issue, JSON.stringify(result.issues)).toBeDefined();
				expect(issue?.message).toMatch(row.message);
			}
		});
	}

	it('says where the text stops being JSON', () => {
		const result = readManifest('{"format": "eventline-tiles",\n  "version": }', URL_OF);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.issues[0]?.message).toMatch(/^Not valid JSON/);
	});
});

describe('tileUrl', () => {
	it('resolves tile paths against the manifest', () => {
		expect(tileUrl({ url: URL_OF }, 'counts/{z}/{t}.json', 3, 17)).toBe(
			'https://tiles.example/set/counts/3/17.json'
		);
		expect(tileUrl({ url: URL_OF }, '../other/{z}-{t}.ndjson', 0, 1)).toBe(
			'https://tiles.example/other/0-1.ndjson'
		);
	});
});
