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

/** A bar placed on screen: what layout draws as a cluster (a counted box, or part of a profile). */
export interface DensityCluster {
	/** `cluster:<lane>:<start>`. */
	id: string;
	lane: string;
	laneIndex: number;
	x0: number;
	x1: number;
	count: number;
	/** Its count against the densest bar of its lane in view. */
	density: number;
	/** True when its lane has few bars in view, each a box with its count written on it. */
	counted: boolean;
	/** Wall-clock extent of its events. */
	start: number;
	end: number;
	sample: PreparedEvent[];
}

/** Counts for every lane of a timeline whose events are not at hand. */
export interface LaneDensity {
	/**
	 * The bars of `lane` meeting `[from, to]`, in time order, each about `px` pixels wide at
	 * `msPerPixel`.
	 */
	bars(lane: string, from: number, to: number, msPerPixel: number, px: number): DensityBar[];
	/**
	 * The bars of a lane placed by `scale` over `[from, to]`: counted boxes when at most
	 * `countedMax`, else a profile whose heights are counts against the lane's densest.
	 */
	clusters(
		lane: { id: string; index: number },
		scale: (t: number) => number,
		from: number,
		to: number,
		msPerPixel: number,
		px: number,
		countedMax: number
	): DensityCluster[];
}
