/**
 * Axis breaks: where the data leaves long stretches of time empty, and the domain that shows it with
 * those stretches compressed. A stretch is empty when no event starts or ends in it and only spans
 * much longer than it run through it (never the inside of a day-long event), and it is long relative
 * to the time still shown, so a report of one week with a prologue months before shows the week,
 * not the months between.
 */
import type { PreparedTimeline } from '$lib/model/timeline';
import { paddedDomain, timeScale, type ScaleBreak, type TimeScale } from './scale';

/** How the gaps are chosen. */
export interface BreakOptions {
	/**
	 * A gap is compressed when it is at least this share of the time that would still be shown
	 * without it.
	 * @default 0.5
	 */
	ratio: number;
	/** Room kept either side of the data and of each break, as a share of the time shown. @default 0.04 */
	padding: number;
	/** Least room kept either side, in ms. @default 3_600_000 (an hour) */
	minPadding: number;
	/**
	 * Least share of the whole extent the events must still cover between the breaks: two instants,
	 * or one span alone, have no detail for a break to make room for.
	 * @default 0.01
	 */
	minKept: number;
	/**
	 * A stretch inside an event is empty when the event is a long span, at least this share of the
	 * whole extent (a season behind a week of news may be cut), or at least `spanRatio` times longer
	 * than the stretch. A day-long event among weeks of data is never cut at its own middle.
	 * @default 0.1
	 */
	longSpan: number;
	/** See `longSpan`. @default 4 */
	spanRatio: number;
}

/** The defaults for {@link BreakOptions}. */
export const DEFAULT_BREAKS: BreakOptions = {
	ratio: 0.5,
	padding: 0.04,
	minPadding: 3_600_000,
	minKept: 0.01,
	longSpan: 0.1,
	spanRatio: 4
};

/** The whole extent as shown: its padded domain and the stretches compressed within it. */
export interface BrokenDomain {
	domain: [number, number];
	breaks: ScaleBreak[];
}

/** Events as parallel lists of starts and ends, so that 100k of them cost two typed arrays. */
export interface Spans {
	starts: ArrayLike<number>;
	ends: ArrayLike<number>;
}

/**
 * The domain and breaks for data whose events start and end at `times` (any order, unless
 * `ascending` says they are already sorted). Gaps are taken longest first while each is long enough
 * against what would remain; each keeps some room beside the events around it. With `spans` (the
 * events themselves), a gap that an event not much longer than it runs through is not empty. With
 * `enabled` false, or no such gap, there are no breaks.
 */
export function findBreaks(
	times: ArrayLike<number>,
	enabled = true,
	options: Partial<BreakOptions> = {},
	ascending = false,
	spans?: Spans
): BrokenDomain {
	const { ratio, padding, minPadding, minKept, longSpan, spanRatio } = {
		...DEFAULT_BREAKS,
		...options
	};
	const sorted = ascending ? times : Float64Array.from(times).sort();
	const first = sorted[0] ?? 0;
	const last = sorted[sorted.length - 1] ?? first;
	const total = last - first;
	const gaps: ScaleBreak[] = [];
	if (enabled) {
		// A gap is taken only while the time left is at least `minKept` of the whole, so none
		// shorter than this can be: the rest need not be listed or sorted (100k events stay fast).
		const shortest = (ratio / (1 + ratio)) * minKept * total;
		for (let i = 1; i < sorted.length; i++) {
			const start = sorted[i - 1] as number;
			const end = sorted[i] as number;
			if (end > start && end - start >= shortest) gaps.push({ start, end });
		}
		if (spans) dropCovered(gaps, spans, spanRatio, longSpan * total);
		gaps.sort((a, b) => b.end - b.start - (a.end - a.start));
	}
	let kept = total;
	const chosen: ScaleBreak[] = [];
	for (const gap of gaps) {
		const length = gap.end - gap.start;
		if (length < ratio * (kept - length)) break;
		if (kept - length < minKept * total) continue;
		chosen.push(gap);
		kept -= length;
	}
	const margin = Math.max(kept * padding, minPadding);
	const breaks = chosen
		// A gap too short to keep room on both sides and still save time stays linear.
		.filter((gap) => gap.end - gap.start > 4 * margin)
		.map((gap) => ({ start: gap.start + margin, end: gap.end - margin }))
		.sort((a, b) => a.start - b.start);
	const padded = Math.max((total - sum(breaks)) * padding, minPadding);
	return { domain: [first - padded, last + padded], breaks };
}

/**
 * Removes, in place, the gaps (in time order, none overlapping) that an event shorter than both
 * `long` and `spanRatio` times the gap runs through. Each event marks the run of gaps it covers, found by binary
 * search: the candidate gaps are few (each is a share of the whole), so this stays linear in events.
 */
function dropCovered(gaps: ScaleBreak[], { starts, ends }: Spans, spanRatio: number, long: number) {
	if (!gaps.length) return;
	const shortest = new Float64Array(gaps.length).fill(Infinity);
	const firstEndingAfter = (time: number) => {
		let lo = 0;
		let hi = gaps.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((gaps[mid] as ScaleBreak).start < time) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
	for (let i = 0; i < starts.length; i++) {
		const start = starts[i] as number;
		const end = ends[i] as number;
		const length = end - start;
		if (length >= long) continue;
		for (let g = firstEndingAfter(start); g < gaps.length; g++) {
			const gap = gaps[g] as ScaleBreak;
			if (gap.end > end) break;
			if (length < (shortest[g] as number)) shortest[g] = length;
		}
	}
	let kept = 0;
	gaps.forEach((gap, g) => {
		if ((shortest[g] as number) >= spanRatio * (gap.end - gap.start)) gaps[kept++] = gap;
	});
	gaps.length = kept;
}

const sum = (breaks: readonly ScaleBreak[]) =>
	breaks.reduce((length, b) => length + (b.end - b.start), 0);

/** The empty stretches of a timeline's events (their starts and ends). */
export function timelineGaps(timeline: Pick<PreparedTimeline, 'index'>): BrokenDomain {
	// The index holds every event's start and end in time order: no event object is read, which at
	// a million events was most of the first draw.
	const { starts, ends } = timeline.index;
	const n = starts.length;
	// Starts come in order, so only the ends need sorting before the two are merged (a loaded
	// file's index has them sorted already).
	const sortedEnds = timeline.index.sortedEnds ?? ends.slice().sort();
	const times = new Float64Array(2 * n);
	for (let i = 0, j = 0, k = 0; k < 2 * n; k++) {
		const start = starts[i] ?? Infinity;
		const end = sortedEnds[j] ?? Infinity;
		if (i < n && (j >= n || start <= end)) {
			times[k] = start;
			i++;
		} else {
			times[k] = end;
			j++;
		}
	}
	return findBreaks(times, true, {}, true, { starts, ends });
}

/**
 * The scale that shows a whole timeline across `width` pixels: with its empty stretches compressed
 * when `skipGaps` and it has any, else linear over its padded extent. The page and the export both
 * start from it.
 */
export function wholeScale(
	timeline: Pick<PreparedTimeline, 'index' | 'extent'>,
	width: number,
	skipGaps: boolean,
	gaps: BrokenDomain = timelineGaps(timeline)
): TimeScale {
	return skipGaps && gaps.breaks.length
		? timeScale(gaps.domain, width, gaps.breaks)
		: timeScale(paddedDomain(timeline.extent ?? [0, 86_400_000]), width);
}
