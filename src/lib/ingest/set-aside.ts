/**
 * The events a load set aside, given back in the file's own format: the original JSON objects in a
 * JSON file with the same top-level fields, or the original CSV rows under the same header, so they
 * can be fixed and opened again.
 */
import { csvFormatRows } from 'd3-dsv';
import type { ImportOutcome } from './outcome';

/** A file ready to save. */
export interface SetAsideFile {
	name: string;
	/** MIME type. */
	type: string;
	text: string;
}

/** `events.json` → `events-set-aside.json`. */
function setAsideName(fileName: string, extension: 'json' | 'csv'): string {
	const base = (fileName.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '') || 'data';
	return `${base}-set-aside.${extension}`;
}

/** The set-aside events of `outcome` as a file named after `fileName`; undefined when there are none. */
export function setAsideFile(outcome: ImportOutcome, fileName: string): SetAsideFile | undefined {
	const { frame, rejected } = outcome;
	if (!frame || !rejected.length) return undefined;
	if (frame.kind === 'csv') {
		const rows = rejected.map((r) => (Array.isArray(r.raw) ? r.raw.map(String) : []));
		return {
			name: setAsideName(fileName, 'csv'),
			type: 'text/csv',
			text: csvFormatRows([frame.header, ...rows]) + '\n'
		};
	}
	if (frame.kind === 'json-custom') {
		return {
			name: setAsideName(fileName, 'json'),
			type: 'application/json',
			text: JSON.stringify(frame.write(rejected.map((r) => r.raw ?? null)), null, 2) + '\n'
		};
	}
	const events = rejected.filter((r) => !r.where.startsWith('eras[')).map((r) => r.raw ?? null);
	const eras = rejected.filter((r) => r.where.startsWith('eras[')).map((r) => r.raw ?? null);
	const file = { ...frame.fields, events, ...(eras.length ? { eras } : {}) };
	return {
		name: setAsideName(fileName, 'json'),
		type: 'application/json',
		text: JSON.stringify(file, null, 2) + '\n'
	};
}
