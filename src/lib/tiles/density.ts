/**
 * Count tiles as the lanes' density: the {@link LaneDensity} layout draws a tiled timeline's lanes
 * from while its events are not at hand.
 */
import type { DensityBar, LaneDensity } from '$lib/model/density';
import { bucketsIn, mergeBars, sliceFor, type CountBucket, type TileCounts } from './counts';
import { barSample, type TimelineHead } from './events';

/** The density of every lane from the count tiles at hand, at the level `counts` wants. */
export function tileDensity(counts: TileCounts, head: TimelineHead): LaneDensity {
	// Layout asks lane by lane for the same window: read the tiles once per window.
	let window: { from: number; to: number; byLane: Map<string, CountBucket[]> } | undefined;
	const bucketMs = counts.pyramid.levels[counts.level]?.bucketMs ?? 1;
	return {
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
}
