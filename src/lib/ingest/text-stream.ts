/**
 * Bytes to text as they arrive, without ever holding the whole text: the encoding is settled by the
 * first bytes (as {@link TextAssembler} settles it), then each chunk is decoded in stream mode, so a
 * character split between two chunks comes out whole.
 */
import {
	countUnreadable,
	detectEncoding,
	HEAD_BYTES,
	unreadableNotices,
	type TextEncodingName
} from './decode';
import type { DataIssue } from './validate';

/** Decodes a file chunk by chunk, handing each piece of text to `onText`. */
export class TextStream {
	#head: Uint8Array[] = [];
	#headBytes = 0;
	#decoder: TextDecoder | undefined;
	#encoding: TextEncodingName = 'utf-8';
	#unreadable = 0;
	#onText: (text: string) => void;

	constructor(onText: (text: string) => void) {
		this.#onText = onText;
	}

	/** Adds the next chunk of the file. */
	push(bytes: Uint8Array) {
		if (this.#decoder) return this.#decode(bytes);
		this.#head.push(bytes);
		this.#headBytes += bytes.length;
		if (this.#headBytes >= HEAD_BYTES) this.#start();
	}

	/** The file has ended: the last text is handed on; returns a notice for unreadable characters. */
	finish(): DataIssue[] {
		if (!this.#decoder) this.#start();
		this.#emit(this.#decoder?.decode() ?? '');
		return unreadableNotices(this.#unreadable, this.#encoding);
	}

	#start() {
		const head = new Uint8Array(this.#headBytes);
		let at = 0;
		for (const chunk of this.#head) {
			head.set(chunk, at);
			at += chunk.length;
		}
		this.#head = [];
		this.#encoding = detectEncoding(head);
		// TextDecoder drops the byte order mark, as the whole-text path does.
		this.#decoder = new TextDecoder(this.#encoding);
		this.#decode(head);
	}

	#decode(bytes: Uint8Array) {
		this.#emit(this.#decoder?.decode(bytes, { stream: true }) ?? '');
	}

	#emit(text: string) {
		if (!text) return;
		this.#unreadable += countUnreadable(text);
		this.#onText(text);
	}
}
