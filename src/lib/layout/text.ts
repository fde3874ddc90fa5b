/**
 * Text measurement without a DOM, so layout runs the same during prerender, in tests and in the
 * browser. Widths are per-character estimates for common sans-serif faces, rounded up: a label may get
 * a little more room than it needs, never less, so estimated boxes that do not overlap really don't.
 */

const NARROW = new Set("iljI.,:;'|!`frt()[] ");
const WIDE = new Set('mwMWOQ@%&—');

/** Estimated width in pixels of `text` set at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
	let em = 0;
	for (const char of text) {
		if (NARROW.has(char)) em += 0.32;
		else if (WIDE.has(char)) em += 0.92;
		else if (char >= 'A' && char <= 'Z') em += 0.7;
		else if (char >= '0' && char <= '9') em += 0.58;
		else if (char.charCodeAt(0) > 0x2e80) em += 1;
		else em += 0.56;
	}
	return Math.ceil(em * fontSize * 1.04);
}

/**
 * The longest prefix of `text` that fits `maxWidth` with an ellipsis, or `text` itself when it fits.
 * Returns an empty string when not even one character and the ellipsis fit.
 */
export function fitText(text: string, fontSize: number, maxWidth: number): string {
	if (estimateTextWidth(text, fontSize) <= maxWidth) return text;
	const chars = [...text];
	let low = 0;
	let high = chars.length;
	while (low < high) {
		const mid = Math.ceil((low + high) / 2);
		const candidate = chars.slice(0, mid).join('').trimEnd() + '…';
		if (estimateTextWidth(candidate, fontSize) <= maxWidth) low = mid;
		else high = mid - 1;
	}
	return low === 0 ? '' : chars.slice(0, low).join('').trimEnd() + '…';
}
