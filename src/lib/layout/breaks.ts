/**
 * Axis breaks: where the data leaves long stretches of time empty, and the domain that shows it with
 * those stretches compressed. A stretch is empty when no event starts or ends in it (a long span may
 * run through it), and long relative to the time still shown, so a report of one week with a
 * prologue months before shows the week, not the months between.
 */
import type { PreparedEvent, PreparedTimeline } from '$lib/model/timeline';
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
}

/** The defaults for {@link BreakOptions}. */
export const DEFAULT_BREAKS: BreakOptions = {
	ratio: 0.5,
	padding: 0.04,
	minPadding: 3_600_000,
	minKept: 0.01
};

/** The whole extent as shown: its padded domain and the stretches compressed within it. */
export interface BrokenDomain {
	domain: [number, number];
	breaks: ScaleBreak[];
}

/**
 * The domain and breaks for data whose events start and end at `times` (any order). Gaps are taken
 * longest first while each is long enough against what would remain; each keeps some room beside
 * the events around it. With `enabled` false, or no such gap, there are no breaks.
 */
export function findBreaks(
	times: ArrayLike<number>,
	enabled = true,
	options: Partial<BreakOptions> = {}
): BrokenDomain {
	const { ratio, padding, minPadding, minKept } = { ...DEFAULT_BREAKS, ...options };
	const sorted = Float64Array.from(times).sort();
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

const sum = (breaks: readonly ScaleBreak[]) =>
	breaks.reduce((length, b) => length + (b.end - b.start), 0);

/** The empty stretches of a timeline's events (their starts and ends). */
export function timelineGaps(events: readonly Pick<PreparedEvent, 'wall'>[]): BrokenDomain {
	const times = new Float64Array(events.length * 2);
	events.forEach((e, i) => {
		times[2 * i] = e.wall.start;
		times[2 * i + 1] = e.wall.end;
	});
	return findBreaks(times);
}

/**
 * The scale that shows a whole timeline across `width` pixels: with its empty stretches compressed
 * when `skipGaps` and it has any, else linear over its padded extent. The page and the export both
 * start from it.
 */
export function wholeScale(
	timeline: Pick<PreparedTimeline, 'events' | 'extent'>,
	width: number,
	skipGaps: boolean,
	gaps: BrokenDomain = timelineGaps(timeline.events)
): TimeScale {
	return skipGaps && gaps.breaks.length
		? timeScale(gaps.domain, width, gaps.breaks)
		: timeScale(paddedDomain(timeline.extent ?? [0, 86_400_000]), width);
}
