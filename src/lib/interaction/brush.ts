/**
 * The overview's window as a brush: drag the window to pan, drag an edge to zoom, press outside it
 * to jump there. Pure geometry here; the component turns pointer events into calls.
 */

/** What a press on the overview grabbed. */
export type BrushGrab = 'move' | 'start' | 'end' | 'jump';

/** Which part of the window a press at `x` grabs; edges are `handle` pixels wide. */
export function grabAt(x: number, window: readonly [number, number], handle = 8): BrushGrab {
	const [x0, x1] = window;
	if (Math.abs(x - x0) <= handle && x < (x0 + x1) / 2) return 'start';
	if (Math.abs(x - x1) <= handle) return 'end';
	if (x > x0 && x < x1) return 'move';
	return 'jump';
}

/**
 * The new window (pixels on the overview) after dragging `grab` by `dx` from `start`, kept inside
 * `[0, width]` and at least `minWidth` wide.
 */
export function dragWindow(
	grab: Exclude<BrushGrab, 'jump'>,
	start: readonly [number, number],
	dx: number,
	width: number,
	minWidth: number
): [number, number] {
	const [x0, x1] = start;
	if (grab === 'move') {
		const shift = Math.min(width - x1, Math.max(-x0, dx));
		return [x0 + shift, x1 + shift];
	}
	if (grab === 'start') return [Math.min(x1 - minWidth, Math.max(0, x0 + dx)), x1];
	return [x0, Math.max(x0 + minWidth, Math.min(width, x1 + dx))];
}

/** A window of the same width centred on `x`, kept inside `[0, width]`. */
export function jumpWindow(
	start: readonly [number, number],
	x: number,
	width: number
): [number, number] {
	const w = start[1] - start[0];
	const x0 = Math.min(width - w, Math.max(0, x - w / 2));
	return [x0, x0 + w];
}
