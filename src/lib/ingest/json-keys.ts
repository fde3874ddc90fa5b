/**
 * Duplicate keys in JSON text. `JSON.parse` keeps the last value of a repeated key and drops the
 * others without a word: a file with two `events` lists loses the first. This finds every repeat and
 * where it is, in one pass over text that has already parsed.
 */
import { formatPath, type DataIssue } from './validate';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** An object or list being read, and where in it the reader is. */
interface Frame {
	/** The object's keys so far; undefined for a list. */
	keys?: Set<string>;
	/** The key or index of the value being read. */
	at: string | number;
}

/** The end (index after the closing quote) of the string that starts at `start`. */
function stringEnd(source: string, start: number): number {
	let end = source.indexOf('"', start + 1);
	// A quote preceded by an odd number of backslashes is escaped.
	for (;;) {
		let slashes = 0;
		while (source.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
		if (slashes % 2 === 0) return end + 1;
		end = source.indexOf('"', end + 1);
	}
}

/**
 * Every key that appears twice in one object of `source` (valid JSON), with its JSON path, at most
 * `limit` of them. Keys are compared as JSON reads them, so `"a"` and `"\u0061"` are the same key.
 */
export function duplicateKeys(source: string, limit = 20): DataIssue[] {
	const issues: DataIssue[] = [];
	const stack: Frame[] = [];
	const path = (key: string) => formatPath([...stack.slice(0, -1).map((frame) => frame.at), key]);
	let expectKey = false;
	for (let i = 0; i < source.length; i++) {
		const code = source.charCodeAt(i);
		if (code === QUOTE) {
			const end = stringEnd(source, i);
			const top = stack[stack.length - 1];
			if (expectKey && top?.keys) {
				const raw = source.slice(i + 1, end - 1);
				const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
				if (top.keys.has(key)) {
					issues.push({
						path: path(key),
						message:
							'appears twice in the same object: JSON keeps only the last value, so the first would be lost (merge them or rename one)'
					});
					if (issues.length >= limit) return issues;
				} else top.keys.add(key);
				top.at = key;
			}
			i = end - 1;
		} else if (code === OPEN_OBJECT || code === OPEN_LIST) {
			stack.push({ keys: code === OPEN_OBJECT ? new Set() : undefined, at: 0 });
			expectKey = code === OPEN_OBJECT;
		} else if (code === CLOSE_OBJECT || code === CLOSE_LIST) {
			stack.pop();
			expectKey = false;
		} else if (code === COMMA) {
			const top = stack[stack.length - 1];
			if (top && !top.keys && typeof top.at === 'number') top.at++;
			expectKey = top?.keys !== undefined;
		} else if (code === COLON) expectKey = false;
	}
	return issues;
}
