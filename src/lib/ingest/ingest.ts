/**
 * From the text of a data file (any supported format) to a prepared timeline, the events that were
 * rejected and why, or the reason nothing could be read. Pure, so the worker and tests share it.
 */
import { importData } from './import';
import type { DataFormat, RejectedEvent } from './outcome';
import { prepareTimeline, type PreparedTimeline } from '$lib/model/timeline';
import type { DataIssue } from './validate';

import { MAX_FILE_CHARS } from './limits';
import { packTimeline, type PackedTimeline } from './pack';

/** What reading a file came to. */
export interface IngestResult {
	format: DataFormat | undefined;
	/** The valid events, ready to draw (absent when nothing in the file is usable). */
	timeline?: PreparedTimeline;
	/** Problems with the file as a whole. */
	fatal: DataIssue[];
	/** Events left out, each with its problems. */
	rejected: RejectedEvent[];
	total: number;
}

/** Parses, validates and prepares the text of a data file named `fileName`. */
export function ingest(text: string, fileName?: string): IngestResult {
	if (text.length > MAX_FILE_CHARS) {
		const size = (text.length / 1024 / 1024).toFixed(0);
		return {
			format: undefined,
			fatal: [
				{
					path: '',
					message: `The file is ${size} MB; Eventline reads files up to ${MAX_FILE_CHARS / 1024 / 1024} MB`
				}
			],
			rejected: [],
			total: 0
		};
	}
	const outcome = importData(text, fileName);
	const usable = outcome.dataset && outcome.dataset.events.length > 0;
	return {
		format: outcome.format,
		timeline: usable && outcome.dataset ? prepareTimeline(outcome.dataset) : undefined,
		fatal: outcome.fatal,
		rejected: outcome.rejected,
		total: outcome.total
	};
}

/** {@link IngestResult} as the worker posts it: timelines packed (see {@link packTimeline}). */
export type IngestMessage = Omit<IngestResult, 'timeline'> & { packed?: PackedTimeline };

/** Packs a result for `postMessage`. */
export function toMessage({ timeline, ...rest }: IngestResult): IngestMessage {
	return timeline ? { ...rest, packed: packTimeline(timeline) } : rest;
}
