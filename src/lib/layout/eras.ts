/**
 * Eras as bands behind the lanes: where each one runs across the view and the label that fits it.
 */
import type { PreparedEra } from '$lib/model/timeline';
import type { TimeScale } from './scale';
import { fitText } from './text';

/** Size of an era's label. */
export const ERA_LABEL_SIZE = 11;
const LABEL_PAD = 4;

/** One era's band in view. */
export interface EraBand {
	/** Position among the timeline's eras, to alternate their shades. */
	index: number;
	x: number;
	width: number;
	/** The era's title cut to the band's visible width; empty when nothing fits. */
	label: string;
	/** Where the label starts: inside the visible part of the band. */
	labelX: number;
}

/** The bands of the eras that reach into `[0, width]` pixels under `scale`, in time order. */
export function layoutEras(
	eras: readonly PreparedEra[],
	scale: TimeScale,
	width: number
): EraBand[] {
	const bands: EraBand[] = [];
	eras.forEach(({ era, wall }, index) => {
		const x0 = Math.max(0, scale(wall.start));
		const x1 = Math.min(width, scale(wall.end));
		if (!(x1 > x0)) return;
		const room = x1 - x0 - 2 * LABEL_PAD;
		bands.push({
			index,
			x: x0,
			width: x1 - x0,
			label: era.title && room > 0 ? fitText(era.title, ERA_LABEL_SIZE, room) : '',
			labelX: x0 + LABEL_PAD
		});
	});
	return bands;
}
