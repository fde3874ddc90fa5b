/**
 * The phases of a load on the page's performance timeline, so a profiler or `npm run bench` can see
 * where the time went: `eventline:start`, then one mark as each phase ends (download or read, parse,
 * index, transfer, draw) and a measure of the same name spanning it.
 */

/** Prefix of every mark and measure a load leaves. */
export const LOAD_TIMING_PREFIX = 'eventline:';

/** The phases of a load, in order; each ends with a mark and a measure of its name. */
export type LoadTimingPhase = 'download' | 'read' | 'parse' | 'index' | 'transfer' | 'draw';

const supported = () =>
	typeof performance !== 'undefined' && typeof performance.mark === 'function';

function ours(type: 'mark' | 'measure'): PerformanceEntry[] {
	return performance.getEntriesByType(type).filter((e) => e.name.startsWith(LOAD_TIMING_PREFIX));
}

/** A new load starts: the previous load's marks and measures are cleared. */
export function startLoadTiming(): void {
	if (!supported()) return;
	for (const type of ['mark', 'measure'] as const) {
		for (const name of new Set(ours(type).map((e) => e.name))) {
			if (type === 'mark') performance.clearMarks(name);
			else performance.clearMeasures(name);
		}
	}
	performance.mark(`${LOAD_TIMING_PREFIX}start`);
}

/** `phase` has ended: marks it and measures it from the mark before (the previous phase's end). */
export function endLoadPhase(phase: LoadTimingPhase): void {
	if (!supported()) return;
	const previous = ours('mark').at(-1);
	if (!previous) return;
	const name = `${LOAD_TIMING_PREFIX}${phase}`;
	performance.mark(name);
	performance.measure(name, previous.name, name);
}
