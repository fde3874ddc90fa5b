/**
 * CSV read as it arrives: text is cut after the last line break that is not inside quotes, so every
 * piece handed to d3-dsv holds whole records (a quoted value may span lines and chunks), and rows
 * are numbered and kept exactly as {@link readCsv} numbers them for the whole text.
 */
import { dsvFormat } from 'd3-dsv';
import { detectDelimiter, type CsvRow, type CsvTable } from './csv';

const isBlankRow = (cells: readonly string[]) => cells.every((cell) => !cell.trim());

/** Builds a {@link CsvTable} from CSV text pushed in pieces of any size. */
export class CsvTableStream {
	#pending: string[] = [];
	#inQuotes = false;
	#records = 0;
	#header: string[] | undefined;
	#headerRow = 0;
	#rows: CsvRow[] = [];
	#sawNul = false;
	#parseRows: ((text: string) => string[][]) | undefined;

	/** True once the text has held a NUL character, which marks a binary file, not CSV. */
	get binary() {
		return this.#sawNul;
	}

	/** The next piece of text. */
	push(text: string) {
		if (!this.#sawNul && text.includes('\u0000')) this.#sawNul = true;
		const end = this.#lastRecordEnd(text);
		if (end === -1) {
			this.#pending.push(text);
			return;
		}
		const complete = this.#pending.join('') + text.slice(0, end + 1);
		this.#pending = end + 1 < text.length ? [text.slice(end + 1)] : [];
		this.#parse(complete);
	}

	/** The text has ended: the table, or undefined when it has no non-blank row. */
	finish(): CsvTable | undefined {
		const rest = this.#pending.join('');
		this.#pending = [];
		if (rest) this.#parse(rest);
		if (!this.#header) return undefined;
		return { header: this.#header, headerRow: this.#headerRow, rows: this.#rows };
	}

	/**
	 * The offset of the last `\n` in `text` outside quotes, or -1; carries the quote state on. A `""`
	 * inside quotes closes and reopens them, which leaves the state right.
	 */
	#lastRecordEnd(text: string): number {
		let last = -1;
		let at = 0;
		for (;;) {
			const quote = text.indexOf('"', at);
			if (this.#inQuotes) {
				if (quote === -1) return last;
				this.#inQuotes = false;
			} else {
				const bound = quote === -1 ? text.length : quote;
				const newline = text.lastIndexOf('\n', bound - 1);
				if (newline >= at) last = newline;
				if (quote === -1) return last;
				this.#inQuotes = true;
			}
			at = quote + 1;
		}
	}

	#parse(text: string) {
		// The separator (comma, semicolon or tab) is settled by the first piece, which holds the header.
		this.#parseRows ??= dsvFormat(detectDelimiter(text)).parseRows;
		// parseRows, not parse: see readCsv (a column named "__proto__").
		for (const cells of this.#parseRows(text)) {
			const row = ++this.#records;
			if (isBlankRow(cells)) continue;
			if (!this.#header) {
				this.#header = cells.map((name) => name.trim());
				this.#headerRow = row;
			} else this.#rows.push({ row, cells });
		}
	}
}
