/**
 * From raw data to a prepared timeline, or a clear, located error.
 */
import { prepareTimeline, type PreparedTimeline } from '$lib/model/timeline';
import { describeIssues, validateDataset, type DataIssue } from './validate';

/** A data file that failed validation; its message lists the problems with their JSON paths. */
export class DataFileError extends Error {
	constructor(
		readonly issues: DataIssue[],
		readonly fileName = 'data file'
	) {
		super(`${fileName}: ${describeIssues(issues)}`);
		this.name = 'DataFileError';
	}
}

/** Validates and prepares the bundled dataset; throws a {@link DataFileError} when it is invalid. */
export function loadBundledTimeline(data: unknown): PreparedTimeline {
	const result = validateDataset(data);
	if (!result.ok) throw new DataFileError(result.issues, 'src/lib/data/events.json');
	return prepareTimeline(result.dataset);
}
