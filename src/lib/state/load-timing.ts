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

/** Prefix of the marks that say how a load went, beside its phases ({@link noteLoad}). */
export const LOAD_NOTE_PREFIX = 'eventline-note:';

function ours(type: 'mark' | 'measure', prefix = LOAD_TIMING_PREFIX): PerformanceEntry[] {
	return performance.getEntriesByType(type).filter((e) => e.name.startsWith(prefix));
}

/** A new load starts: the previous load's marks and measures are cleared. */
export function startLoadTiming(): void {
	if (!supported()) return;
	for (const type of ['mark', 'measure'] as const) {
		for (const prefix of [LOAD_TIMING_PREFIX, LOAD_NOTE_PREFIX]) {
			for (const name of new Set(ours(type, prefix).map((e) => e.name))) {
				if (type === 'mark') performance.clearMarks(name);
				else performance.clearMeasures(name);
			}
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

/**
 * How the load went, where it matters to a profile: `shared`, a large file's reading was shared
 * between two workers; `read-again`, it was then read again by one (an id was used in both halves).
 */
export function noteLoad(what: 'shared' | 'read-again'): void {
	if (supported()) performance.mark(`${LOAD_NOTE_PREFIX}${what}`);
}
