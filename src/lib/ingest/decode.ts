/**
 * Bytes to text, the same way everywhere (the page's worker, the page without one, the CLI): UTF-8
 * with or without a byte order mark, and UTF-16 in both byte orders, with or without one. Text
 * arrives in chunks and is decoded as it comes, so a download never waits for the whole file first.
 */
import type { DataIssue } from './validate';

/** The encodings a data file is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Bytes needed to tell the encoding of a file without a byte order mark. */
export const HEAD_BYTES = 4;

/**
 * The encoding of a file from its first bytes: its byte order mark, or else the NUL bytes that
 * UTF-16 puts beside every ASCII character (JSON and CSV start with one: `{`, `[`, a column name).
 */
export function detectEncoding(head: Uint8Array): TextEncodingName {
	const [b0, b1, b2] = head;
	if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return 'utf-8';
	if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
	if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
	if (head.length < 2) return 'utf-8';
	// Two characters when there are four bytes, so that a one-byte binary header is not taken for text.
	const pairs = head.length >= HEAD_BYTES ? 2 : 1;
	let le = true;
	let be = true;
	for (let i = 0; i < pairs * 2; i += 2) {
		const [a, b] = [head[i], head[i + 1]];
		le &&= a !== 0 && b === 0;
		be &&= a === 0 && b !== 0;
	}
	return le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8';
}

const ENCODING_NAMES: Record<TextEncodingName, string> = {
	'utf-8': 'UTF-8',
	'utf-16le': 'UTF-16',
	'utf-16be': 'UTF-16'
};

/** Decodes a file that arrives in chunks; the encoding is settled by its first bytes. */
export class TextAssembler {
	#head: Uint8Array[] = [];
	#headBytes = 0;
	#decoder: TextDecoder | undefined;
	#encoding: TextEncodingName = 'utf-8';
	#parts: string[] = [];
	#chars = 0;

	/** Characters decoded so far. */
	get length() {
		return this.#chars;
	}

	/** Adds the next chunk of the file. */
	push(bytes: Uint8Array) {
		if (this.#decoder) return this.#decode(bytes);
		this.#head.push(bytes);
		this.#headBytes += bytes.length;
		if (this.#headBytes >= HEAD_BYTES) this.#start();
	}

	/** The whole text (byte order mark removed), and a notice for every character that could not be read. */
	finish(): { text: string; encoding: TextEncodingName; notices: DataIssue[] } {
		if (!this.#decoder) this.#start();
		this.#keep(this.#decoder?.decode() ?? '');
		const text = this.#parts.length === 1 ? (this.#parts[0] ?? '') : this.#parts.join('');
		this.#parts = [];
		return { text, encoding: this.#encoding, notices: unreadable(text, this.#encoding) };
	}

	#start() {
		const head = concat(this.#head, this.#headBytes);
		this.#head = [];
		this.#encoding = detectEncoding(head);
		// Not fatal: a stray byte should not cost the whole file; it shows as U+FFFD and is reported.
		this.#decoder = new TextDecoder(this.#encoding);
		this.#decode(head);
	}

	#decode(bytes: Uint8Array) {
		this.#keep(this.#decoder?.decode(bytes, { stream: true }) ?? '');
	}

	#keep(text: string) {
		if (!text) return;
		this.#parts.push(text);
		this.#chars += text.length;
	}
}

/** Decodes a whole file at once (the CLI, tests). */
export function decodeBytes(bytes: Uint8Array): ReturnType<TextAssembler['finish']> {
	const assembler = new TextAssembler();
	assembler.push(bytes);
	return assembler.finish();
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
	if (chunks.length === 1 && chunks[0]) return chunks[0];
	const bytes = new Uint8Array(length);
	let at = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, at);
		at += chunk.length;
	}
	return bytes;
}

/** A notice when decoding replaced bytes that were not valid text, so none is lost silently. */
function unreadable(text: string, encoding: TextEncodingName): DataIssue[] {
	return unreadableNotices(countUnreadable(text), encoding);
}

/** How many characters of `text` stand for bytes that could not be decoded (U+FFFD). */
export function countUnreadable(text: string): number {
	let count = 0;
	for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) count++;
	return count;
}

/** The notice for `count` characters that could not be decoded; none when there are none. */
export function unreadableNotices(count: number, encoding: TextEncodingName): DataIssue[] {
	if (!count) return [];
	const name = ENCODING_NAMES[encoding];
	return [
		{
			path: '',
			message: `${count.toLocaleString('en')} character${count === 1 ? '' : 's'} could not be read as ${name} and show${count === 1 ? 's' : ''} as “\uFFFD”: save the file as UTF-8 and open it again`
		}
	];
}
