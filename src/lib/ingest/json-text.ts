/**
 * JSON parsing with the place of the first error. `parseJsonText` reads the position from the engine's
 * message; V8 leaves it out of "Unexpected token" errors, so for those the place is searched for.
 */
import { lineColumn, parseJsonText, type DataIssue } from './validate';

const UNEXPECTED_TOKEN = /^Unexpected token/;

function parseError(source: string): string | undefined {
	try {
		JSON.parse(source);
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/**
 * Offset of the character an "Unexpected token" error is about: the shortest prefix that fails the
 * same way ends with it. A shorter prefix only ever runs out of input, so the search can halve.
 */
function unexpectedTokenOffset(source: string): number {
	let low = 1;
	let high = source.length;
	while (low < high) {
		const mid = Math.floor((low + high) / 2);
		if (UNEXPECTED_TOKEN.test(parseError(source.slice(0, mid)) ?? '')) high = mid;
		else low = mid + 1;
	}
	return high - 1;
}

/** Parses JSON text, or returns an issue saying at which line and column it stops being JSON. */
export function parseJson(
	source: string
): { ok: true; value: unknown } | { ok: false; issue: DataIssue } {
	const parsed = parseJsonText(source);
	if (parsed.ok || / at line \d+/.test(parsed.issue.message)) return parsed;
	const message = parseError(source) ?? '';
	if (!UNEXPECTED_TOKEN.test(message)) return parsed;
	const offset = unexpectedTokenOffset(source);
	const { line, column } = lineColumn(source, offset);
	// The engine's message quotes a stretch of the file; the line and column say more, and briefly.
	const token = String.fromCodePoint(source.codePointAt(offset) ?? 0xfffd);
	return {
		ok: false,
		issue: {
			path: '',
			message: `Not valid JSON at line ${line}, column ${column}: Unexpected token '${token}'`
		}
	};
}
