/**
 * manifest.json (docs/tiles.md): what a tile set holds and how it was built, read from the tables
 * tiles.sql leaves (pyramid, levels, lanes).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { PRECISION_ORDER, UNCATEGORISED } from '$lib/model/timeline';
import { inputName } from './read';
import { REPORT } from './report';

/** Buckets per count tile. */
export const BUCKETS = 256;
/** Top events per bucket. */
export const TOP = 3;
/** The rank the top events follow, as the manifest states it. */
export const RANK =
	'certainty (confirmed, reported, alleged, none), then number of sources, then length of summary, then id';

/** A level as the manifest describes it. */
export interface ManifestLevel {
	z: number;
	tileMs: number;
	bucketMs: number;
	tiles: number;
	events: number;
}

/** manifest.json (docs/tiles.md). */
export interface Manifest {
	format: 'eventline-tiles';
	version: 1;
	title: string;
	description: string;
	timeZone: string;
	source: { name: string };
	lanes: { id: string; label: string; events: number }[];
	events: number;
	setAside: number;
	report: string;
	extent: [number, number];
	origin: number;
	buckets: number;
	levels: ManifestLevel[];
	counts: string;
	eventTiles: string;
	top: number;
	rank: string;
	precisions: string[];
	build: {
		engine: string;
		seconds: number;
		bytes: number;
		files: number;
		inputs: string[];
		sql: string;
	};
}

/** What the manifest says that the tables do not. */
export interface ManifestFacts {
	options: { inputs: string[]; title?: string; description?: string };
	accepted: number;
	setAside: number;
	seconds: number;
	size: { bytes: number; files: number };
}

const number = (value: unknown) => Number(value);

/** The manifest of the tile set tiles.sql has just built on `connection`. */
export async function readManifest(
	connection: DuckDBConnection,
	{ options, accepted, setAside, seconds, size }: ManifestFacts
): Promise<Manifest> {
	const read = async (query: string) => (await connection.runAndReadAll(query)).getRowObjectsJS();
	const [pyramid] = await read('SELECT origin, lo, hi FROM pyramid');
	const levels = await read('SELECT * FROM levels ORDER BY z');
	const lanes = await read('SELECT lane, events FROM lanes ORDER BY first');
	const [version] = await read('SELECT version() AS v');
	const names = options.inputs.map(inputName);
	return {
		format: 'eventline-tiles',
		version: 1,
		title: options.title ?? names.join(', '),
		description: options.description ?? '',
		timeZone: 'UTC',
		source: { name: names.join(', ') },
		lanes: lanes.map((lane) => ({
			id: String(lane.lane),
			label: lane.lane === UNCATEGORISED.id ? UNCATEGORISED.label : String(lane.lane),
			events: number(lane.events)
		})),
		events: accepted,
		setAside,
		report: REPORT,
		extent: [number(pyramid?.lo), number(pyramid?.hi)],
		origin: number(pyramid?.origin),
		buckets: BUCKETS,
		levels: levels.map((level) => ({
			z: number(level.z),
			tileMs: number(level.tile_ms),
			bucketMs: number(level.bucket_ms),
			tiles: number(level.tiles),
			events: number(level.events)
		})),
		counts: 'counts/{z}/{t}.json',
		eventTiles: 'events/{z}/{t}.ndjson',
		top: TOP,
		rank: RANK,
		precisions: [...PRECISION_ORDER],
		build: {
			engine: `DuckDB ${String(version?.v).replace(/^v/, '')}`,
			seconds: Math.round(seconds * 10) / 10,
			bytes: size.bytes,
			// the manifest itself is one more file
			files: size.files + 1,
			inputs: names,
			sql: 'tiles.sql'
		}
	};
}
