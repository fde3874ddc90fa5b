/**
 * Counts standing in for events: where a timeline's events are not all at hand (a tile set read
 * from a server), its lanes are drawn from how many events each stretch of time holds. Layout reads
 * this shape; `$lib/tiles` makes it from count tiles.
 */
import type { PreparedEvent } from './timeline';

/** A stretch of one lane's time and how many events have their midpoint in it. */
export interface DensityBar {
	/** The stretch, as display wall-clock ms. */
	start: number;
	end: number;
	count: number;
	/** Earliest start and latest end of its events. */
	first: number;
	last: number;
	/** A few of its events, to name in a tooltip. */
	sample: PreparedEvent[];
}

/** Counts for every lane of a timeline whose events are not at hand. */
export interface LaneDensity {
	/**
	 * The bars of `lane` meeting `[from, to]`, in time order, each about `px` pixels wide at
	 * `msPerPixel`.
	 */
	bars(lane: string, from: number, to: number, msPerPixel: number, px: number): DensityBar[];
}
