/**
 * vis-timeline's data: a list of items (`id`, `content`, `start`, `end`, `group`, `type`, `title`,
 * `className`...) or a DataSet written out as `{ items, groups }`, whose groups become lanes named
 * by their `content`. Dates are ISO strings, milliseconds since 1970, .NET's `/Date(ms)/`, or other
 * strings a browser reads as a date. https://visjs.github.io/vis-timeline/docs/timeline/#items
 */
import type { Category } from '$lib/model/schema';
import { ISO_DATE_PATTERN } from '$lib/model/iso';
import type { DataIssue } from './validate';
import { formatPath } from './validate';
import { acceptEvents, type Candidate } from './accept';
import { claimId, generatedId, slugify } from './ids';
import { parseLooseDate, type LooseDate } from './loose-dates';
import { preview } from './messages';
import { NO_EVENTS, fatalOutcome, type ImportOutcome } from './outcome';
import { plainLine, plainText } from './plain-text';
import { field, isBlank, isRecord, textOf } from './values';

/** The item types vis-timeline draws; `background` is a shaded stretch behind the items. */
const ITEM_TYPES = new Set(['box', 'point', 'range', 'background']);
/** What Eventline reads of an item; the rest (className, style, editable...) is named in a notice. */
const KNOWN = new Set(['id', 'content', 'start', 'end', 'group', 'type', 'title']);

/**
 * The lane of background items that cannot be an era (one with no end); those with an end become
 * eras, drawn behind the lanes as vis-timeline draws them.
 */
export const BACKGROUND_CATEGORY: Category = { id: 'background', label: 'Background periods' };

const isItem = (value: unknown) =>
	isRecord(value) && Object.hasOwn(value, 'start') && Object.hasOwn(value, 'content');

/** The file's items and groups, when it is vis-timeline data. */
function visLists(file: unknown): { items: unknown[]; groups: unknown[]; at: string } | undefined {
	if (Array.isArray(file)) {
		return file.length && file.some(isItem) ? { items: file, groups: [], at: '' } : undefined;
	}
	const items = field(file, 'items');
	if (!Array.isArray(items) || !items.some(isItem)) return undefined;
	const groups = field(file, 'groups');
	return { items, groups: Array.isArray(groups) ? groups : [], at: 'items' };
}

/** True when parsed JSON is a vis-timeline item list or DataSet. */
export function looksLikeVis(file: unknown): boolean {
	return visLists(file) !== undefined;
}

/** A vis-timeline date as an ISO string and its precision, or what is wrong with it. */
export function visDate(value: unknown): LooseDate {
	const instant = (ms: number) => {
		const date = new Date(ms);
		if (Number.isNaN(date.getTime())) return { ok: false as const, message: `${ms} is not a time` };
		return { ok: true as const, iso: date.toISOString().replace(/:00\.000Z$/, 'Z') };
	};
	if (typeof value === 'number') return instant(value);
	const text = textOf(value)?.trim();
	if (!text) return { ok: false, message: `expected a date, got ${preview(value)}` };
	const asp = /^\/Date\((-?\d+)\)\/$/.exec(text);
	if (asp) return instant(Number(asp[1]));
	if (/^-?\d{9,}$/.test(text)) return instant(Number(text));
	// An ISO date-time with its zone is kept as written: the file says which zone it means.
	const iso = text.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T').replace(/(\.\d{3})\d+/, '$1');
	if (ISO_DATE_PATTERN.test(iso)) return { ok: true, iso };
	const loose = parseLooseDate(text, 'month-first');
	if (loose.ok) return loose;
	// Other strings vis-timeline hands to moment(), such as "Mon Apr 20 2015 10:00:00 GMT+0200".
	const parsed = /\d{4}/.test(text) && /[a-z]/i.test(text) ? Date.parse(text) : NaN;
	return Number.isNaN(parsed) ? loose : instant(parsed);
}

