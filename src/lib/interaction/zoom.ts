/**
 * The timeline's zoom and pan by pointer, wheel and touch, attached to its SVG. The d3 behaviour that
 * does it (zoom-behaviour.ts) is loaded on its own after the page has painted; until it arrives the
 * buttons and keys already move the view, since the view's state does not depend on d3-zoom.
 */
import type { Attachment } from 'svelte/attachments';
import type { TimelineView } from '$lib/state/view.svelte';

let loading: Promise<typeof import('./zoom-behaviour')> | undefined;

/** Loads the zoom behaviour once; the page waits for it before it says it is ready. */
export const loadZoom = () => (loading ??= import('./zoom-behaviour'));

/** Attachment for the timeline's SVG. */
export function zoomable(view: TimelineView, onPlainWheel: () => void): Attachment<SVGSVGElement> {
	return (svg) => {
		// Read here, so the behaviour is bound again with the new bound when the data changes.
		const kMax = view.kMax;
		let unbind: (() => void) | undefined;
		let detached = false;
		void loadZoom().then(({ bindZoom }) => {
			if (!detached) unbind = bindZoom(svg, view, kMax, onPlainWheel);
		});
		return () => {
			detached = true;
			unbind?.();
		};
	};
}
