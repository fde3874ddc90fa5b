/**
 * What an import comes to: the types the importers share and `importData` returns.
 */
import type { Dataset } from '$lib/model/schema';
import type { DataIssue } from './validate';
import type { MappingRequest } from './column-map';

/** The kinds of file Eventline can import. */
export type DataFormat =
	| 'eventline'
	| 'timelinejs'
	| 'csv-timelinejs'
	| 'csv-eventline'
	| 'timelinejs2'
	| 'csv-timelinejs-v1'
	| 'vis-timeline'
	| 'csv-mapped'
	| 'json-mapped'
	| 'ndjson'
	| 'acled'
	| 'parquet';

/** An event that failed validation, with everything wrong with it. */
export interface RejectedEvent {
	/** 0-based index of the event in the file (for CSV: data row index, header excluded). */
	index: number;
	/** How a person finds it in the file: "row 14" (1-based, counting the header as row 1) or "events[3]". */
	where: string;
	/** The event's title if it has one, for display. */
	title?: string;
	issues: DataIssue[];
	/** The event as the file gives it (the JSON value, or the CSV row's cells), to give it back. */
	raw?: unknown;
}

/** What a file holds besides its events, to write set-aside events back in the file's own shape. */
export type SourceFrame =
	/** A JSON file's top-level fields other than its lists of events. */
	| { kind: 'json'; fields: Record<string, unknown> }
	/** A CSV file's header row. */
	| { kind: 'csv'; header: string[] }
	/** A JSON file of another shape: writes the file around the given set-aside values. */
	| { kind: 'json-custom'; write: (rejected: unknown[]) => unknown };

/** The result of importing a file. */
export interface ImportOutcome {
	format: DataFormat | undefined;
	/** Every valid event, as a validated Eventline dataset (undefined when `fatal` is non-empty). */
	dataset?: Dataset;
	/** Problems that make the whole file unusable: not JSON (with line and column), not CSV, unknown format, no events, invalid top-level fields. */
	fatal: DataIssue[];
	/** Events that failed validation, each with all its problems; never dropped silently. */
	rejected: RejectedEvent[];
	/** What was changed to load the file, such as text cut to its limit; never done silently. */
	notices: DataIssue[];
	/** Number of events (or data rows) in the file. */
	total: number;
	/** The file around its events, when some were rejected. */
	frame?: SourceFrame;
	/** For a CSV file whose columns have other names: what to ask the reader to map. */
	mapping?: MappingRequest;
}

/** An outcome for a file that cannot be used at all. */
export function fatalOutcome(
	format: DataFormat | undefined,
	fatal: DataIssue[],
	total = 0
): ImportOutcome {
	return { format, fatal, rejected: [], notices: [], total };
}

/** The issue that a file without any event gets. */
export const NO_EVENTS: DataIssue = { path: '', message: 'The file has no events' };
