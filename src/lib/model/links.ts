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
