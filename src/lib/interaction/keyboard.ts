/**
 * The timeline's keyboard map. Arrow keys move between events and clusters (left/right in time,
 * up/down between lanes), Home/End jump to the ends, Enter or Space pins an event's details or opens
 * a cluster, Escape closes the details (then the tooltip), + and − zoom, 0 fits everything. It talks
 * to the page through {@link TimelineKeys}, a handful of commands, not the whole view.
 */
import type { ClusterLayout } from '$lib/layout/lanes';
import type { PreparedEvent } from '$lib/model/timeline';
import { keyToMove, moveTarget } from './navigate';

/** What the keyboard map reads and asks of the timeline. */
export interface TimelineKeys {
	/** Every event, in time order. */
	readonly events: readonly PreparedEvent[];
	/** The clusters drawn at this zoom. */
	readonly clusters: readonly ClusterLayout[];
	readonly laneOrder: readonly string[];
	/** The focused event's id, or the focused cluster. */
	readonly focused: { event?: string; cluster?: ClusterLayout };
	readonly pinned: string | undefined;
	/** True when the focused event's tooltip was hidden with Escape. */
	readonly tooltipHidden: boolean;
	/** Brings the event into view and moves focus to it. */
	focusEvent(id: string): void;
	/** Moves focus to a cluster. */
	focusCluster(cluster: ClusterLayout): void;
	/** Zooms in to a cluster's events and focuses the first of them. */
	openCluster(cluster: ClusterLayout): void;
	/** Pins an event's details open, or closes them. */
	pin(id: string | undefined): void;
	hideTooltip(): void;
	/** Zooms by `factor` around wall-clock time `at` (the centre when undefined). */
	zoomBy(factor: number, at?: number): void;
	fit(): void;
}

/** Handles one keydown on the timeline; true when the key was used (the caller prevents its default). */
export function handleTimelineKey(
	event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
	keys: TimelineKeys
): boolean {
	if (event.altKey || event.ctrlKey || event.metaKey) return false;
	const { focused } = keys;
	const move = keyToMove(event.key);
	if (move) {
		const target = moveTarget(keys.events, keys.clusters, keys.laneOrder, focused, move);
		if (!target) return false;
		if (target.kind === 'cluster') keys.focusCluster(target.cluster);
		else keys.focusEvent(target.event.id);
		return true;
	}
	const focusedEvent =
		focused.event === undefined ? undefined : keys.events.find((e) => e.id === focused.event);
	const focusTime = focused.cluster
		? (focused.cluster.start + focused.cluster.end) / 2
		: focusedEvent && (focusedEvent.wall.start + focusedEvent.wall.end) / 2;
	switch (event.key) {
		case 'Enter':
		case ' ':
			if (focused.cluster) keys.openCluster(focused.cluster);
			else if (focused.event !== undefined) keys.pin(focused.event);
			else return false;
			return true;
		case 'Escape':
			if (keys.pinned !== undefined) keys.pin(undefined);
			else if (focused.event !== undefined && !keys.tooltipHidden) keys.hideTooltip();
			else return false;
			return true;
		case '+':
		case '=':
			keys.zoomBy(2, focusTime);
			return true;
		case '-':
		case '_':
			keys.zoomBy(0.5, focusTime);
			return true;
		case '0':
			keys.fit();
			return true;
		default:
			return false;
	}
}