/** Imports parsed vis-timeline JSON. */
export function importVisTimeline(file: unknown): ImportOutcome {
	const lists = visLists(file);
	if (!lists) return fatalOutcome('vis-timeline', [NO_EVENTS]);
	const { items, groups, at } = lists;
	const path = (...keys: (string | number)[]) => formatPath(at ? [at, ...keys] : keys);
	const lanes = readGroups(groups);
	const categories = [...lanes.values()];
	const ignored = new Set<string>();
	const taken = new Set<string>();
	for (const item of items) {
		const id = textOf(field(item, 'id'));
		if (id !== undefined && /^[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(id)) taken.add(id);
	}

	const candidates: Candidate[] = items.map((item, index) => {
		const where = path(index);
		if (!isRecord(item)) {
			return {
				index,
				where,
				issues: [{ path: where, message: `expected an item (an object), got ${preview(item)}` }],
				locate: () => where
			};
		}
		const issues: DataIssue[] = [];
		const failed = new Set<string>();
		const fail = (name: string, key: string, message: string) => {
			issues.push({ path: path(index, key), message });
			failed.add(name);
		};
		for (const key of Object.keys(item)) if (!KNOWN.has(key)) ignored.add(key);
		const content = plainLine(textOf(field(item, 'content')) ?? '');
		const tooltip = plainText(textOf(field(item, 'title')) ?? '');
		const title = content || tooltip.split('\n')[0] || '';
		const event: Record<string, unknown> = {};
		const ownId = textOf(field(item, 'id'));
		event.id =
			ownId !== undefined && taken.has(ownId)
				? ownId
				: ownId !== undefined && slugify(ownId)
					? claimId(slugify(ownId), taken)
					: generatedId(title, index, taken);
		if (title) event.title = title;
		else fail('title', 'content', 'is required: every Eventline event needs a title');
		if (tooltip && tooltip !== title) event.summary = tooltip;

		const type = textOf(field(item, 'type'));
		if (type !== undefined && !ITEM_TYPES.has(type)) {
			fail(
				'type',
				'type',
				`${preview(type)} is not a vis-timeline item type (box, point, range, background)`
			);
		}
		for (const which of ['start', 'end'] as const) {
			const raw = field(item, which);
			if (isBlank(raw)) {
				if (which === 'start') fail('start', 'start', 'is required');
				continue;
			}
			// A box or a point is an instant in vis-timeline, which ignores its end.
			if (which === 'end' && (type === 'box' || type === 'point')) continue;
			const date = visDate(raw);
			if (!date.ok) fail(which, which, date.message);
			else {
				event[which] = date.iso;
				if (which === 'start' && date.precision) event.precision = date.precision;
				if (which === 'start' && date.approximate) event.approximate = true;
			}
		}
		const group = field(item, 'group');
		if (type === 'background') event.category = BACKGROUND_CATEGORY.id;
		else if (!isBlank(group)) {
			const key = textOf(group) ?? '';
			let lane = lanes.get(key);
			if (!lane) {
				lane = {
					id: claimId(slugify(key) || 'group', new Set(categories.map((c) => c.id))),
					label: key
				};
				lanes.set(key, lane);
				categories.push(lane);
			}
			event.category = lane.id;
		}
		return {
			index,
			where,
			...(title ? { title } : {}),
			event,
			issues,
			failed,
			locate: ([key]) => {
				const name = key === 'title' ? 'content' : key === 'summary' ? 'title' : key;
				return typeof name === 'string' && Object.hasOwn(item, name) ? path(index, name) : where;
			}
		};
	});
	if (candidates.some((c) => c.event?.category === BACKGROUND_CATEGORY.id)) {
		categories.push(BACKGROUND_CATEGORY);
	}
	const checked = acceptEvents(candidates, { categories });
	// A background stretch with an end is an era: a labelled band behind the lanes, not an event.
	const isEra = (event: (typeof checked.events)[number]) =>
		event.category === BACKGROUND_CATEGORY.id && event.end !== undefined;
	const eras = checked.events
		.filter(isEra)
		.map((event) => ({ title: event.title, start: event.start, end: event.end as string }));
	const accepted = { ...checked, events: checked.events.filter((event) => !isEra(event)) };
	const used = new Set(accepted.events.map((event) => event.category));
	const notices: DataIssue[] = [...accepted.notices];
	if (ignored.size) {
		notices.push({
			path: '',
			message: `Item fields that Eventline does not read were left out: ${[...ignored].join(', ')}`
		});
	}
	return {
		format: 'vis-timeline',
		dataset: {
			...(categories.some((c) => used.has(c.id))
				? { categories: categories.filter((c) => used.has(c.id)) }
				: {}),
			...(eras.length ? { eras } : {}),
			events: accepted.events
		},
		fatal: [],
		rejected: accepted.rejected.map((r) => ({ ...r, raw: items[r.index] })),
		notices,
		total: items.length,
		...(accepted.rejected.length
			? {
					frame: {
						kind: 'json-custom' as const,
						write: (rejected: unknown[]) =>
							at && isRecord(file) ? { ...file, items: rejected } : rejected
					}
				}
			: {})
	};
}

/** Groups by their id (as text), each a lane labelled with the group's content. */
function readGroups(groups: readonly unknown[]): Map<string, Category> {
	const lanes = new Map<string, Category>();
	const ids = new Set<string>();
	for (const group of groups) {
		const key = textOf(field(group, 'id'));
		if (key === undefined || lanes.has(key)) continue;
		const label = plainLine(textOf(field(group, 'content')) ?? '') || key;
		lanes.set(key, { id: claimId(slugify(key) || slugify(label) || 'group', ids), label });
	}
	return lanes;
}
