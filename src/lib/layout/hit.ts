/**
 * Hover and tap hit-testing over layout output: which mark is under a point. Marks are bucketed by
 * row and sorted by x once per layout, so each pointer move is a bisection, not a scan of every mark.
 */
import { bisector } from 'd3-array';
import type { LabelBox } from './lanes';

/** Anything drawn in a row that the pointer can land on: an event's mark or a cluster. */
export interface HitTarget {
	x0: number;
	x1: number;
	y: number;
	/** Height of the target's row, when it is not the index's `rowHeight` (a wrapped label's). */
	rowHeight?: number;
	label?: LabelBox;
}

/** A target's clickable extent: the shape and its label. */
interface HitBox<T> {
	x0: number;
	x1: number;
	/** The furthest right any box up to this one in its row reaches. */
	reach: number;
	mark: T;
}

/** An index of marks for repeated hit tests against one layout. */
export interface HitIndex<T extends HitTarget> {
	/** The target at (x, y), or the nearest within `slop` pixels horizontally; undefined if none. */
	find(x: number, y: number, slop?: number): T | undefined;
}

function hitBox<T extends HitTarget>(mark: T): HitBox<T> {
	let x0 = mark.x0;
	let x1 = mark.x1;
	if (mark.label) {
		const left = mark.label.anchor === 'end' ? mark.label.x - mark.label.width : mark.label.x;
		x0 = Math.min(x0, left);
		x1 = Math.max(x1, left + mark.label.width);
	}
	return { x0, x1, reach: x1, mark };
}

const byStart = bisector((box: HitBox<HitTarget>) => box.x0).right;

/** Builds a {@link HitIndex} for targets laid out in rows `rowHeight` pixels tall. */
export function hitIndex<T extends HitTarget>(marks: readonly T[], rowHeight: number): HitIndex<T> {
	const rows = new Map<number, { half: number; boxes: HitBox<T>[] }>();
	for (const mark of marks) {
		const key = Math.round(mark.y);
		let row = rows.get(key);
		if (!row) rows.set(key, (row = { half: rowHeight / 2, boxes: [] }));
		row.half = Math.max(row.half, (mark.rowHeight ?? rowHeight) / 2);
		row.boxes.push(hitBox(mark));
	}
	for (const { boxes } of rows.values()) {
		boxes.sort((a, b) => a.x0 - b.x0);
		let reach = -Infinity;
		for (const box of boxes) box.reach = reach = Math.max(reach, box.x1);
	}
	const rowKeys = [...rows.keys()].sort((a, b) => a - b);

	return {
		find(x, y, slop = 4) {
			// The row whose band holds y: the nearest row centre, if y is inside that row.
			let key: number | undefined;
			for (const k of rowKeys) {
				const row = rows.get(k);
				if (
					row &&
					Math.abs(k - y) <= row.half &&
					(key === undefined || Math.abs(k - y) < Math.abs(key - y))
				)
					key = k;
			}
			const boxes = key === undefined ? undefined : rows.get(key)?.boxes;
			if (!boxes) return undefined;
			// Boxes starting at or before x + slop; the best is the closest one that reaches x.
			let best: HitBox<T> | undefined;
			let bestDistance = Infinity;
			for (let i = byStart(boxes, x + slop) - 1; i >= 0; i--) {
				const box = boxes[i] as HitBox<T>;
				const distance = x < box.x0 ? box.x0 - x : x > box.x1 ? x - box.x1 : 0;
				if (distance < bestDistance) {
					best = box;
					bestDistance = distance;
				}
				// Once no box this far left reaches near x, none further left can: a long span that
				// starts early is still found, however many short boxes start after it.
				if (box.reach < x - slop) break;
			}
			return bestDistance <= slop ? best?.mark : undefined;
		}
	};
}
