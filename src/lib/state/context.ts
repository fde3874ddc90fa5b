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
