/**
 * The files of TimelineJS before version 3: its JSON (`{timeline: {date: [...], era: [...]}}`, dates
 * written "2011,12,10") and its first Google Sheets template (Start Date, End Date, Headline, Text,
 * Media, Media Credit, Media Caption, Media Thumbnail, Type, Tag), whose dates are US-style
 * ("1/12/2013 14:30:00.00"). Both are rewritten as TimelineJS3 slides and imported the way
 * TimelineJS3 imports them, so they gain everything that importer does; problems are then located in
 * the original file (`timeline.date[3].startDate`, `row 14 (Start Date)`).
 */
import type { DataIssue } from './validate';
import { formatPath } from './validate';
import { columnKey, extraCellsIssue, type CsvRow, type CsvTable } from './csv';
import { parseLooseDate } from './loose-dates';
import { NO_EVENTS, fatalOutcome, type DataFormat, type ImportOutcome } from './outcome';
import { importTimelineJs } from './timelinejs';
import { field, isBlank, isRecord, textOf } from './values';

/** The first template's columns by their `columnKey`; `Tag` is TimelineJS3's `Group`. */
const V1_COLUMNS = [
	'Start Date',
	'End Date',
	'Headline',
	'Text',
	'Media',
	'Media Credit',
	'Media Caption',
	'Media Thumbnail',
	'Type',
	'Tag'
];

/** True when a CSV header is TimelineJS's first template: dates in "Start Date", not "Year". */
export function isTimelineJsV1Header(header: readonly string[]): boolean {
	const keys = new Set(header.map(columnKey));
	return keys.has('startdate') && keys.has('headline') && !keys.has('year');
}

/**
 * TimelineJS3's early shape, `{timeline: {slides: [...]}}` (its own welcome page used it): slides
 * with a start date are events, the first one without is the title slide.
 */
export function betaTimelineJs3(file: unknown): Record<string, unknown> | undefined {
	const slides = field(field(file, 'timeline'), 'slides');
	if (!Array.isArray(slides)) return undefined;
	const dated = (slide: unknown) => field(slide, 'start_date') !== undefined;
	const title = slides.find((slide) => !dated(slide));
	return { ...(title ? { title } : {}), events: slides.filter(dated) };
}

/** True when parsed JSON is TimelineJS 2's `{timeline: {date: [...]}}`. */
export function looksLikeTimelineJs2(file: unknown): boolean {
	const timeline = field(file, 'timeline');
	return (
		isRecord(timeline) &&
		(Array.isArray(field(timeline, 'date')) || field(timeline, 'headline') !== undefined)
	);
}

/** A TimelineJS3 date object from a TimelineJS 2 date, or the message saying why there is none. */
export function legacyDate(
	value: unknown
): Record<string, number> | { message: string } | undefined {
	if (isBlank(value)) return undefined;
	const text = textOf(value)?.trim() ?? '';
	// "2011,12,10" and "2011,12,10,07,02,10": year, month, day, hour, minute, second.
	// A year alone of more than six digits is a typo, not a year TimelineJS 2 could show.
	if (/^-?\d{7,}$/.test(text)) return { message: `${JSON.stringify(text)} is not a date` };
	if (/^-?\d+(?:\s*,\s*\d*)*$/.test(text)) {
		const parts = text.split(',').map((part) => part.trim());
		const names = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;
		const date: Record<string, number> = {};
		names.forEach((name, i) => {
			const part = parts[i];
			if (part) date[name] = Number(part);
		});
		return date;
	}
	// Spreadsheets and TimelineJS 2 read slashed dates the US way: month first.
	const loose = parseLooseDate(text.replace(/(:\d{2}:\d{2})[.,]\d+/, '$1'), 'month-first');
	if (!loose.ok) return { message: loose.message };
	const m = /^(-?\d{4,})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?)?)?$/.exec(
		loose.iso
	);
	if (!m) return { message: `${JSON.stringify(text)} is not a date Eventline can read` };
	const [, year, month, day, hour, minute, second] = m;
	const date: Record<string, number> = { year: Number(year) };
	const parts = { month, day, hour, minute, second };
	for (const [name, part] of Object.entries(parts))
		if (part !== undefined) date[name] = Number(part);
	return date;
}

/** A slide in TimelineJS3's shape, and the date problems found while rewriting it. */
interface Rewritten {
	slide: Record<string, unknown>;
	problems: { key: 'start_date' | 'end_date'; message: string }[];
	/** An end date that could not be read: the slide is kept without it, and the reader told. */
	droppedEnd?: string;
}

