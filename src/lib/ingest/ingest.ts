/**
 * From the text of a data file (any supported format) to a prepared timeline, the events that were
 * set aside and why, what was changed to load it, or the reason nothing could be read. Pure, so the
 * worker and tests share it.
 */
import { importData, type ImportOutcome } from './import';
import type { ImportOptions, MappingRequest } from './column-map';
import type { DataFormat, RejectedEvent } from './outcome';
import { prepareTimeline, type PreparedTimeline } from '$lib/model/timeline';
import type { Dataset } from '$lib/model/schema';
import type { DatasetHeader } from '$lib/model/timeline-times';
import type { DataIssue } from './validate';

import { MAX_FILE_CHARS, tooLargeMessage } from './limits';
import { setAsideFile, type SetAsideFile } from './set-aside';

/** What reading a file came to. */
export interface IngestResult {
	format: DataFormat | undefined;
	/** The valid events, ready to draw (absent when nothing in the file is usable). */
	timeline?: PreparedTimeline;
	/** Problems with the file as a whole. */
	fatal: DataIssue[];
	/** Events set aside, each with its problems. */
	rejected: RejectedEvent[];
	/** What was changed to load the file (text cut, characters that could not be decoded). */
	notices: DataIssue[];
	total: number;
	/** The set-aside events in the file's own format, when there are any and some events loaded. */
	setAside?: SetAsideFile;
	/** For a CSV file whose columns have other names: what to ask the reader to map. */
	mapping?: MappingRequest;
}

/** The steps of reading a file after its bytes are in: parsing and checking, then indexing. */
export type IngestPhase = 'parse' | 'index';

/** Longest message, path or title a result carries to the page; the file may hold far longer text. */
const SHOWN_CHARS = 500;

const short = (text: string) =>
	text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text;
const shortIssue = ({ path, message }: DataIssue): DataIssue => ({
	path: short(path),
	message: short(message)
});

/** What every way into a result takes: notices to add (from decoding, say), and who hears the phases. */
interface IngestHearing {
	notices?: DataIssue[];
	onPhase?: (phase: IngestPhase) => void;
}

/** An {@link IngestResult} for a file that cannot be read at all. */
export function failedIngest(message: string): IngestResult {
	return { format: undefined, fatal: [{ path: '', message }], rejected: [], notices: [], total: 0 };
}

/**
 * Parses, validates and prepares the text of a data file named `fileName`. `notices` are added to
 * the result's (from decoding, say); `onPhase` hears when indexing starts.
 */
export function ingest(
	text: string,
	fileName?: string,
	{
		notices = [],
		onPhase,
		options
	}: IngestHearing & {
		/** How to read the file: a column mapping, the order of day and month. */
		options?: ImportOptions;
	} = {}
): IngestResult {
	if (text.length > MAX_FILE_CHARS) return failedIngest(tooLargeMessage(text.length, 'text'));
	onPhase?.('parse');
	return ingestOutcome(importData(text, fileName, options), fileName, { notices, onPhase });
}

/** What every result of an outcome shares, with the dataset to prepare when it has events. */
function settle(
	outcome: ImportOutcome,
	fileName: string | undefined,
	{
		notices = [],
		onPhase,
		sent
	}: IngestHearing & {
		/** Events already sent on (by the worker), counted instead of the outcome's own. */
		sent?: number;
	}
): Omit<IngestResult, 'timeline'> & { dataset?: Dataset } {
	const usable = outcome.dataset && (sent ?? outcome.dataset.events.length) > 0;
	if (usable) onPhase?.('index');
	return {
		format: outcome.format,
		...(usable ? { dataset: outcome.dataset } : {}),
		fatal: outcome.fatal.map(shortIssue),
		rejected: outcome.rejected.map((r) => ({
			...r,
			where: short(r.where),
			...(r.title ? { title: short(r.title) } : {}),
			issues: r.issues.map(shortIssue)
		})),
		notices: [...notices, ...outcome.notices].map(shortIssue),
		total: outcome.total,
		...(usable ? { setAside: setAsideFile(outcome, fileName ?? 'data') } : {}),
		...(outcome.mapping && !usable ? { mapping: outcome.mapping } : {})
	};
}

/**
 * From what an importer made of a file (whole or as a stream) to its result: indexed, with its
 * problems shortened for the page.
 */
export function ingestOutcome(
	outcome: ImportOutcome,
	fileName?: string,
	options: IngestHearing = {}
): IngestResult {
	const { dataset, ...result } = settle(outcome, fileName, options);
	return { ...result, ...(dataset ? { timeline: prepareTimeline(dataset) } : {}) };
}

/**
 * {@link IngestResult} as the worker posts it, after the events (see ingest/pack.ts): what the page
 * needs to order and index them, the dataset's header and how many were sent; no timeline.
 */
export type IngestMessage = Omit<IngestResult, 'timeline'> & {
	header?: DatasetHeader;
	count?: number;
};

/** A set-aside event without its raw value, which only the worker needs (to write the set-aside file). */
function withoutRaw({ raw, ...rest }: RejectedEvent): RejectedEvent {
	void raw;
	return rest;
}

/**
 * {@link ingestOutcome} as the worker posts it, once it has sent the `sent` events of the outcome
 * to the page: the result with the dataset's header instead of its timeline. The raw values of
 * set-aside events stay behind.
 */
export function ingestMessage(
	outcome: ImportOutcome,
	fileName: string | undefined,
	{ notices, sent }: { notices?: DataIssue[]; sent: number }
): IngestMessage {
	const { dataset, rejected, ...rest } = settle(outcome, fileName, { notices, sent });
	const message = { ...rest, rejected: rejected.map(withoutRaw) };
	if (!dataset) return message;
	const { events, ...header } = dataset;
	void events;
	return { ...message, header, count: sent };
}
