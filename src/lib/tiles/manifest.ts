/**
 * A tile set's manifest (docs/tiles.md): its shape checked with valibot, then the rules a shape
 * cannot say (levels a quarter of the one before, buckets that divide a tile, lanes named once).
 * A bad manifest is refused with every problem and where it is, never half-read.
 */
import * as v from 'valibot';
import { formatPath, parseJsonText, type DataIssue } from '$lib/ingest/validate';
import type { Precision } from '$lib/model/schema';

const PRECISIONS = ['minute', 'hour', 'part-of-day', 'day', 'month', 'year'] as const;

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const time = v.pipe(v.number(), v.finite());
const positive = v.pipe(v.number(), v.finite(), v.gtValue(0));
/** A path template with `{z}` and `{t}` in it, resolved against the manifest's address. */
const template = v.pipe(
	v.string(),
	v.includes('{z}', 'must contain {z}'),
	v.includes('{t}', 'must contain {t}')
);

const LevelSchema = v.object({
	z: count,
	tileMs: positive,
	bucketMs: positive,
	tiles: count,
	events: count
});

const LaneSchema = v.object({
	id: v.pipe(v.string(), v.minLength(1)),
	label: v.string(),
	events: v.optional(count)
});

/** The manifest's shape; fields the page does not use are kept but not required. */
export const ManifestSchema = v.object({
	format: v.literal('eventline-tiles', 'must be "eventline-tiles"'),
	version: v.literal(1, 'must be 1 (the version this page reads)'),
	title: v.optional(v.string()),
	description: v.optional(v.string()),
	timeZone: v.optional(v.string()),
	source: v.optional(v.object({ name: v.string(), published: v.optional(v.string()) })),
	lanes: v.pipe(v.array(LaneSchema), v.minLength(1, 'must name at least one lane')),
	events: count,
	setAside: v.optional(count),
	report: v.optional(v.string()),
	extent: v.tuple([time, time]),
	origin: time,
	buckets: v.pipe(v.number(), v.integer(), v.minValue(1)),
	levels: v.pipe(v.array(LevelSchema), v.minLength(1, 'must list at least one level')),
	counts: template,
	eventTiles: template,
	top: v.optional(count),
	rank: v.optional(v.string()),
	precisions: v.optional(v.array(v.picklist(PRECISIONS))),
	build: v.optional(v.record(v.string(), v.unknown()))
});

/** A checked manifest, with the address its tile paths are resolved against. */
export type Manifest = v.InferOutput<typeof ManifestSchema> & {
	/** Where the manifest was read from. */
	url: string;
	precisions: Precision[];
};

/** The manifest, or every problem found in it. */
export type ManifestResult = { ok: true; manifest: Manifest } | { ok: false; issues: DataIssue[] };

/** Relative error tolerated between a level's sizes and the rule, for float arithmetic. */
const SLACK = 1e-9;
const near = (a: number, b: number) => Math.abs(a - b) <= SLACK * Math.max(1, Math.abs(b));

/** The rules between fields: each problem with its place in the manifest. */
function ruleIssues(m: v.InferOutput<typeof ManifestSchema>): DataIssue[] {
	const issues: DataIssue[] = [];
	const [first, last] = m.extent;
	if (first > last) issues.push({ path: 'extent', message: 'starts after it ends' });
	if (m.origin > first)
		issues.push({ path: 'origin', message: 'is after the start of the extent' });
	const base = m.levels[0]?.tileMs ?? 0;
	m.levels.forEach((level, z) => {
		const at = (key: string) => formatPath(['levels', z, key]);
		if (level.z !== z) issues.push({ path: at('z'), message: `is ${level.z}, expected ${z}` });
		const expected = base / 4 ** z;
		if (!near(level.tileMs, expected))
			issues.push({ path: at('tileMs'), message: `is ${level.tileMs}, expected ${expected}` });
		if (!near(level.bucketMs * m.buckets, level.tileMs))
			issues.push({
				path: at('bucketMs'),
				message: `is ${level.bucketMs}, expected tileMs / buckets (${level.tileMs / m.buckets})`
			});
	});
	if (m.levels.length && Math.floor((last - m.origin) / base) > 1)
		issues.push({
			path: formatPath(['levels', 0, 'tileMs']),
			message: 'is too short: level 0 must cover the extent in one or two tiles'
		});
	const seen = new Set<string>();
	m.lanes.forEach((lane, i) => {
		if (seen.has(lane.id))
			issues.push({ path: formatPath(['lanes', i, 'id']), message: `"${lane.id}" is named twice` });
		seen.add(lane.id);
	});
	return issues;
}

/** Valibot's issues with their places as paths, a missing field said so. */
export function schemaIssues(issues: readonly v.BaseIssue<unknown>[]): DataIssue[] {
	return issues.map((issue) => ({
		path: formatPath((issue.path ?? []).map((item) => item.key as string | number)),
		message: issue.kind === 'schema' && issue.input === undefined ? 'is missing' : issue.message
	}));
}

/** Checks a parsed manifest read from `url`. */
export function checkManifest(input: unknown, url: string): ManifestResult {
	if (typeof input !== 'object' || input === null || Array.isArray(input))
		return {
			ok: false,
			issues: [{ path: '', message: 'is not a JSON object (a manifest is one)' }]
		};
	const parsed = v.safeParse(ManifestSchema, input);
	if (!parsed.success) return { ok: false, issues: schemaIssues(parsed.issues) };
	const issues = ruleIssues(parsed.output);
	if (issues.length) return { ok: false, issues };
	return {
		ok: true,
		manifest: { ...parsed.output, url, precisions: parsed.output.precisions ?? [...PRECISIONS] }
	};
}

/** Checks a manifest's text: JSON first (with line and column), then {@link checkManifest}. */
export function readManifest(text: string, url: string): ManifestResult {
	const json = parseJsonText(text);
	return json.ok ? checkManifest(json.value, url) : { ok: false, issues: [json.issue] };
}

/** The address of tile `t` of level `z` from a path template, resolved against the manifest's. */
export function tileUrl(manifest: Pick<Manifest, 'url'>, template: string, z: number, t: number) {
	return new URL(template.replaceAll('{z}', String(z)).replaceAll('{t}', String(t)), manifest.url)
		.href;
}
