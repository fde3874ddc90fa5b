/**
 * The timeline's keyboard map. Arrow keys move between events (left/right in time, up/down between
 * lanes), Home/End jump to the ends, Enter or Space pins the details, Escape closes them, + and -
 * zoom, 0 fits everything.
 */
import { goToEvent } from '$lib/state/context';
import type { SelectionState } from '$lib/state/selection.svelte';
import type { TimelineView } from '$lib/state/view.svelte';
import { keyToMove, moveFocus } from './navigate';

/** What the keyboard map needs from the page. */
export interface KeyboardTarget {
	view: TimelineView;
	selection: SelectionState;
	/** Moves DOM focus to the mark of `id` once it is on screen. */
	focusMark: (id: string) => void;
}

/** Handles one keydown on the timeline; returns true when the key was used (so the caller prevents its default). */
export function handleTimelineKey(
	event: KeyboardEvent,
	{ view, selection, focusMark }: KeyboardTarget
): boolean {
	if (event.altKey || event.ctrlKey || event.metaKey) return false;
	const move = keyToMove(event.key);
	if (move) {
		const lanes = view.timeline.lanes.map((lane) => lane.id);
		const target = moveFocus(
			view.timeline.events,
			lanes,
			selection.focused ?? selection.pinned,
			move
		);
		if (!target) return false;
		goToEvent({ view, selection }, target.id);
		focusMark(target.id);
		return true;
	}
	const focusedEvent = view.timeline.events.find((e) => e.id === selection.focused);
	const focusTime = focusedEvent && (focusedEvent.wall.start + focusedEvent.wall.end) / 2;
	switch (event.key) {
		case 'Enter':
		case ' ':
			if (!selection.focused) return false;
			selection.pinned = selection.focused;
			return true;
		case 'Escape':
			if (selection.pinned) selection.pinned = undefined;
			else if (selection.focused && !selection.tooltipHidden) selection.tooltipHidden = true;
			else return false;
			return true;
		case '+':
		case '=':
			view.zoomBy(2, focusTime);
			return true;
		case '-':
		case '_':
			view.zoomBy(0.5, focusTime);
			return true;
		case '0':
			view.fit();
			return true;
		default:
			return false;
	}
}
