/**
 * The view in the URL: `?from=…&to=…&event=…` (and `breaks=off` for plain linear time), so a view can be shared and restored. Reading is
 * forgiving: a value that does not parse, or makes no sense, is ignored rather than fatal.
 */

import { parseDateParts, utcTime } from '$lib/model/dates';
import { isoInstant, isRealDate } from '$lib/model/iso';

/** What the URL can say about the view. */
export interface UrlView {
	/** Visible window as UTC ms. */
	domain?: [number, number];
	/** Id of the selected event. */
	event?: string;
	/** Search words. */
	query?: string;
	/** Lane grouping (validated by the filter state). */
	groupBy?: string;
	categories?: string[];
	actors?: string[];
	places?: string[];
	/** False for plain linear time: `breaks=off`. Gaps are skipped unless the URL says otherwise. */
	skipGaps?: boolean;
}

/** The URL parameter each filter list is written to, one parameter per value. */
const LISTS = { categories: 'cat', actors: 'actor', places: 'place' } as const;

/** A UTC date-time to the minute or second, with an expanded year for deep time. */
const ISO_INSTANT = /^(?:[+-]\d{4,12}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;

function instant(value: string | null): number | undefined {
	if (!value || !ISO_INSTANT.test(value) || !isRealDate(value)) return undefined;
	const parts = parseDateParts(value);
	if (!parts) return undefined;
	const { year, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
	const t = utcTime(year, month - 1, day, hour, minute, second);
	return Number.isFinite(t) ? t : undefined;
}

/** Something that says whether it holds a value: a set, or a lookup standing for one. */
type Lookup = Pick<ReadonlySet<string>, 'has'>;

/** The values each filter can take in the loaded data. */
export type KnownValues = Record<keyof typeof LISTS, Lookup>;

/**
 * Reads the view from URL search parameters; invalid values are left out, and so are filter values
 * that are not in `known` (a link made for other data would otherwise filter everything out).
 */
export function readUrlView(
	params: URLSearchParams,
	eventIds: Lookup,
	known?: KnownValues
): UrlView {
	const view: UrlView = {};
	const from = instant(params.get('from'));
	const to = instant(params.get('to'));
	if (from !== undefined && to !== undefined && to > from) view.domain = [from, to];
	const event = params.get('event');
	if (event && eventIds.has(event)) view.event = event;
	const query = params.get('q');
	if (query) view.query = query.slice(0, 200);
	const group = params.get('group');
	if (group) view.groupBy = group;
	const breaks = params.get('breaks');
	if (breaks === 'off' || breaks === 'on') view.skipGaps = breaks === 'on';
	for (const [field, name] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
		const values = params
			.getAll(name)
			.filter((value) => value && (known?.[field].has(value) ?? true));
		if (values.length) view[field] = values;
	}
	return view;
}

/** Minute-resolution ISO instant: short enough for a URL, fine enough for any zoom we allow. */
const formatInstant = isoInstant;

/** Writes the view into a copy of `params`, keeping parameters it does not own (such as `src`). */
export function writeUrlView(params: URLSearchParams, view: UrlView): URLSearchParams {
	const next = new URLSearchParams(params);
	if (view.domain) {
		next.set('from', formatInstant(view.domain[0]));
		next.set('to', formatInstant(view.domain[1]));
	} else {
		next.delete('from');
		next.delete('to');
	}
	if (view.event) next.set('event', view.event);
	else next.delete('event');
	if (view.query) next.set('q', view.query);
	else next.delete('q');
	if (view.groupBy && view.groupBy !== 'category') next.set('group', view.groupBy);
	else next.delete('group');
	if (view.skipGaps === false) next.set('breaks', 'off');
	else next.delete('breaks');
	for (const [field, name] of Object.entries(LISTS) as [keyof typeof LISTS, string][]) {
		next.delete(name);
		for (const value of view[field] ?? []) next.append(name, value);
	}
	return next;
}
