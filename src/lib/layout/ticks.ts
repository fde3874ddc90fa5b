/**
 * Axis ticks for any span from minutes to billions of years: below a year, picks the d3-time
 * interval that gives about one tick per `spacing` pixels, labels each tick in the unit it steps by,
 * and adds a coarser context row (the day above hours, the month above days) so every label says
 * which day or year it belongs to. From years up, ticks are d3-array's nice numbers on a line of
 * years (years, centuries, millennia, millions, billions), placed by calendar arithmetic, so no
 * Date is asked to hold a year it cannot.
 */
import { bisector, tickIncrement, ticks as niceTicks } from 'd3-array';
import {
	utcDay,
	utcHour,
	utcMinute,
	utcMonday,
	utcMonth,
	utcYear,
	type CountableTimeInterval,
	type TimeInterval
} from 'd3-time';
import { formatWallClock, type DateFormatOptions } from '$lib/format/calendar-format';
import { eraFor, formatYear, isDeepTime } from '$lib/format/years';
import { dateCanHold, fractionalYear, timeOfFractionalYear, yearOf } from '$lib/model/civil';
import type { TimeScale } from './scale';
import { estimateTextWidth } from './text';

/** Font size of axis text, which label collision checks assume. */
export const AXIS_FONT_SIZE = 12;

/** The calendar unit a tick interval steps by. */
export type TickUnit =
	| 'minute'
	| 'hour'
	| 'day'
	| 'week'
	| 'month'
	| 'year'
	| 'century'
	| 'millennium'
	| 'million-years'
	| 'billion-years';

