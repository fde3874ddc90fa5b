/**
 * The step every importer ends with: each converted event is checked against the real Eventline
 * schema and the per-event rules of `semanticIssues`, then kept or rejected with every problem named
 * where it is in the original file.
 */
import * as v from 'valibot';
import { EventSchema, type Dataset, type TimelineEvent } from '$lib/model/schema';
import { eventIssues, eventRules, type DataIssue, type EventRules } from './validate';
import { issueKeys, schemaMessage } from './messages';
import type { RejectedEvent } from './outcome';
import { limitText } from './text-limits';
import { plainEvent } from './plain-event';
import { SeenIds, type IdsSeen, type Place } from './seen-ids';

/** Turns a path inside a converted event (`['start']`, `['actors', 1]`) into a place in the file. */
export type Locate = (keys: readonly (string | number)[]) => string;

/** One event converted from a file, not yet validated. */
export interface Candidate {
	/** 0-based position of the event in the file. */
	index: number;
	/** How a person finds it in the file: "row 14", "events[3]". */
	where: string;
	/** Its title as the file spells it, for display. */
	title?: string;
	/** The event in Eventline's shape; undefined when nothing could be converted. */
	event?: Record<string, unknown>;
	/** Problems found while converting. */
	issues: DataIssue[];
	/** Fields whose conversion failed: the schema's complaints about them would repeat `issues`. */
	failed?: ReadonlySet<string>;
	locate: Locate;
}

/**
 * Converts `items` one at a time, as {@link acceptEvents} takes them, so that the converted events of
 * a million rows never wait in memory all at once (holding them made the collector the largest cost
 * of a load).
 */
export function* convertEach<T>(
	items: readonly T[],
	convert: (item: T, index: number) => Candidate
): Generator<Candidate> {
	for (let i = 0; i < items.length; i++) yield convert(items[i] as T, i);
}

/** The events that passed, in file order, and those that did not. */
export interface Accepted {
	events: TimelineEvent[];
	rejected: RejectedEvent[];
	/** Text that was cut to its limit in the events that passed. */
	notices: DataIssue[];
}

const EVENT_FIELDS = new Set(Object.keys(EventSchema.entries));

/** The dataset-wide settings an event's checks depend on. */
export type EventContext = Pick<Dataset, 'timeZone' | 'categories'>;

/**
 * Validates converted events one by one; a later event reusing an id is rejected. `firstWithId`
 * (the ids seen, with where each was first) carries ids over from earlier calls, for a file checked
 * in batches.
 */
export function acceptEvents(
	candidates: Iterable<Candidate>,
	context: EventContext,
	firstWithId: IdsSeen = new SeenIds()
): Accepted {
	const events: TimelineEvent[] = [];
	const rejected: RejectedEvent[] = [];
	const notices: DataIssue[] = [];
	const rules = eventRules(context);
	for (const candidate of candidates) {
		const event = candidate.event;
		if (event && !candidate.issues.length && !candidate.failed?.size) {
			const passed = acceptAsIs(event, rules, firstWithId, candidate.where);
			if (passed) {
				events.push(passed);
				continue;
			}
		}
		const issues = candidate.issues.length ? [...candidate.issues] : [];
		// Most events of a large file are plainly well formed: those skip valibot and the text limits.
		const plain = candidate.event && plainEvent(candidate.event);
		if (plain) {
			const more = eventIssues(plain, rules, (field) => candidate.locate([field]));
			if (more.length) issues.push(...more);
		}
		const valid =
			plain || (candidate.event && checkEvent(candidate, candidate.event, rules, issues));
		const id = candidate.event?.id;
		if (typeof id === 'string' && !candidate.failed?.has('id')) {
			const first = firstWithId.get(id);
			if (first !== undefined) {
				issues.push({
					path: candidate.locate(['id']),
					message: `duplicate id "${id}" (also ${first})`
				});
			} else firstWithId.set(id, candidate.where);
		}
		if (plain && !issues.length) {
			events.push(plain);
			continue;
		}
		const limited = valid && !issues.length ? limitText(valid, candidate.locate) : undefined;
		if (limited && !limited.problems.length) {
			events.push(limited.value);
			notices.push(...limited.notices);
		} else {
			issues.push(...(limited?.problems ?? []));
			rejected.push({
				index: candidate.index,
				where: candidate.where,
				...(candidate.title ? { title: candidate.title } : {}),
				issues
			});
		}
	}
	return { events, rejected, notices };
}

const nowhere = () => '';

/**
 * The event, when it passes every check as it is: plainly well formed ({@link plainEvent}), no rule
 * broken, its id not seen before (it is then noted as found at `where`). Undefined when anything
 * is in doubt, for the full check to decide and word. Most events of a large file pass here,
 * without the candidate, closures and lists the full check builds for each.
 */
export function acceptAsIs(
	event: Record<string, unknown>,
	rules: EventRules,
	firstWithId: IdsSeen,
	where: Place
): TimelineEvent | undefined {
	const plain = plainEvent(event);
	return plain && acceptPlain(plain, rules, firstWithId, where);
}

/**
 * {@link acceptAsIs} for an event already plainly well formed (as {@link plainEvent} gives it back,
 * or an importer builds it field by field with the same checks).
 */
export function acceptPlain(
	plain: TimelineEvent,
	rules: EventRules,
	firstWithId: IdsSeen,
	where: Place
): TimelineEvent | undefined {
	if (firstWithId.has(plain.id)) return undefined;
	if (eventIssues(plain, rules, nowhere).length) return undefined;
	firstWithId.set(plain.id, where);
	return plain;
}

/** Adds the event's schema and semantic issues to `issues`; returns the parsed event when it passes. */
function checkEvent(
	candidate: Candidate,
	event: Record<string, unknown>,
	rules: EventRules,
	issues: DataIssue[]
): TimelineEvent | undefined {
	// valibot's strictObject looks unknown keys up with `in`, so `constructor` or `toString` would slip
	// through unreported; own keys are checked here instead.
	for (const key of Object.keys(event)) {
		if (!EVENT_FIELDS.has(key)) {
			issues.push({
				path: candidate.locate([key]),
				message: 'is not a field Eventline knows (check its spelling)'
			});
		}
	}
	const result = v.safeParse(EventSchema, event);
	if (!result.success) {
		for (const issue of result.issues) {
			const keys = issueKeys(issue);
			const [first] = keys;
			if (first !== undefined && candidate.failed?.has(String(first))) continue;
			if (issue.type === 'strict_object' && issue.expected === 'never' && keys.length === 1)
				continue;
			issues.push({ path: candidate.locate(keys), message: schemaMessage(issue) });
		}
		return undefined;
	}
	issues.push(...eventIssues(result.output, rules, (field) => candidate.locate([field])));
	return result.output;
}
