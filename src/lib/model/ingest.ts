/**
 * From the text of a data file to a prepared timeline or a report of what is wrong: the work the
 * loader does off the main thread. Pure, so the worker and the tests run the same code.
 */
import { prepareTimeline, type PreparedTimeline } from './timeline';
import { validateDatasetText, type DataIssue } from './validate';

/** Largest data file Eventline accepts (characters): beyond it a tab would freeze or run out of memory. */
export const MAX_FILE_CHARS = 100 * 1024 * 1024;

/** What loading a file came to. */
export type IngestResult =
	{ ok: true; timeline: PreparedTimeline } | { ok: false; issues: DataIssue[] };

/** Parses, validates and prepares the text of a data file. */
export function ingest(text: string): IngestResult {
	if (text.length > MAX_FILE_CHARS) {
		return {
			ok: false,
			issues: [
				{
					path: '',
					message: `The file is ${(text.length / 1024 / 1024).toFixed(0)} MB; Eventline reads files up to ${MAX_FILE_CHARS / 1024 / 1024} MB`
				}
			]
		};
	}
	const result = validateDatasetText(text.replace(/^\uFEFF/, ''));
	return result.ok ? { ok: true, timeline: prepareTimeline(result.dataset) } : result;
}
