/**
 * Links from data files: only absolute http(s) URLs ever become links; anything else (javascript:,
 * data:, relative paths) is shown as plain text.
 */

/** The URL if it is a safe absolute http(s) link, otherwise undefined. */
export function safeHref(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		const parsed = new URL(url);
		return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
	} catch {
		return undefined;
	}
}

/** `text` as an absolute http(s) URL (relative to `base`), or why it cannot be loaded. */
export function httpUrl(text: string, base: string): URL | string {
	try {
		const url = new URL(text, base);
		if (url.protocol === 'https:' || url.protocol === 'http:') return url;
		return `Only http(s) addresses can be loaded, not “${url.protocol}”`;
	} catch {
		return `“${text}” is not a web address`;
	}
}
