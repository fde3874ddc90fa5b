/**
 * Keyboard movement over what the timeline draws: left/right in time order, up/down to the nearest
 * event in time in the lane above or below, Home/End to the ends. Events counted in a cluster are
 * reached through the cluster: an arrow lands on the cluster as one stop, and Enter opens it.
 */
import type { ClusterLayout } from '$lib/layout/lanes';
import type { PreparedEvent } from '$lib/model/timeline';

/** A direction the keyboard can move the focus in. */
export type Move = 'next' | 'previous' | 'up' | 'down' | 'first' | 'last';

/** Something the keyboard can focus on the timeline. */
export type FocusTarget =
	{ kind: 'event'; event: PreparedEvent } | { kind: 'cluster'; cluster: ClusterLayout };

const midpoint = (e: PreparedEvent) => (e.wall.start + e.wall.end) / 2;

/** True when `event` is one of the events `cluster` counts (clusters slice a lane by midpoint). */
export function inCluster(event: PreparedEvent, cluster: ClusterLayout): boolean {
	const mid = midpoint(event);
	return event.lane === cluster.lane && mid >= cluster.start && mid <= cluster.end;
}

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
	return step(events, laneOrder, index, move);
}

function step(
	events: readonly PreparedEvent[],
	laneOrder: readonly string[],
	index: number,
	move: Move
): PreparedEvent | undefined {
	const from = events[index];
	if (move === 'first' || !from) return events[0];
	if (move === 'last') return events[events.length - 1];
	if (move === 'next') return events[Math.min(index + 1, events.length - 1)];
	if (move === 'previous') return events[Math.max(index - 1, 0)];
	const lane = laneOrder.indexOf(from.lane);
	const direction = move === 'down' ? 1 : -1;
	const t = midpoint(from);
	for (let l = lane + direction; l >= 0 && l < laneOrder.length; l += direction) {
		let best: PreparedEvent | undefined;
		for (const e of events) {
			if (e.lane !== laneOrder[l]) continue;
			if (!best || Math.abs(midpoint(e) - t) < Math.abs(midpoint(best) - t)) best = e;
		}
		if (best) return best;
	}
	return from;
}

/** Where the focus is now: an event (by id), a cluster, or nothing yet. */
export interface FocusNow {
	event?: string;
	cluster?: ClusterLayout;
}

/**
 * The target to focus after `move` from `now`, given the clusters drawn at this zoom. An event that
 * a drawn cluster counts is reached as that cluster, unless the focus is already inside it (after
 * Enter opened it), so the reader steps over a dense burst in one key press, or into it, event by
 * event, after opening it.
 */
export function moveTarget(
	events: readonly PreparedEvent[],
	clusters: readonly ClusterLayout[],
	laneOrder: readonly string[],
	now: FocusNow,
	move: Move
): FocusTarget | undefined {
	if (events.length === 0) return undefined;
	let index = -1;
	let from: ClusterLayout | undefined;
	if (now.cluster) {
		from = now.cluster;
		const cluster = from;
		// Step from the cluster's edge: its last event going on, its first going back, so that
		// the events it counts are passed over in one step.
		const members = events.flatMap((e, i) => (inCluster(e, cluster) ? [i] : []));
		index = (move === 'previous' ? members[0] : members[members.length - 1]) ?? -1;
	} else if (now.event !== undefined) {
		index = events.findIndex((e) => e.id === now.event);
	}
	const current = from ? undefined : events[index];
	const candidate = step(events, laneOrder, index, move);
	if (!candidate) return undefined;
	const holder = clusters.find((c) => inCluster(candidate, c));
	// From an event already inside the cluster (it was opened), the next one inside is an event.
	const inside = holder && !from && current !== undefined && inCluster(current, holder);
	if (holder && !inside) return { kind: 'cluster', cluster: holder };
	return { kind: 'event', event: candidate };
}

/** The first event, in time order, that `cluster` counts. */
export function firstInCluster(
	events: readonly PreparedEvent[],
	cluster: ClusterLayout
): PreparedEvent | undefined {
	return events.find((e) => inCluster(e, cluster));
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