interface TickStep {
	unit: TickUnit;
	step: number;
	interval: CountableTimeInterval;
	duration: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const STEPS: TickStep[] = (
	[
		['minute', 1, utcMinute, MINUTE],
		['minute', 5, utcMinute, 5 * MINUTE],
		['minute', 15, utcMinute, 15 * MINUTE],
		['minute', 30, utcMinute, 30 * MINUTE],
		['hour', 1, utcHour, HOUR],
		['hour', 3, utcHour, 3 * HOUR],
		['hour', 6, utcHour, 6 * HOUR],
		['hour', 12, utcHour, 12 * HOUR],
		['day', 1, utcDay, DAY],
		['day', 2, utcDay, 2 * DAY],
		['week', 1, utcMonday, 7 * DAY],
		['month', 1, utcMonth, 30 * DAY],
		['month', 3, utcMonth, 91 * DAY],
		['year', 1, utcYear, 365 * DAY]
	] as const
).map(([unit, step, interval, duration]) => ({ unit, step, interval, duration }));

/** One tick on the axis. */
export interface Tick {
	/** Wall-clock ms in the display zone. */
	value: number;
	x: number;
	label: string;
}

/** A label on the context row, naming the day, month or year the ticks below belong to. */
export interface ContextLabel {
	value: number;
	x: number;
	label: string;
}

/** Everything an axis draws. */
export interface AxisLayout {
	unit: TickUnit;
	ticks: Tick[];
	context: ContextLabel[];
}

/** Formats wall-clock ms with date-fns as the display zone's local time. */
export const formatWall = formatWallClock;

const TICK_FORMAT: Record<'minute' | 'hour' | 'day' | 'week' | 'month', string> = {
	minute: 'HH:mm',
	hour: 'HH:mm',
	day: 'EEE d',
	week: 'd MMM',
	month: 'MMM'
};

const CONTEXT: Partial<Record<TickUnit, { interval: TimeInterval; pattern: string }>> = {
	minute: { interval: utcDay, pattern: 'EEEE d MMMM yyyy' },
	hour: { interval: utcDay, pattern: 'EEEE d MMMM yyyy' },
	day: { interval: utcMonth, pattern: 'MMMM yyyy' },
	week: { interval: utcMonth, pattern: 'MMMM yyyy' },
	month: { interval: utcYear, pattern: 'yyyy' }
};

/** A label that would run off the right edge keeps its grid line but not its text. */
function fitLabel(tick: Tick, right: number): Tick {
	const fits = tick.x + 4 + estimateTextWidth(tick.label, AXIS_FONT_SIZE) <= right;
	return fits ? tick : { ...tick, label: '' };
}

const byDuration = bisector((step: TickStep) => step.duration).left;

/** The tick step whose spacing is closest to `spacing` pixels without being tighter. */
export function chooseTickStep(span: number, width: number, spacing: number): TickStep {
	const target = (span / Math.max(1, width)) * spacing;
	const index = byDuration(STEPS, target);
	return (STEPS[Math.min(index, STEPS.length - 1)] ?? STEPS[0]) as TickStep;
}

/** The unit a step of `years` counts in. */
function yearUnit(years: number): TickUnit {
	if (years >= 1e9) return 'billion-years';
	if (years >= 1e6) return 'million-years';
	if (years >= 1000) return 'millennium';
	if (years >= 100) return 'century';
	return 'year';
}

/**
 * A year on the line that ticks are counted on, which has no year 0: 1 BCE is −1, so that nice
 * numbers land on round BCE years ("50 BCE", not "51 BCE") as well as on round CE years.
 */
const countedYear = (year: number) => (year < 1 ? year - 1 : year);
/** The astronomical year of a counted one ({@link countedYear}'s inverse; 0 is taken as 1 CE). */
const astronomicalYear = (counted: number) => (counted < 0 ? counted + 1 : Math.max(1, counted));

/**
 * Ticks on whole years for spans of years and more: nice numbers (1, 2, 5 × 10^n years) from
 * d3-array, fewer when the labels are long ("13 billion years ago"), so they never touch.
 */
function yearTicks(
	scale: TimeScale,
	stretch: Stretch,
	spacing: number,
	era: DateFormatOptions
): { unit: TickUnit; ticks: Tick[] } {
	const { start: d0, end: d1, x0: r0, x1: r1 } = stretch;
	const [y0, y1] = [fractionalYear(d0), fractionalYear(d1)];
	const [c0, c1] = [countedYear(y0), countedYear(y1)];
	let count = Math.max(1, Math.floor((r1 - r0) / spacing));
	let best: { unit: TickUnit; ticks: Tick[] } = { unit: 'year', ticks: [] };
	for (let attempt = 0; attempt < 8 && count >= 1; attempt++) {
		const step = Math.max(1, tickIncrement(c0, c1, count));
		const years = [
			...new Set(
				niceTicks(c0, c1, count)
					.filter((c) => Number.isFinite(c) && Math.abs(Math.round(c) - c) < 1e-9)
					.map((c) => astronomicalYear(Math.round(c)))
			)
		].filter((year) => year >= Math.floor(y0) && year <= Math.ceil(y1));
		const ticks = years
			.map((year) => ({ value: timeOfFractionalYear(year), label: formatYear(year, era) }))
			.filter(({ value }) => value >= d0 && value <= d1)
			.map(({ value, label }) => ({ value, x: scale(value), label }));
		best = { unit: yearUnit(step), ticks };
		const widest = Math.max(0, ...ticks.map((t) => estimateTextWidth(t.label, AXIS_FONT_SIZE)));
		const tightest = Math.min(
			Infinity,
			...ticks.slice(1).map((tick, i) => tick.x - (ticks[i]?.x ?? -Infinity))
		);
		if (tightest >= widest + 12) break;
		count = Math.floor(count / 2);
	}
	return best;
}

/** A stretch of the axis between breaks: its time and its pixels. */
interface Stretch {
	start: number;
	end: number;
	x0: number;
	x1: number;
}

/** The visible stretches of `scale`: its window cut at each break, left to right. */
function stretchesOf(scale: TimeScale): Stretch[] {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	const [r0, r1] = scale.range() as [number, number];
	const stretches: Stretch[] = [];
	let start = d0;
	let x0 = r0;
	for (const b of scale.breaks()) {
		if (b.end <= d0 || b.start >= d1) continue;
		if (b.start > start) stretches.push({ start, end: b.start, x0, x1: b.x0 });
		start = Math.max(start, b.end);
		x0 = Math.max(r0, b.x1);
	}
	if (d1 > start) stretches.push({ start, end: d1, x0, x1: r1 });
	return stretches;
}

/**
 * Ticks and context labels for a scale. A broken scale gets them stretch by stretch, with the same
 * step throughout, so no tick falls inside a break and each stretch names its own day, month or year.
 * @default spacing 90 pixels between ticks
 */
export function axisTicks(
	scale: TimeScale,
	spacing = 90,
	options: DateFormatOptions = {}
): AxisLayout {
	const [d0, d1] = scale.domain().map(Number) as [number, number];
	const [r0, r1] = scale.range() as [number, number];
	const slope = Math.abs(scale.slope());
	const chosen = chooseTickStep((r1 - r0) / Math.max(slope, 1e-300), r1 - r0, spacing);
	const era = eraFor(d0, d1, options);
	// Dates cannot step through years they cannot hold; whole years are ticks enough there.
	if (chosen.unit === 'year' || !dateCanHold(d0) || !dateCanHold(d1)) {
		// One way of telling years across the whole axis; each stretch between breaks gets ticks at
		// its own step, so a stretch of decades beside one of billions of years reads as both.
		const words: DateFormatOptions = { ...era, yearsAgo: isDeepTime(yearOf(d0)) };
		const stretches = stretchesOf(scale).map((stretch) => ({
			stretch,
			...yearTicks(scale, stretch, spacing, words)
		}));
		const widest = stretches.reduce<(typeof stretches)[number] | undefined>(
			(best, s) =>
				!best || s.stretch.x1 - s.stretch.x0 > best.stretch.x1 - best.stretch.x0 ? s : best,
			undefined
		);
		return {
			unit: widest?.unit ?? 'year',
			ticks: stretches.flatMap(({ stretch, ticks }) =>
				ticks.map((tick) => fitLabel(tick, Math.min(r1, stretch.x1)))
			),
			context: []
		};
	}
	const stepped =
		chosen.unit === 'month'
			? utcMonth.every(chosen.step)
			: chosen.step === 1
				? chosen.interval
				: chosen.interval.every(chosen.step);
	const pattern = TICK_FORMAT[chosen.unit as keyof typeof TICK_FORMAT];
	const contextSpec = CONTEXT[chosen.unit];
	const ticks: Tick[] = [];
	const context: ContextLabel[] = [];
	// Whether the last context label is the one pinned to its stretch's left edge.
	let pinned = false;
	for (const stretch of stretchesOf(scale)) {
		const { start: s0, end: s1 } = stretch;
		const values = (stepped ?? chosen.interval).range(new Date(s0), new Date(s1 + 1));
		for (const date of values) {
			const value = date.getTime();
			const label =
				chosen.unit === 'month' && date.getUTCMonth() === 0
					? formatWall(value, 'MMM yyyy', era)
					: formatWall(value, pattern, era);
			// A label that would run off the right edge, or into a break, keeps its grid line only.
			ticks.push(fitLabel({ value, x: scale(value), label }, stretch.x1));
		}
		if (!contextSpec) continue;
		// The period already under way at the stretch's left edge gets a label too, pinned there.
		const first = contextSpec.interval.floor(new Date(s0)).getTime();
		const starts = [
			first,
			...contextSpec.interval.range(new Date(s0 + 1), new Date(s1)).map(Number)
		];
		for (const [i, value] of starts.entries()) {
			const label = formatWall(value, contextSpec.pattern, era);
			const width = estimateTextWidth(label, AXIS_FONT_SIZE) + 4;
			// A label near the right edge slides left to fit, if that keeps it clear of the one before.
			let x = Math.min(Math.max(stretch.x0, scale(value)), r1 - width);
			const previous = context[context.length - 1];
			// After a break, the period the last stretch named needs no second label.
			if (value === first && previous?.label === label) continue;
			const clear = previous
				? previous.x + estimateTextWidth(previous.label, AXIS_FONT_SIZE) + 12
				: -Infinity;
			// The first label of a stretch after a break may slide right past the one before it,
			// while it stays before the next period's start.
			const room = Math.min(r1, stretch.x1, scale(starts[i + 1] ?? Infinity));
			if (value === first && x < clear && clear + width <= room && previous) x = clear;
			if (previous && x < clear) {
				// The label pinned at an edge gives way to the next period's; any other clash keeps
				// the earlier label.
				if (pinned) context.pop();
				else continue;
			}
			context.push({ value, x, label });
			pinned = value < s0;
		}
	}
	return { unit: chosen.unit, ticks, context };
}
