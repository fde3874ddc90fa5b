/**
 * Checks a data file: JSON syntax (with line and column), the schema (with JSON paths) and the rules a
 * schema cannot say (unique ids, end after start, known categories, precision the string supports).
 */
import * as v from 'valibot';
import { eventTime, parseDateParts, partsSupport, requiredFieldsFor } from '$lib/model/dates';
import { DatasetSchema, type Dataset, type TimelineEvent } from '$lib/model/schema';

/** One problem found in a data file, located by a JSON path such as `events[12].start`. */
export interface DataIssue {
	path: string;
	message: string;
}

/** The outcome of checking a data file. */
export type ValidationResult = { ok: true; dataset: Dataset } | { ok: false; issues: DataIssue[] };

/** Formats a path as JavaScript would index it: `events[3].quotes[0].text`. */
export function formatPath(keys: readonly (string | number)[]): string {
	return keys.reduce<string>((path, key) => {
		if (typeof key === 'number') return `${path}[${key}]`;
		if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
		return `${path}[${JSON.stringify(key)}]`;
	}, '');
}

/** Line and column (1-based) of a character offset in a text. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
	const before = source.slice(0, Math.max(0, offset));
	const line = before.split('\n').length;
	return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON text, or returns an issue saying where it stops being JSON. Engines word their errors
 * differently; all of them give a character position, which we turn into a line and column.
 */
export function parseJsonText(
	source: string
): { ok: true; value: unknown } | { ok: false; issue: DataIssue } {
	try {
		return { ok: true, value: JSON.parse(source) };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /position (\d+)/.exec(message)?.[1];
		const lineCol = /line (\d+) column (\d+)/.exec(message);
		let where = '';
		if (lineCol) where = ` at line ${lineCol[1]}, column ${lineCol[2]}`;
		else if (position !== undefined) {
			const { line, column } = lineColumn(source, Number(position));
			where = ` at line ${line}, column ${column}`;
		} else if (/end of (JSON )?input/i.test(message)) {
			const { line, column } = lineColumn(source, source.length);
			where = ` at line ${line}, column ${column} (the file ends too early)`;
		}
		const detail = message.replace(/\s*(in JSON )?at position \d+.*$/s, '');
		return { ok: false, issue: { path: '', message: `Not valid JSON${where}: ${detail}` } };
	}
}

function schemaIssues(issues: readonly v.BaseIssue<unknown>[]): DataIssue[] {
	return issues.map((issue) => {
		const keys = (issue.path ?? []).map((item) => item.key as string | number);
		let message = issue.message;
		if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never') {
			message = 'is not a field Eventline knows (check its spelling)';
		} else if (issue.kind === 'schema' && issue.input === undefined) {
			message = 'is required';
		} else if (issue.kind === 'schema') {
			message = `expected ${issue.expected}, got ${JSON.stringify(issue.input) ?? typeof issue.input}`;
		}
		return { path: formatPath(keys), message };
	});
}

/** What one event's checks need to know about its file, worked out once per file. */
export interface EventRules {
	/** The file's category ids, when it lists categories. */
	categories?: ReadonlySet<string>;
	/** The zone dates without their own are in. */
	zone: string;
}

/** The {@link EventRules} of a dataset. */
export function eventRules(dataset: Pick<Dataset, 'categories' | 'timeZone'>): EventRules {
	return {
		categories: dataset.categories ? new Set(dataset.categories.map((c) => c.id)) : undefined,
		zone: dataset.timeZone ?? 'UTC'
	};
}

/**
 * The rules a schema cannot say about one schema-valid event: precision the start supports,
 * part of day, end after start, a known category. `at` names a field's place in the file.
 */
export function eventIssues(
	event: TimelineEvent,
	rules: EventRules,
	at: (field: string) => string
): DataIssue[] {
	const issues: DataIssue[] = [];
	if (event.precision) {
		const startParts = parseDateParts(event.start);
		if (startParts && !partsSupport(startParts, event.precision)) {
			issues.push({
				path: at('precision'),
				message: `"${event.precision}" needs a start with a ${requiredFieldsFor(event.precision)}, but start is "${event.start}"`
			});
		}
	}
	if (event.precision === 'part-of-day' && !event.partOfDay) {
		issues.push({ path: at('partOfDay'), message: 'is required when precision is "part-of-day"' });
	}
	if (event.partOfDay && event.precision !== 'part-of-day') {
		issues.push({
			path: at('precision'),
			message: 'must be "part-of-day" when partOfDay is given'
		});
	}
	if (event.end !== undefined) {
		const eventZone = event.timeZone ?? rules.zone;
		const startTime = eventTime({ ...event, end: undefined }, eventZone);
		const endTime = eventTime({ start: event.end }, eventZone);
		// Only an end that cannot be after the start is wrong: "2024-11" may end a span that
		// started on 2024-11-17.
		if (startTime && endTime && endTime.outer.end <= startTime.outer.start) {
			issues.push({ path: at('end'), message: `"${event.end}" is before start "${event.start}"` });
		}
	}
	const { categories } = rules;
	if (categories && event.category !== undefined && !categories.has(event.category)) {
		issues.push({
			path: at('category'),
			message: `"${event.category}" is not one of the file's categories (${[...categories].join(', ')})`
		});
	}
	return issues;
}

/** The rules that need the whole file in view: unique ids and categories, and each event's. */
export function semanticIssues(dataset: Dataset): DataIssue[] {
	const issues: DataIssue[] = [];
	const seen = new Map<string, number>();
	const rules = eventRules(dataset);
	dataset.events.forEach((event, i) => {
		const at = (field: string) => `events[${i}].${field}`;
		const first = seen.get(event.id);
		if (first !== undefined) {
			issues.push({
				path: at('id'),
				message: `duplicate id "${event.id}" (also events[${first}])`
			});
		} else seen.set(event.id, i);
		issues.push(...eventIssues(event, rules, at));
	});
	dataset.eras?.forEach((era, i) => {
		// An era is checked as an event from its start to its end would be: the end after the start.
		const check = { id: 'era', title: era.title ?? 'era', start: era.start, end: era.end };
		issues.push(...eventIssues(check, rules, (field) => `eras[${i}].${field}`));
	});
	const categoryIds = new Set<string>();
	dataset.categories?.forEach((category, i) => {
		if (categoryIds.has(category.id)) {
			issues.push({
				path: `categories[${i}].id`,
				message: `duplicate category id "${category.id}"`
			});
		}
		categoryIds.add(category.id);
	});
	return issues;
}

/** Validates an already-parsed value as an Eventline dataset. */
export function validateDataset(input: unknown): ValidationResult {
	const result = v.safeParse(DatasetSchema, input);
	if (!result.success) return { ok: false, issues: schemaIssues(result.issues) };
	const issues = semanticIssues(result.output);
	return issues.length ? { ok: false, issues } : { ok: true, dataset: result.output };
}

/** Parses and validates the text of a data file. */
export function validateDatasetText(source: string): ValidationResult {
	const parsed = parseJsonText(source);
	if (!parsed.ok) return { ok: false, issues: [parsed.issue] };
	return validateDataset(parsed.value);
}

/** A readable report of issues: the first `limit` shown, the total counted. */
export function describeIssues(issues: readonly DataIssue[], limit = 10): string {
	const shown = issues
		.slice(0, limit)
		.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
	const more = issues.length > limit ? [`…and ${issues.length - limit} more`] : [];
	const count = `${issues.length} problem${issues.length === 1 ? '' : 's'} in the data file`;
	return [count, ...shown.map((line) => `  - ${line}`), ...more].join('\n');
}
