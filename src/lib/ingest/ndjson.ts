/**
 * NDJSON (JSON Lines): one Eventline event per line, read line by line as the file arrives, so the
 * file is never one string. Lines are parsed as they complete and checked a batch at a time, while
 * the rest of the file is still downloading; each event is checked as an event of an Eventline JSON
 * file would be, and problems are placed by line number.
 */
import type { TimelineEvent } from '$lib/model/schema';
import { acceptEvents, acceptPlain, convertEach, type Candidate } from './accept';
import { plainEvent } from './plain-event';
import { eventCandidate } from './eventline-json';
import { LineSplitter } from './lines';
import { SeenIds } from './seen-ids';
import { fatalOutcome, type ImportOutcome, type RejectedEvent } from './outcome';
import { eventRules, type DataIssue } from './validate';
import { isRecord } from './values';

/** Lines checked at once: small enough to keep the worker answering, large enough to be cheap. */
const BATCH = 2_000;
/** An NDJSON file has no dataset around its events: no categories to keep to, UTC by default. */
const RULES = eventRules({});

/** A parsed line waiting to be checked. */
interface Parsed {
	value: unknown;
	line: number;
	/** Its position among the file's non-blank lines. */
	position: number;
}

/** The lines of an NDJSON file, parsed and checked as they arrive. */
export class NdjsonReader {
	#records = 0;
	#batch: Parsed[] = [];
	#events: TimelineEvent[] = [];
	#rejected: RejectedEvent[] = [];
	#notices: DataIssue[] = [];
	#firstWithId = new SeenIds((line) => `line ${line}`);
	#onEvents?: (events: TimelineEvent[]) => void;

	/**
	 * `onEvents`, when given, takes the accepted events as each batch of lines is checked, and they
	 * are not kept: the outcome's dataset then lists none.
	 */
	constructor(onEvents?: (events: TimelineEvent[]) => void) {
		this.#onEvents = onEvents;
	}

	/** Takes one line (blank lines are skipped, as JSON Lines readers do). */
	add(line: string, number: number) {
		if (!line.trim()) return;
		const position = this.#records++;
		try {
			this.#batch.push({ value: JSON.parse(line), line: number, position });
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			const where = `line ${number}`;
			this.#rejected.push({
				index: position,
				where,
				issues: [{ path: where, message: `is not valid JSON (${detail})` }],
				raw: line
			});
		}
		if (this.#batch.length >= BATCH) this.#check();
	}

	/** The file has ended: what it came to. */
	finish(): ImportOutcome {
		this.#check();
		const total = this.#records;
		if (!total) return fatalOutcome('ndjson', [{ path: '', message: 'The file has no events' }]);
		const rejected = this.#rejected.sort((a, b) => a.index - b.index);
		return {
			format: 'ndjson',
			dataset: { events: this.#events },
			fatal: [],
			rejected,
			notices: this.#notices,
			total,
			...(rejected.length ? { frame: { kind: 'json', fields: {} } } : {})
		};
	}

	#check() {
		const batch = this.#batch;
		if (!batch.length) return;
		this.#batch = [];
		// Lines that pass as they are go straight in; the others are checked in full, in runs, so
		// the events stay in the file's order. A run in doubt is checked before the next line's id
		// is taken, so the first line with an id keeps it even when that line was in doubt.
		const streamed = this.#onEvents ? [] : undefined;
		const accepted = streamed ?? this.#events;
		const doubtful: Parsed[] = [];
		for (const parsed of batch) {
			const { value } = parsed;
			// Streamed events go to the packer only, in the one shape it reads quickly.
			const plain = isRecord(value) ? plainEvent(value, { streamed: !!streamed }) : undefined;
			if (plain && doubtful.length) this.#checkInFull(doubtful.splice(0), accepted);
			const event = plain && acceptPlain(plain, RULES, this.#firstWithId, parsed.line);
			if (!event) {
				doubtful.push(parsed);
				continue;
			}
			accepted.push(event);
		}
		this.#checkInFull(doubtful, accepted);
		if (streamed?.length) this.#onEvents?.(streamed);
	}

	#checkInFull(batch: Parsed[], accepted: TimelineEvent[]) {
		if (!batch.length) return;
		const { events, rejected, notices } = acceptEvents(
			convertEach(batch, byLine),
			{},
			this.#firstWithId
		);
		for (const event of events) accepted.push(event);
		// The lines as the file gave them, looked up only when some were set aside.
		const raw = rejected.length ? new Map(batch.map((p) => [p.position, p.value])) : undefined;
		for (const r of rejected) this.#rejected.push({ ...r, raw: raw?.get(r.index) });
		for (const notice of notices) this.#notices.push(notice);
	}
}

/** An event's candidate, with its places in the file named by line rather than list position. */
function byLine({ value, line, position }: Parsed): Candidate {
	const candidate = eventCandidate(value, position);
	// Places are rewritten only when a problem is reported: most lines have none.
	const toLine = (path: string) => {
		const prefix = `events[${position}]`;
		return path.startsWith(prefix) ? `line ${line}${path.slice(prefix.length)}` : path;
	};
	return {
		...candidate,
		where: `line ${line}`,
		issues: candidate.issues.length
			? candidate.issues.map((issue) => ({ ...issue, path: toLine(issue.path) }))
			: candidate.issues,
		locate: (keys) => toLine(candidate.locate(keys))
	};
}

/** Imports NDJSON given as one text (the command-line validator, a file without its extension). */
export function importNdjsonText(text: string): ImportOutcome {
	const reader = new NdjsonReader();
	const splitter = new LineSplitter((line, number) => reader.add(line, number));
	splitter.push(text);
	splitter.finish();
	return reader.finish();
}

/**
 * True when text is NDJSON rather than one JSON document: its first line is a whole JSON object
 * that is not an Eventline or TimelineJS file, and another line follows.
 */
export function looksLikeNdjson(text: string): boolean {
	const source = text.trimStart();
	const end = source.indexOf('\n');
	if (!source.startsWith('{') || end === -1 || !source.slice(end + 1).trim()) return false;
	try {
		const first: unknown = JSON.parse(source.slice(0, end));
		return isRecord(first) && !Object.hasOwn(first, 'events');
	} catch {
		return false;
	}
}
