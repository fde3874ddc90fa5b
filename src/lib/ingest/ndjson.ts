/**
 * NDJSON (JSON Lines): one Eventline event per line, read line by line as the file arrives, so the
 * file is never one string. Each line is checked as an event of an Eventline JSON file would be, and
 * problems are placed by line number.
 */
import { importEventlineJson } from './eventline-json';
import { LineSplitter } from './lines';
import { fatalOutcome, type ImportOutcome, type RejectedEvent } from './outcome';
import { isRecord } from './values';

/** The parsed lines of an NDJSON file, as they arrive. */
export class NdjsonCollector {
	/** Parsed values, and the line each came from. */
	readonly values: unknown[] = [];
	readonly lines: number[] = [];
	/** Position (among non-blank lines) of each parsed value. */
	readonly positions: number[] = [];
	/** Lines that are not JSON. */
	readonly unreadable: RejectedEvent[] = [];
	#records = 0;

	/** Takes one line (blank lines are skipped, as JSON Lines readers do). */
	add(line: string, number: number) {
		if (!line.trim()) return;
		const position = this.#records++;
		try {
			this.values.push(JSON.parse(line));
			this.lines.push(number);
			this.positions.push(position);
		} catch (error) {
			const detail = error instanceof Error ? error.message : String(error);
			const where = `line ${number}`;
			this.unreadable.push({
				index: position,
				where,
				issues: [{ path: where, message: `is not valid JSON (${detail})` }],
				raw: line
			});
		}
	}

	/** Number of non-blank lines so far. */
	get records() {
		return this.#records;
	}
}

const EVENT_PATH = /^events\[(\d+)\]/;

/** Imports the collected lines as Eventline events. */
export function importNdjson(collected: NdjsonCollector): ImportOutcome {
	const { values, lines, positions, unreadable, records } = collected;
	if (!records) return fatalOutcome('ndjson', [{ path: '', message: 'The file has no events' }]);
	if (!values.length)
		return { ...fatalOutcome('ndjson', []), rejected: unreadable, total: records };
	const outcome = importEventlineJson({ events: values });
	if (outcome.fatal.length) return { ...outcome, format: 'ndjson', total: records };
	const toLine = (text: string) =>
		text.replace(EVENT_PATH, (_, k: string) => `line ${lines[Number(k)] ?? '?'}`);
	const rejected = [
		...outcome.rejected.map((r) => ({
			...r,
			index: positions[r.index] ?? r.index,
			where: toLine(r.where),
			issues: r.issues.map((issue) => ({ ...issue, path: toLine(issue.path) })),
			raw: values[r.index]
		})),
		...unreadable
	].sort((a, b) => a.index - b.index);
	return {
		...outcome,
		format: 'ndjson',
		rejected,
		total: records,
		...(rejected.length ? { frame: { kind: 'json', fields: {} } } : {})
	};
}

/** Imports NDJSON given as one text (the command-line validator, a file without its extension). */
export function importNdjsonText(text: string): ImportOutcome {
	const collected = new NdjsonCollector();
	const splitter = new LineSplitter((line, number) => collected.add(line, number));
	splitter.push(text);
	splitter.finish();
	return importNdjson(collected);
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
