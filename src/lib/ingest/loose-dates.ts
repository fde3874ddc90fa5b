/**
 * Dates as people type them into spreadsheets, read into Eventline's ISO strings at the precision
 * they were written with: "11-Mar-15", "1/2/2024" (day or month first, as the reader says),
 * "17 novembre 2024", "3. März 2015", "3300 BC", "c. 1500", "1/12/2013 14:30:00.00".
 * Years before 1 AD become signed years in astronomical numbering (1 BC is year 0, 3300 BC is
 * "-3299"), as ISO 8601's expanded years write them. Impossible dates are refused, never rolled over.
 */
import type { Precision } from '$lib/model/schema';
import { daysInMonth, parseClock } from './calendar';
import { preview } from './messages';
import { MONTHS } from '$lib/format/calendar-format';

/** Which number comes first in a date such as 1/2/2024. */
export type DayOrder = 'day-first' | 'month-first';

/** A date read from text. */
export type LooseDate =
	| { ok: true; iso: string; precision?: Precision; approximate?: true }
	| { ok: false; message: string };

/** Month names and their usual abbreviations in English, French, Spanish and German. */
const MONTH_WORDS: readonly string[][] = [
	['january', 'jan', 'janvier', 'janv', 'enero', 'ene', 'januar', 'jän', 'jaenner'],
	['february', 'feb', 'fevrier', 'fevr', 'fev', 'febrero', 'februar'],
	['march', 'mar', 'mars', 'marzo', 'marz', 'maerz', 'mrz'],
	['april', 'apr', 'avril', 'avr', 'abril', 'abr'],
	['may', 'mai', 'mayo'],
	['june', 'jun', 'juin', 'junio', 'juni'],
	['july', 'jul', 'juillet', 'juil', 'julio', 'juli'],
	['august', 'aug', 'aout', 'agosto', 'ago'],
	['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'set'],
	['october', 'oct', 'octobre', 'octubre', 'oktober', 'okt'],
	['november', 'nov', 'novembre', 'noviembre'],
	['december', 'dec', 'decembre', 'diciembre', 'dic', 'dezember', 'dez']
];
const MONTH_OF = new Map<string, number>(
	MONTH_WORDS.flatMap((words, i) => words.map((word): [string, number] => [word, i + 1]))
);

/** Words for "about" before a date, and a trailing "?" (en, fr, es, de). */
const APPROXIMATE =
	/^(?:c\.|ca\.?|circa|approx\.?|about|around|~|vers|environ|env\.|hacia|aprox\.?|alrededor de|um|etwa|ungefähr)\s*|\s*\?$/i;
/** Era words after (or, for AD, before) a year. */
const BCE =
	/\s*(?:b\.?\s?c\.?(?:e\.?)?|bce|av\.?\s?j\.?-?\s?c\.?|a\.?\s?c\.?|a\.?\s?de\s?c\.?|v\.?\s?chr\.?)$/i;
const CE =
	/^(?:a\.?d\.?)\s*|\s*(?:a\.?d\.?|c\.?e\.?|ap\.?\s?j\.?-?\s?c\.?|d\.?\s?c\.?|n\.?\s?chr\.?)$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A year as ISO 8601 writes it: four digits, or a sign and at least four for years before 1 AD. */
export function isoYear(astronomical: number): string {
	return astronomical < 0 ? `-${pad(-astronomical, 4)}` : pad(astronomical, 4);
}

/** A two-digit year in the century that keeps it within 50 years of 2000: 15 → 2015, 87 → 1987. */
const fullYear = (digits: string) =>
	digits.length === 2 ? (Number(digits) < 50 ? 2000 : 1900) + Number(digits) : Number(digits);

const fold = (word: string) =>
	word
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\.$/, '');

/**
 * Reads a date written in one of the common forms. `order` settles 1/2/2024; without it such a date
 * is read only when one number is over 12 (otherwise the reader has to say which comes first).
 */
export function parseLooseDate(input: string, order?: DayOrder): LooseDate {
	const fail = (why = '') => ({
		ok: false as const,
		message: `${preview(input)} is not a date Eventline can read${why}`
	});
	let text = input.trim().replace(/\s+/g, ' ');
	if (!text) return { ok: false, message: 'is empty' };
	let approximate = false;
	for (let stripped = text.replace(APPROXIMATE, ''); stripped !== text;) {
		approximate = true;
		text = stripped.trim();
		stripped = text.replace(APPROXIMATE, '');
	}
	const withApprox = (date: LooseDate): LooseDate =>
		date.ok && approximate ? { ...date, approximate: true } : date;

	// A year with an era: "3300 BC", "44 av. J.-C.", "AD 1066".
	const bce = BCE.test(text);
	const era = bce ? text.replace(BCE, '') : text.replace(CE, '');
	if (era !== text && /^\d{1,9}$/.test(era.trim())) {
		const year = Number(era.trim());
		if (year === 0) return fail(': there is no year 0 BC or AD');
		return withApprox({ ok: true, iso: isoYear(bce ? 1 - year : year), precision: 'year' });
	}
	if (era !== text) return fail(': with BC or AD, write only a year, such as 3300 BC');

	// A signed or plain year: "-3299", "1500".
	if (/^[+-]?\d{1,9}$/.test(text) && (text.length >= 3 || /^[+-]/.test(text))) {
		return withApprox({ ok: true, iso: isoYear(Number(text)), precision: 'year' });
	}

	const [datePart, timePart] = splitTime(text);
	const day = readDay(datePart, order);
	if (!('year' in day)) return day.message ? { ok: false, message: day.message } : fail();
	const { year, month, date } = day;
	if (year < 1 || year > 9999) return fail(': give years before 1 AD as, say, 3300 BC');
	if (month !== undefined && (month < 1 || month > 12)) return fail(`: there is no month ${month}`);
	if (date !== undefined && month !== undefined && (date < 1 || date > daysInMonth(year, month))) {
		return fail(`: ${month}/${year} has no day ${date}`);
	}
	let iso = pad(year, 4);
	if (month !== undefined) iso += `-${pad(month)}`;
	if (date === undefined) {
		if (timePart) return fail(': a time needs a day');
		return withApprox({ ok: true, iso, ...(month === undefined ? { precision: 'year' } : {}) });
	}
	iso += `-${pad(date)}`;
	if (!timePart) return withApprox({ ok: true, iso });
	const clock = parseClock(timePart.replace(/(:\d{2}:\d{2})[.,]\d+$/, '$1'));
	if (!clock.ok) return { ok: false, message: clock.message };
	iso += `T${pad(clock.hour)}:${pad(clock.minute ?? 0)}`;
	if (clock.second) iso += `:${pad(clock.second)}`;
	return withApprox({
		ok: true,
		iso,
		...(clock.minute === undefined ? { precision: 'hour' } : {})
	});
}

