/**
 * Typed context for the timeline's state, so components deep in the tree get it without prop chains.
 */
import { createContext } from 'svelte';
import type { SelectionState } from './selection.svelte';
import type { ThemeState } from './theme.svelte';
import type { TimelineView } from './view.svelte';

/** The view, selection and theme of the timeline a component belongs to. */
export interface TimelineContext {
	view: TimelineView;
	selection: SelectionState;
	theme: ThemeState;
}

export const [getTimelineContext, setTimelineContext] = createContext<TimelineContext>();

/** How {@link goToEvent} goes to an event. */
export interface GoToOptions {
	/** Pin its details open. Moving while details are pinned always moves the pin along. */
	pin?: boolean;
	/** @default true */
	animate?: boolean;
}

/**
 * Goes to the event with `id`: the one action behind the arrow keys, the panel's Previous and
 * Next, the search's Enter and the list's "Show on timeline". The event becomes the focused one
 * (its tooltip allowed again), pinned when asked or when details are already pinned, and the view
 * pans to it if it is out of sight.
 */
export function goToEvent(
	{ view, selection }: Pick<TimelineContext, 'view' | 'selection'>,
	id: string,
	{ pin = false, animate = true }: GoToOptions = {}
) {
	selection.focused = id;
	selection.tooltipHidden = false;
	if (pin || selection.pinned !== undefined) selection.pinned = id;
	view.reveal(id, animate);
}
