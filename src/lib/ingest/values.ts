/**
 * Reading values out of parsed files safely: own properties only, blanks recognised, links checked.
 */
import { safeHref } from '$lib/model/links';

/** True for a JSON object (not null, not a list). */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property of a value from a file; inherited names such as `constructor` read as missing. */
export function field(value: unknown, key: string): unknown {
	return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** True when a value is absent: missing, null, or blank text (TimelineJS exports write ""). */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && !value.trim());
}

/** A value as text, or undefined when it is not text (finite numbers are written out). */
export function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** True for an absolute http(s) URL, written out with its `//`, as the schema accepts. */
export function isHttpUrl(text: string): boolean {
	return /^https?:\/\//i.test(text) && safeHref(text) !== undefined;
}
