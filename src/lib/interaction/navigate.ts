/**
 * Keyboard movement between events: left/right in time order, up/down to the nearest event in time
 * in the lane above or below, Home/End to the ends.
 */
import type { PreparedEvent } from '$lib/model/timeline';

/** A direction the keyboard can move the focus in. */
export type Move = 'next' | 'previous' | 'up' | 'down' | 'first' | 'last';

const midpoint = (e: PreparedEvent) => (e.wall.start + e.wall.end) / 2;

/**
 * The event to focus after `move` from `current` (an id), among `events` sorted in time order with
 * lanes in `laneOrder`. With nothing focused yet, any move lands on the first event.
 */
export function moveFocus(
	events: readonly PreparedEvent[],
	laneOrder: readonly string[],
	current: string | undefined,
	move: Move
): PreparedEvent | undefined {
	if (events.length === 0) return undefined;
	const index = current === undefined ? -1 : events.findIndex((e) => e.id === current);
	const from = events[index];
	if (move === 'first' || !from) return events[0];
	if (move === 'last') return events[events.length - 1];
	if (move === 'next') return events[Math.min(index + 1, events.length - 1)];
	if (move === 'previous') return events[Math.max(index - 1, 0)];
	const lane = laneOrder.indexOf(from.lane);
	const step = move === 'down' ? 1 : -1;
	const t = midpoint(from);
	for (let l = lane + step; l >= 0 && l < laneOrder.length; l += step) {
		let best: PreparedEvent | undefined;
		for (const e of events) {
			if (e.lane !== laneOrder[l]) continue;
			if (!best || Math.abs(midpoint(e) - t) < Math.abs(midpoint(best) - t)) best = e;
		}
		if (best) return best;
	}
	return from;
}

/** The move a key stands for, if any. */
export function keyToMove(key: string): Move | undefined {
	switch (key) {
		case 'ArrowRight':
			return 'next';
		case 'ArrowLeft':
			return 'previous';
		case 'ArrowUp':
			return 'up';
		case 'ArrowDown':
			return 'down';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		default:
			return undefined;
	}
}
