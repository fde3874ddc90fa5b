/**
 * Text measurement without a DOM, so layout runs the same during prerender, in tests and in the
 * browser. Widths are the figure font's own advance widths per character (Helvetica, and Arial,
 * Liberation Sans and Arimo, which share its metrics), with a small margin for Helvetica Neue's
 * slightly wider letters: a label may get a little more room than it needs, never less, so estimated
 * boxes that do not overlap really don't. docs/decisions.md records why and how close it is.
 */

/** Advance widths of the printable ASCII characters (32 to 126), in thousandths of an em. */
// prettier-ignore
const ASCII_WIDTHS = [
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space to /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 to ?
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ to O
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P to _
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` to o
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 // p to ~
];

/** Widths of common punctuation beyond ASCII, in thousandths of an em. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = {
	'‘': 222,
	'’': 222,
	'“': 333,
	'”': 333,
	'–': 556,
	'—': 1000,
	'…': 1000,
	'•': 350,
	'°': 400,
	'€': 556,
	'\u00a0': 278
};

/** Headroom over the measured metrics: Helvetica Neue and hinting run up to a few percent wider. */
const MARGIN = 1.05;

/** Width of one character in thousandths of an em. */
function charWidth(char: string): number {
	const code = char.charCodeAt(0);
	if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32] ?? 556;
	const known = OTHER_WIDTHS[char];
	if (known !== undefined) return known;
	// Accented Latin letters are as wide as their base letter; an unknown one is taken as wide.
	const base = char.normalize('NFD').charCodeAt(0);
	if (base >= 65 && base <= 122 && base !== code) return ASCII_WIDTHS[base - 32] ?? 556;
	// CJK, kana, hangul and the like are a full em; anything else is taken as a wide letter.
	return code >= 0x2e80 ? 1000 : 722;
}

/** Thousandths of an em as pixels at `fontSize`, rounded up. */
const toPixels = (thousandths: number, fontSize: number) =>
	Math.ceil((thousandths / 1000) * fontSize * MARGIN);

/** Estimated width in pixels of `text` set at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
	let thousandths = 0;
	for (const char of text) thousandths += charWidth(char);
	return toPixels(thousandths, fontSize);
}

const ELLIPSIS = charWidth('…');

/**
 * The longest prefix of `text` that fits `maxWidth` with an ellipsis, or `text` itself when it fits.
 * Returns an empty string when not even one character and the ellipsis fit. One pass over the
 * characters: labels are cut on every frame of a zoom.
 */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
	if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
	const chars = [...text];
	let sum = 0;
	// Width up to the last character that is not a space: spaces before the ellipsis are dropped.
	let trimmed = 0;
	let fits = 0;
	for (const [i, char] of chars.entries()) {
		sum += charWidth(char);
		if (char.trim()) trimmed = sum;
		if (toPixels(trimmed + ELLIPSIS, fontSize) > maxWidth) break;
		fits = i + 1;
	}
	const prefix = chars.slice(0, fits).join('').trimEnd();
	return prefix ? prefix + '…' : '';
}

/** A word longer than `width` cut into pieces that fit (a long address or an unbroken string). */
function breakWord(word: string, fontSize: number, width: number): string[] {
	if (estimateTextWidth(word, fontSize) <= width) return [word];
	const pieces: string[] = [];
	let piece = '';
	for (const char of word) {
		if (piece && estimateTextWidth(piece + char, fontSize) > width) {
			pieces.push(piece);
			piece = '';
		}
		piece += char;
	}
	return piece ? [...pieces, piece] : pieces;
}

/** Text broken into lines, and whether any of it had to be left out to keep within the lines. */
export interface WrappedText {
	lines: string[];
	/** True when the last line was shortened with an ellipsis. */
	truncated: boolean;
}

/**
 * Breaks text into lines no wider than `width`, at most `maxLines` (the last one shortened with an
 * ellipsis when the text needs more); a word wider than a line is broken where it must, so nothing
 * runs past `width`.
 */
export function wrapLines(
	text: string,
	fontSize: number,
	width: number,
	maxLines: number
): WrappedText {
	const lines: string[] = [];
	let line = '';
	const words = text
		.split(/\s+/)
		.filter(Boolean)
		.flatMap((word) => breakWord(word, fontSize, width));
	for (let i = 0; i < words.length; i++) {
		const word = words[i] as string;
		const candidate = line ? `${line} ${word}` : word;
		if (estimateTextWidth(candidate, fontSize) <= width || !line) {
			line = candidate;
			continue;
		}
		if (lines.length === maxLines - 1) {
			lines.push(fitText(`${line} ${words.slice(i).join(' ')}`, fontSize, width));
			return { lines, truncated: true };
		}
		lines.push(line);
		line = word;
	}
	if (line) lines.push(line);
	return { lines, truncated: false };
}

/** {@link wrapLines} without the flag: the lines of a block of running text. */
export function wrapText(
	text: string,
	fontSize: number,
	width: number,
	maxLines: number
): string[] {
	return wrapLines(text, fontSize, width, maxLines).lines;
}
