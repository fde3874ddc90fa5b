/**
 * Binds d3-zoom to the timeline's SVG (the one place d3 touches the DOM), with embedded-map manners:
 * ctrl/⌘ + wheel and trackpad pinch zoom around the pointer; horizontal or shift + wheel pans; a plain
 * vertical wheel scrolls the page and asks `onPlainWheel` to show a hint; drag and touch pan and pinch.
 * Loaded by `zoom.ts` after the page has painted: d3-zoom, d3-selection and d3-transition are a fifth
 * of the page's JavaScript, and nothing needs them before the reader moves the timeline.
 */
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import { untrack } from 'svelte';
import { clampTransform, type ViewTransform } from './viewport';
import type { TimelineView } from '$lib/state/view.svelte';

/** Duration of programmatic zooms, unless the reader prefers reduced motion. */
export const ZOOM_MS = 350;

const prefersReducedMotion = () =>
	typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** d3's transform for a {@link ViewTransform}. */
const toD3 = ({ k, x }: ViewTransform): ZoomTransform => zoomIdentity.translate(x, 0).scale(k);

/**
 * Binds the zoom behaviour to `svg`, bounded to `kMax`, and starts it from the view's transform.
 * Returns the function that unbinds it.
 */
export function bindZoom(
	svg: SVGSVGElement,
	view: TimelineView,
	kMax: number,
	onPlainWheel: () => void
): () => void {
	const selection = select(svg);
	let pending: ZoomTransform | undefined;
	let frame: number | undefined;
	const behaviour = zoom<SVGSVGElement, unknown>()
		.filter((event: Event) => {
			if (event.type === 'wheel')
				return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
			const mouse = event as MouseEvent;
			return !mouse.ctrlKey && !mouse.button;
		})
		.constrain((transform) => {
			const bounded = clampTransform(transform, view.width, kMax);
			return bounded === transform && transform.y === 0 ? transform : toD3(bounded);
		})
		// d3 must know the real bound: it keeps the point under the pointer still only while the
		// zoom factor stays within scaleExtent.
		.scaleExtent([1, kMax])
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			// Wheel and touch can fire several times a frame; lay out and draw once per frame.
			pending = event.transform;
			frame ??= requestAnimationFrame(() => {
				frame = undefined;
				if (pending) view.transform = pending;
			});
		});
	selection.call(behaviour).on('dblclick.zoom', null);
	// d3 keeps its own copy of the transform on the element: start it from the view's. Untracked,
	// or every zoom would re-run this attachment and interrupt the zoom's own transition.
	behaviour.transform(selection, toD3(untrack(() => view.transform)));

	const detach = view.attach((transform, animate) => {
		if (animate && !prefersReducedMotion()) {
			behaviour.transform(selection.transition().duration(ZOOM_MS), toD3(transform));
		} else {
			selection.interrupt();
			behaviour.transform(selection, toD3(transform));
		}
	});

	const onWheel = (event: WheelEvent) => {
		if (event.ctrlKey || event.metaKey) return;
		const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
		if (!horizontal && !event.shiftKey) {
			onPlainWheel();
			return;
		}
		event.preventDefault();
		const unit = event.deltaMode === 1 ? 20 : event.deltaMode === 2 ? view.width : 1;
		const delta = (horizontal ? event.deltaX : event.deltaY || event.deltaX) * unit;
		behaviour.translateBy(selection, -delta / view.transform.k, 0);
	};
	svg.addEventListener('wheel', onWheel, { passive: false });

	return () => {
		if (frame !== undefined) cancelAnimationFrame(frame);
		svg.removeEventListener('wheel', onWheel);
		selection.on('.zoom', null);
		detach();
	};
}
