/**
 * Bytes to text, the same way everywhere (the page's worker, the page without one, the CLI): UTF-8
 * with or without a byte order mark, and UTF-16 in both byte orders, with or without one. Text
 * arrives in chunks and is decoded as it comes, so a download never waits for the whole file first.
 */
import type { DataIssue } from './validate';

/** The encodings a data file is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

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
	'utf-16be': 'UTF-16',
	'windows-1252': 'Windows-1252'
};

/** Decodes a file that arrives in chunks; the encoding is settled by its first bytes. */
export class TextAssembler {
	#head: Uint8Array[] = [];
	#headBytes = 0;
	#decoder: TextDecoder | undefined;
	#encoding: TextEncodingName = 'utf-8';
	#parts: string[] = [];
	#chars = 0;
	/** The bytes of a file without a byte order mark, kept in case it turns out not to be UTF-8. */
	#bytes: Uint8Array[] | undefined;
	#bom = false;

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
		let text = this.#parts.length === 1 ? (this.#parts[0] ?? '') : this.#parts.join('');
		this.#parts = [];
		const bytes = this.#bytes;
		this.#bytes = undefined;
		// Spreadsheets on Windows save CSV as Windows-1252, whose accented letters are not UTF-8. A file
		// with some valid UTF-8 letters besides the broken bytes is UTF-8 with damage, and said so.
		if (bytes && text.includes('\uFFFD') && !/[^\p{ASCII}\uFFFD]/u.test(text) && !isUtf8(bytes)) {
			text = windows1252(concat(bytes, this.#byteCount(bytes)));
			return {
				text,
				encoding: 'windows-1252',
				notices: [
					{
						path: '',
						message:
							'The file is not UTF-8; it was read as Windows-1252 (Western European), as spreadsheets on Windows save it'
					}
				]
			};
		}
		return { text, encoding: this.#encoding, notices: unreadable(text, this.#encoding) };
	}

	#byteCount(chunks: readonly Uint8Array[]) {
		return chunks.reduce((sum, chunk) => sum + chunk.length, 0);
	}

	#start() {
		const head = concat(this.#head, this.#headBytes);
		this.#head = [];
		this.#encoding = detectEncoding(head);
		this.#bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
		if (this.#encoding === 'utf-8' && !this.#bom) this.#bytes = [];
		// Not fatal: a stray byte should not cost the whole file; it shows as U+FFFD and is reported.
		this.#decoder = new TextDecoder(this.#encoding);
		this.#decode(head);
	}

	#decode(bytes: Uint8Array) {
		this.#bytes?.push(bytes);
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

/** Windows-1252's characters for bytes 0x80–0x9F, where it differs from ISO-8859-1. */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Bytes as Windows-1252. Node's TextDecoder reads that label as ISO-8859-1 (0x96 is not "–" there),
 * so the 32 bytes where the two differ are mapped here, for the CLI and the page alike.
 */
function windows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252')
		.decode(bytes)
		.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** True when bytes are valid UTF-8 (the file may hold U+FFFD itself, which is no decoding failure). */
function isUtf8(chunks: readonly Uint8Array[]): boolean {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	try {
		for (const chunk of chunks) decoder.decode(chunk, { stream: true });
		decoder.decode();
		return true;
	} catch {
		return false;
	}
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
