/**
 * Generous limits on the text of validated events and datasets. A 30 MB title is no title: laying it
 * out froze the tab for seconds. Text over its limit is cut, with a notice; an id or a link over its
 * limit is a problem instead, since a cut id could merge two events and a cut link leads elsewhere.
 */
import { DEFAULT_TEXT_LIMIT, MAX_ID_LENGTH, MAX_URL_LENGTH, TEXT_LIMITS } from './limits';
import { isRecord } from './values';
import type { DataIssue } from './validate';

/** Fields that are never prose: dates, zones and choices from a list, which the schema keeps short. */
const NOT_PROSE = new Set([
	'start',
	'end',
	'published',
	'timeZone',
	'precision',
	'partOfDay',
	'certainty',
	'kind',
	'$schema'
]);
/** Fields that name an event or a category, and are matched, not read. */
const IDS = new Set(['id', 'category']);

/** What limiting a value came to: the value (a copy only if something was cut), notices and problems. */
export interface LimitedText<T> {
	value: T;
	/** Text that was cut, where it is in the file. */
	notices: DataIssue[];
	/** Ids and links too long to keep: the value cannot be used as it is. */
	problems: DataIssue[];
}

const count = (n: number) => n.toLocaleString('en');

/**
 * Where a value sits, as a chain from its parent: the key list is built only for a value that is
 * reported, since allocating one for every field of 100,000 events was a good part of a load.
 */
interface KeyPath {
	parent: KeyPath | undefined;
	key: string | number;
}

function keysOf(path: KeyPath | undefined): (string | number)[] {
	const keys: (string | number)[] = [];
	for (let at = path; at; at = at.parent) keys.push(at.key);
	return keys.reverse();
}

/**
 * Applies the text limits to `value`, a validated event or dataset. `locate` turns a path of keys
 * into a place in the original file (`events[3].title`, `row 14 (title)`).
 */
export function limitText<T>(
	value: T,
	locate: (keys: readonly (string | number)[]) => string
): LimitedText<T> {
	const notices: DataIssue[] = [];
	const problems: DataIssue[] = [];

	function limit(item: unknown, path: KeyPath | undefined, name: string): unknown {
		if (typeof item === 'string') {
			if (NOT_PROSE.has(name)) return item;
			if (IDS.has(name) || name === 'url') {
				const most = name === 'url' ? MAX_URL_LENGTH : MAX_ID_LENGTH;
				if (item.length > most) {
					problems.push({
						path: locate(keysOf(path)),
						message: `is ${count(item.length)} characters long; ${name === 'url' ? 'a link' : 'an id'} may have at most ${count(most)}`
					});
				}
				return item;
			}
			const most = TEXT_LIMITS[name] ?? DEFAULT_TEXT_LIMIT;
			if (item.length <= most) return item;
			notices.push({
				path: locate(keysOf(path)),
				message: `is ${count(item.length)} characters long; Eventline keeps the first ${count(most)}`
			});
			// Never end on half of a surrogate pair.
			const end = /[\uD800-\uDBFF]/.test(item.charAt(most - 1)) ? most - 1 : most;
			return `${item.slice(0, end)}…`;
		}
		if (Array.isArray(item)) {
			let copy: unknown[] | undefined;
			item.forEach((entry: unknown, i) => {
				const next = limit(entry, { parent: path, key: i }, name);
				if (next !== entry) (copy ??= [...item])[i] = next;
			});
			return copy ?? item;
		}
		if (isRecord(item)) {
			let copy: Record<string, unknown> | undefined;
			for (const key in item) {
				if (!Object.hasOwn(item, key)) continue;
				const entry = item[key];
				const next = limit(entry, { parent: path, key }, key);
				if (next !== entry) (copy ??= { ...item })[key] = next;
			}
			return copy ?? item;
		}
		return item;
	}

	return { value: limit(value, undefined, '') as T, notices, problems };
}