function rewriteSlide(values: {
	start: unknown;
	end: unknown;
	headline: unknown;
	text: unknown;
	group: unknown;
	media: unknown;
	credit: unknown;
	caption: unknown;
}): Rewritten {
	const slide: Record<string, unknown> = {
		text: { headline: values.headline ?? '', text: values.text ?? '' }
	};
	const problems: Rewritten['problems'] = [];
	let droppedEnd: string | undefined;
	for (const [key, raw] of [
		['start_date', values.start],
		['end_date', values.end]
	] as const) {
		const date = legacyDate(raw);
		if (date && 'message' in date && key === 'end_date') {
			droppedEnd = `${String(date.message)}; the event is kept without an end`;
		} else if (date && 'message' in date) {
			problems.push({ key, message: String(date.message) });
			// Kept as text, so that the importer rejects the slide for its date.
			slide[key] = textOf(raw) ?? '';
		} else if (date) slide[key] = date;
	}
	if (!isBlank(values.group)) slide.group = values.group;
	if (!isBlank(values.media)) {
		slide.media = {
			url: values.media,
			...(isBlank(values.credit) ? {} : { credit: values.credit }),
			...(isBlank(values.caption) ? {} : { caption: values.caption })
		};
	}
	return { slide, problems, ...(droppedEnd ? { droppedEnd } : {}) };
}

/**
 * Imports TimelineJS3 slides rewritten from another format: `where` names each slide (by its index
 * among events, then eras) in the original file, `place` a key of a rewritten slide there.
 */
function importRewritten(
	format: DataFormat,
	file: { title?: unknown; events: Rewritten[]; eras: Rewritten[] },
	locate: {
		where: (index: number) => string;
		place: (index: number, key: string) => string;
		rowIndex: (index: number) => number;
	}
): ImportOutcome {
	const slides = [...file.events, ...file.eras];
	const outcome = importTimelineJs({
		...(file.title ? { title: file.title } : {}),
		events: file.events.map((e) => e.slide),
		eras: file.eras.map((e) => e.slide)
	});
	const translate = (issue: DataIssue): DataIssue => {
		const m = /^(events|eras)\[(\d+)\]\.?(.*)$/.exec(issue.path);
		if (!m) return issue;
		const index = Number(m[2]) + (m[1] === 'eras' ? file.events.length : 0);
		return { ...issue, path: m[3] ? locate.place(index, m[3]) : locate.where(index) };
	};
	const dropped = slides.flatMap((slide, i) =>
		slide.droppedEnd ? [{ path: locate.place(i, 'end_date'), message: slide.droppedEnd }] : []
	);
	return {
		...outcome,
		format,
		fatal: outcome.fatal.map(translate),
		notices: [...dropped, ...outcome.notices.map(translate)],
		rejected: outcome.rejected.map((r) => {
			const problems = slides[r.index]?.problems ?? [];
			// The rewriter's own reading of a date replaces the importer's complaint about its shape.
			const issues = r.issues
				.filter((issue) => !problems.some((p) => issue.path.includes(`.${p.key}`)))
				.map(translate);
			const own = problems.map((p) => ({
				path: locate.place(r.index, p.key),
				message: p.message
			}));
			return {
				...r,
				index: locate.rowIndex(r.index),
				where: locate.where(r.index),
				issues: [...own, ...issues]
			};
		})
	};
}

const JSON_KEYS: Record<string, string> = {
	start_date: 'startDate',
	end_date: 'endDate',
	'text.headline': 'headline',
	'text.text': 'text',
	group: 'tag',
	'media.url': 'asset.media',
	'media.credit': 'asset.credit',
	'media.caption': 'asset.caption'
};

