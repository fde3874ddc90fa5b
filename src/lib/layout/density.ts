/**
 * What the drawing shows as counts rather than marks, lane by lane: the clusters of each clustered
 * lane in view, left to right, and their total. The list beside the figure reads this, so a reader
 * (or a screen reader) gets the numbers behind every bar, and they add up to the lane's events in
 * view.
 */
import type { ClusterLayout, TimelineLayout } from './lanes';

/** One clustered lane in view: its clusters in time order and the events they hold. */
export interface LaneDensity {
	lane: string;
	laneIndex: number;
	/** Events in the lane's clusters in view: the sum of their counts. */
	total: number;
	/** True when the lane reads as density (bars) rather than as a few counted boxes. */
	bars: boolean;
	clusters: ClusterLayout[];
}

/** The clustered lanes of a layout, in lane order, each with its clusters in time order. */
export function densityInView(layout: Pick<TimelineLayout, 'clusters'>): LaneDensity[] {
	const byLane = new Map<number, LaneDensity>();
	for (const cluster of layout.clusters) {
		let lane = byLane.get(cluster.laneIndex);
		if (!lane) {
			lane = {
				lane: cluster.lane,
				laneIndex: cluster.laneIndex,
				total: 0,
				bars: !cluster.counted,
				clusters: []
			};
			byLane.set(cluster.laneIndex, lane);
		}
		lane.total += cluster.count;
		lane.clusters.push(cluster);
	}
	const lanes = [...byLane.values()].sort((a, b) => a.laneIndex - b.laneIndex);
	for (const lane of lanes) lane.clusters.sort((a, b) => a.start - b.start);
	return lanes;
}
