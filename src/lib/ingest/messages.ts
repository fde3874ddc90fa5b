/**
 * Wording shared by the importers: short previews of values from the file and schema issues in the
 * same words `validateDataset` uses.
 */
import type * as v from 'valibot';

const PREVIEW_LENGTH = 60;

/**
 * A value as a message shows it: text quoted and cut short, other values named by their kind. Never
 * serialises nested input, so neither a huge nor a deeply nested value can blow up a message.
 */
export function preview(value: unknown): string {
	if (typeof value === 'string') {
		const short = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH)}…` : value;
		return JSON.stringify(short);
	}
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return typeof value;
}

/** A valibot issue in Eventline's words: "is required", "expected string, got 42", or its own message. */
export function schemaMessage(issue: v.BaseIssue<unknown>): string {
	if (issue.kind !== 'schema') return issue.message;
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return 'is not a field Eventline knows (check its spelling)';
	}
	if (issue.input === undefined) return 'is required';
	return `expected ${issue.expected ?? 'something else'}, got ${preview(issue.input)}`;
}

/** The keys of a valibot issue's path: `['sources', 0, 'url']`. */
export function issueKeys(issue: v.BaseIssue<unknown>): (string | number)[] {
	return (issue.path ?? []).map((item) => {
		const key: unknown = item.key;
		return typeof key === 'number' ? key : String(key);
	});
}
