/**
 * Eventline's own JSON format. The top-level fields must be valid for the file to be usable; events
 * are checked one by one so a few bad ones do not hide the rest. `description` on an event is taken
 * as another name for `summary`, as simple hand-written files tend to use it.
 */
import * as v from 'valibot';
import { DatasetSchema, type Dataset } from '$lib/model/schema';
import { formatPath, semanticIssues, type DataIssue } from './validate';
import { convertEach, acceptEvents, type Candidate } from './accept';
import { issueKeys, preview, schemaMessage } from './messages';
import { field, isRecord } from './values';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';

const DATASET_FIELDS = new Set(Object.keys(DatasetSchema.entries));

/** Imports a parsed Eventline JSON file: an object with an `events` list. */
export function importEventlineJson(file: Record<string, unknown>): ImportOutcome {
	const rawEvents = field(file, 'events');
	if (!Array.isArray(rawEvents)) {
		return fatalOutcome('eventline', [{ path: 'events', message: 'must be a list of events' }]);
	}
	const total = rawEvents.length;
	const top = topLevel(file);
	if (!top.ok) return fatalOutcome('eventline', top.issues, total);
	if (total === 0) return fatalOutcome('eventline', [NO_EVENTS], 0);

	const { events, rejected, notices } = acceptEvents(
		convertEach(rawEvents, (raw, index) => eventCandidate(raw, index)),
		top.dataset
	);
	return {
		format: 'eventline',
		dataset: { ...top.dataset, events },
		fatal: [],
		rejected,
		notices,
		total
	};
}

/** Validates everything but the events. */
function topLevel(
	file: Record<string, unknown>
): { ok: true; dataset: Dataset } | { ok: false; issues: DataIssue[] } {
	const issues: DataIssue[] = [];
	const rest: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(file)) {
		if (key === 'events') continue;
		if (DATASET_FIELDS.has(key)) rest[key] = value;
		else {
			issues.push({
				path: formatPath([key]),
				message: 'is not a field Eventline knows (check its spelling)'
			});
		}
	}
	const result = v.safeParse(DatasetSchema, { ...rest, events: [] });
	if (!result.success) {
		for (const issue of result.issues) {
			issues.push({ path: formatPath(issueKeys(issue)), message: schemaMessage(issue) });
		}
	} else issues.push(...semanticIssues(result.output));
	return issues.length || !result.success
		? { ok: false, issues }
		: { ok: true, dataset: result.output };
}

/** One entry of a file's `events` list, converted for {@link acceptEvents}. */
export function eventCandidate(raw: unknown, index: number): Candidate {
	const where = `events[${index}]`;
	if (!isRecord(raw)) {
		return {
			index,
			where,
			issues: [{ path: where, message: `expected an event (an object), got ${preview(raw)}` }],
			locate: () => where
		};
	}
	const hasSummary = Object.hasOwn(raw, 'summary');
	const aliased = Object.hasOwn(raw, 'description');
	const issues: DataIssue[] = [];
	// Only an event using the alias is copied (the common case is read as it is). Entries are copied
	// with Object.fromEntries, so a `__proto__` key stays an ordinary (unknown) field.
	const event = !aliased
		? raw
		: Object.fromEntries(
				Object.entries(raw).flatMap(([key, value]): [string, unknown][] => {
					if (key !== 'description') return [[key, value]];
					if (!hasSummary) return [['summary', value]];
					issues.push({
						path: `${where}.description`,
						message: 'is another name for "summary", which is also given: keep one'
					});
					return [];
				})
			);
	const title = field(raw, 'title');
	return {
		index,
		where,
		...(typeof title === 'string' && title.trim() ? { title: title.trim() } : {}),
		event,
		issues,
		locate: ([key, ...rest]) =>
			formatPath([
				'events',
				index,
				...(key === undefined
					? []
					: [key === 'summary' && aliased && !hasSummary ? 'description' : key]),
				...rest
			])
	};
}
