/**
 * Safe XML text: escapes markup characters and drops characters XML 1.0 forbids, so any string from a
 * data file becomes inert character data in an exported file.
 */

// Control characters other than tab, newline and carriage return, lone surrogates, and U+FFFE/FFFF
// are not allowed anywhere in an XML 1.0 document.
const FORBIDDEN =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as XML character data or attribute value. */
export function escapeXml(text: string): string {
	return text
		.replace(FORBIDDEN, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A number rounded for SVG output: two decimals, no trailing zeros, never NaN. */
export function num(value: number): string {
	if (!Number.isFinite(value)) return '0';
	return String(Math.round(value * 100) / 100);
}

/** An element with attributes (values escaped) and optional already-safe children. */
export function element(
	name: string,
	attributes: Record<string, string | number | undefined>,
	children = ''
): string {
	const attrs = Object.entries(attributes)
		.filter(([, value]) => value !== undefined)
		.map(
			([key, value]) =>
				` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value as string)}"`
		)
		.join('');
	return children === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}