/** Imports parsed TimelineJS 2 JSON. */
export function importTimelineJs2(file: Record<string, unknown>): ImportOutcome {
	const timeline = field(file, 'timeline');
	const dates = field(timeline, 'date') ?? [];
	const eras = field(timeline, 'era') ?? [];
	if (!Array.isArray(dates)) {
		return fatalOutcome('timelinejs2', [
			{ path: 'timeline.date', message: 'must be a list of events' }
		]);
	}
	const eraList = Array.isArray(eras) ? eras : [];
	if (!dates.length && !eraList.length) return fatalOutcome('timelinejs2', [NO_EVENTS]);
	const rewrite = (entry: unknown): Rewritten => {
		const asset = field(entry, 'asset');
		return rewriteSlide({
			start: field(entry, 'startDate'),
			end: field(entry, 'endDate'),
			headline: field(entry, 'headline'),
			text: field(entry, 'text'),
			group: field(entry, 'tag'),
			media: field(asset, 'media'),
			credit: field(asset, 'credit'),
			caption: field(asset, 'caption')
		});
	};
	const where = (index: number) =>
		index < dates.length
			? formatPath(['timeline', 'date', index])
			: formatPath(['timeline', 'era', index - dates.length]);
	const outcome = importRewritten(
		'timelinejs2',
		{
			title: { text: { headline: field(timeline, 'headline'), text: field(timeline, 'text') } },
			events: dates.map(rewrite),
			eras: eraList.map(rewrite)
		},
		{
			where,
			place: (index, key) =>
				`${where(index)}.${JSON_KEYS[key.replace(/\.(year|month|day|hour|minute|second)$/, '')] ?? key}`,
			rowIndex: (index) => index
		}
	);
	if (!outcome.rejected.length) return outcome;
	const rejectedRaw = (index: number) =>
		index < dates.length ? dates[index] : eraList[index - dates.length];
	return {
		...outcome,
		rejected: outcome.rejected.map((r) => ({ ...r, raw: rejectedRaw(r.index) })),
		frame: {
			kind: 'json-custom',
			write: (rejected) => ({
				...file,
				timeline: {
					...(isRecord(timeline) ? timeline : {}),
					date: rejected.filter((value) => dates.includes(value)),
					era: rejected.filter((value) => eraList.includes(value))
				}
			})
		}
	};
}

const CSV_COLUMNS: Record<string, string> = {
	start_date: 'Start Date',
	end_date: 'End Date',
	'text.headline': 'Headline',
	'text.text': 'Text',
	group: 'Tag',
	'media.url': 'Media',
	'media.credit': 'Media Credit',
	'media.caption': 'Media Caption'
};

/** Imports a CSV table in TimelineJS's first sheet template. */
export function importTimelineJsV1Csv(table: CsvTable): ImportOutcome {
	const index = new Map(table.header.map((name, i) => [columnKey(name), { i, name }]));
	const cell = (row: CsvRow, name: string) => {
		const column = index.get(columnKey(name));
		return column ? (row.cells[column.i] ?? '').trim() : '';
	};
	const known = new Set(V1_COLUMNS.map(columnKey));
	const unknown = table.header.filter((name) => name && !known.has(columnKey(name)));
	const typeOf = (row: CsvRow) => cell(row, 'Type').toLowerCase();
	const titleRow = table.rows.find((row) => typeOf(row) === 'title');
	const rows = table.rows.filter((row) => row !== titleRow);
	const events = rows.filter((row) => typeOf(row) !== 'era');
	const eras = rows.filter((row) => typeOf(row) === 'era');
	const ordered = [...events, ...eras];
	if (!ordered.length) return fatalOutcome('csv-timelinejs-v1', [NO_EVENTS]);
	const rewrite = (row: CsvRow): Rewritten =>
		rewriteSlide({
			start: cell(row, 'Start Date'),
			end: cell(row, 'End Date'),
			headline: cell(row, 'Headline'),
			text: cell(row, 'Text'),
			group: cell(row, 'Tag'),
			media: cell(row, 'Media'),
			credit: cell(row, 'Media Credit'),
			caption: cell(row, 'Media Caption')
		});
	const rowOf = (i: number) => ordered[i]?.row ?? 0;
	const columnName = (key: string) => {
		const name = CSV_COLUMNS[key.replace(/\.(year|month|day|hour|minute|second)$/, '')];
		return name ? (index.get(columnKey(name))?.name ?? name) : undefined;
	};
	const outcome = importRewritten(
		'csv-timelinejs-v1',
		{
			...(titleRow
				? {
						title: { text: { headline: cell(titleRow, 'Headline'), text: cell(titleRow, 'Text') } }
					}
				: {}),
			events: events.map(rewrite),
			eras: eras.map(rewrite)
		},
		{
			where: (i) => `row ${rowOf(i)}`,
			place: (i, key) => {
				const name = columnName(key);
				return name ? `row ${rowOf(i)} (${name})` : `row ${rowOf(i)}`;
			},
			// As the other CSV importers count: data rows after the header, blank ones included.
			rowIndex: (i) => rowOf(i) - table.headerRow - 1
		}
	);
	const extra = ordered.flatMap((row) => extraCellsIssue(table, row) ?? []);
	const notices = [
		...(unknown.length
			? [
					{
						path: `row ${table.headerRow}`,
						message: `Columns Eventline does not read were left out: ${unknown.join(', ')}`
					}
				]
			: []),
		...extra,
		...outcome.notices
	];
	return { ...outcome, notices, total: ordered.length };
}
