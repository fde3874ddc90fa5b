/**
 * Text that arrives in pieces, split into lines as they complete: `\n` ends a line and a `\r` before
 * it is dropped, wherever the chunks were cut (between the `\r` and the `\n` too).
 */

/** Hands each complete line, with its 1-based number, to `onLine`. */
export class LineSplitter {
	#rest: string[] = [];
	#number = 0;
	#onLine: (line: string, number: number) => void;

	constructor(onLine: (line: string, number: number) => void) {
		this.#onLine = onLine;
	}

	/** The next piece of text. */
	push(text: string) {
		let start = 0;
		for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
			const piece = text.slice(start, end);
			// A long line can come in many pieces: they are joined once, when it ends.
			const line = this.#rest.length ? this.#rest.join('') + piece : piece;
			this.#rest = [];
			this.#emit(line);
			start = end + 1;
		}
		if (start < text.length) this.#rest.push(text.slice(start));
	}

	/** The text has ended: its last line, if it has no `\n` after it. */
	finish() {
		if (this.#rest.length) this.#emit(this.#rest.join(''));
		this.#rest = [];
	}

	#emit(line: string) {
		this.#onLine(line.endsWith('\r') ? line.slice(0, -1) : line, ++this.#number);
	}
}
