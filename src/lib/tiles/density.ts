/**
 * Count tiles as the lanes' density: the {@link LaneDensity} layout draws a tiled timeline's lanes
 * from while its events are not at hand.
 */
import type { DensityBar, DensityCluster, LaneDensity } from '$lib/model/density';
import { bucketsIn, mergeBars, sliceFor, type CountBucket, type TileCounts } from './counts';
import { barSample, type TimelineHead } from './events';

/** The density of every lane from the count tiles at hand, at the level `counts` wants. */
export function tileDensity(counts: TileCounts, head: TimelineHead): LaneDensity {
	// Layout asks lane by lane for the same window: read the tiles once per window.
	let window: { from: number; to: number; byLane: Map<string, CountBucket[]> } | undefined;
	const bucketMs = counts.pyramid.levels[counts.level]?.bucketMs ?? 1;
	const density: LaneDensity = {
		clusters(lane, scale, from, to, msPerPixel, px, countedMax): DensityCluster[] {
			return placeBars(density.bars(lane.id, from, to, msPerPixel, px), lane, scale, countedMax);
		},
		bars(lane, from, to, msPerPixel, px): DensityBar[] {
			if (!window || window.from !== from || window.to !== to) {
				const byLane = new Map<string, CountBucket[]>();
				for (const bucket of bucketsIn(counts, from, to).buckets) {
					const list = byLane.get(bucket.lane);
					if (list) list.push(bucket);
					else byLane.set(bucket.lane, [bucket]);
				}
				window = { from, to, byLane };
			}
			const slice = sliceFor(bucketMs, msPerPixel, px);
			return mergeBars(window.byLane.get(lane) ?? [], counts.pyramid.origin, slice).map((bar) => ({
				start: bar.start,
				end: bar.end,
				count: bar.n,
				first: bar.first,
				last: bar.last,
				get sample() {
					return barSample(bar, head);
				}
			}));
		}
	};
	return density;
}

/**
 * One lane's bars placed by `scale`, as layout draws clusters: counted boxes when at most
 * `countedMax`, else a profile whose heights are counts against the lane's densest.
 */
export function placeBars(
	bars: readonly DensityBar[],
	lane: { id: string; index: number },
	scale: (t: number) => number,
	countedMax: number
): DensityCluster[] {
	const densest = bars.reduce((most, b) => Math.max(most, b.count), 1);
	const counted = bars.length <= countedMax;
	return bars.map((bar) => {
		const x0 = scale(bar.start) + 1;
		return {
			id: `cluster:${lane.id}:${bar.start}`,
			lane: lane.id,
			laneIndex: lane.index,
			x0,
			x1: Math.max(x0 + 1, scale(bar.end) - 1),
			count: bar.count,
			density: bar.count / densest,
			counted,
			start: bar.first,
			end: bar.last,
			// Read from the counts only when a tooltip names them.
			get sample() {
				return bar.sample;
			}
		};
	});
}