/** Splits "1/12/2013 14:30:00.00" or "2013-01-12T14:30" into the date and the time of day. */
function splitTime(text: string): [string, string | undefined] {
	const iso = /^(\d{4}-\d{1,2}-\d{1,2})[T ](.+)$/.exec(text);
	if (iso?.[1]) return [iso[1], iso[2]];
	const m =
		/^(.*?\d)[ ,T]+(\d{1,2}(?::\d{2}){0,2}(?:[.,]\d+)?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i.exec(
			text
		);
	if (m?.[1] && m[2] && /[:apAP]/.test(m[2])) return [m[1], m[2]];
	return [text, undefined];
}

type Day = { year: number; month?: number; date?: number } | { message?: string };

function readDay(text: string, order: DayOrder | undefined): Day {
	// ISO-like, year first: 2024-11-17, 2024/11/17, 2024.11.17, 2024-11.
	let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
	if (m) return { year: Number(m[1]), month: Number(m[2]), date: m[3] ? Number(m[3]) : undefined };
	// All numbers, day and month in some order: 1/2/2024, 01-02-24, 3.2.2015 (dots: always day first).
	m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
	if (m) {
		const [a, b] = [Number(m[1]), Number(m[3])];
		const year = fullYear(m[4] ?? '');
		let dayFirst: boolean | undefined =
			m[2] === '.' ? true : a > 12 ? true : b > 12 ? false : undefined;
		if (dayFirst === undefined && a === b) dayFirst = true;
		dayFirst ??= order === undefined ? undefined : order === 'day-first';
		if (dayFirst === undefined) {
			return {
				message: `${preview(text)} could be ${a} ${monthName(b)} or ${monthName(a)} ${b}: say whether the day or the month comes first`
			};
		}
		return dayFirst ? { year, month: b, date: a } : { year, month: a, date: b };
	}
	// Numbers only, month and year: 11/2024, 11.2024.
	m = /^(\d{1,2})[-/.](\d{4})$/.exec(text);
	if (m) return { year: Number(m[2]), month: Number(m[1]) };
	// With a month name: 11-Mar-15, 11 March 2015, 3. März 2015, 17 de noviembre de 2024,
	// March 11, 2015, March 2015, Mar-15 is not read (it could be a day or a year).
	const words = text
		.replace(/\bde\b|\bdel\b/gi, ' ')
		.split(/[\s,/-]+|\.(?=\s|$)|(?<=\d)\.|(?<=[a-zé])\.(?=\d)/i)
		.filter(Boolean);
	let month: number | undefined;
	const numbers: string[] = [];
	for (const word of words) {
		const n = /^\d{1,4}(?:st|nd|rd|th|er|º|°)?$/i.exec(word) ? word.replace(/\D+$/, '') : undefined;
		if (n !== undefined) numbers.push(n);
		else {
			const named = MONTH_OF.get(fold(word));
			if (named === undefined || month !== undefined) return {};
			month = named;
		}
	}
	if (month === undefined) return {};
	if (numbers.length === 1) {
		const [only = ''] = numbers;
		return only.length === 4 ? { year: Number(only), month } : {};
	}
	if (numbers.length !== 2) return {};
	const [first = '', second = ''] = numbers;
	// The year is the four-digit number, or else the last one (11-Mar-15).
	if (first.length === 4) return { year: Number(first), month, date: Number(second) };
	return { year: fullYear(second), month, date: Number(first) };
}

const monthName = (n: number) => MONTHS[n - 1] ?? `month ${n}`;

/**
 * Which number comes first in the all-number dates among `values`: day-first when a first number is
 * over 12, month-first when a second one is; undefined when the values do not tell (or contradict).
 */
export function guessDayOrder(values: Iterable<string>): DayOrder | undefined {
	let dayFirst = false;
	let monthFirst = false;
	for (const value of values) {
		const m = /^\s*(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(value);
		if (!m) continue;
		if (Number(m[1]) > 12) dayFirst = true;
		if (Number(m[3]) > 12) monthFirst = true;
	}
	return dayFirst === monthFirst ? undefined : dayFirst ? 'day-first' : 'month-first';
}

/** True when `values` hold all-number dates whose order only the reader can settle. */
export function needsDayOrder(values: Iterable<string>): boolean {
	if (guessDayOrder(values) !== undefined) return false;
	for (const value of values) {
		const m = /^\s*(\d{1,2})([-/])(\d{1,2})\2(\d{4}|\d{2})\b/.exec(value);
		if (m && m[1] !== m[3]) return true;
	}
	return false;
}
