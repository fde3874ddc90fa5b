/**
 * Zoom and pan on the timeline's SVG, with embedded-map manners: ctrl/⌘ + wheel and trackpad pinch
 * zoom around the pointer; horizontal or shift + wheel pans; a plain vertical wheel scrolls the page
 * and asks `onPlainWheel` to show a hint; a mouse or one finger drags, two fingers pinch. Programmatic
 * moves (buttons, keys, the overview) animate along a smooth zoom path unless the reader prefers
 * reduced motion. The arithmetic is in gestures.ts; this file only listens and schedules frames.
 */
import type { Attachment } from 'svelte/attachments';
import {
	easeCubicInOut,
	panBy,
	pinch,
	wheelFactor,
	zoomAround,
	zoomPath,
	type Point
} from './gestures';
import type { ViewTransform } from '$lib/layout/viewport';
import type { TimelineView } from '$lib/state/view.svelte';

/** Duration of programmatic zooms, unless the reader prefers reduced motion. */
const ZOOM_MS = 350;

/** How far (px) a press may move and still count as a click or tap, not a drag. */
const CLICK_SLOP = 4;

const prefersReducedMotion = () =>
	typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** Attachment for the timeline's SVG. */
export function zoomable(view: TimelineView, onPlainWheel: () => void): Attachment<SVGSVGElement> {
	return (svg) => {
		const bounds = () => ({ width: view.width, kMax: view.kMax });
		const local = (event: MouseEvent): Point => {
			const box = svg.getBoundingClientRect();
			return { x: event.clientX - box.left, y: event.clientY - box.top };
		};

		// Input can arrive several times a frame; lay out and draw once per frame.
		let pending: ViewTransform | undefined;
		let frame: number | undefined;
		const current = () => pending ?? view.transform;
		const show = (transform: ViewTransform) => {
			pending = transform;
			frame ??= requestAnimationFrame(() => {
				frame = undefined;
				if (pending) view.transform = pending;
				pending = undefined;
			});
		};

		let animation: number | undefined;
		const stopAnimation = () => {
			if (animation !== undefined) cancelAnimationFrame(animation);
			animation = undefined;
		};
		const animateTo = (target: ViewTransform) => {
			stopAnimation();
			const path = zoomPath(current(), target, view.width);
			let started: number | undefined;
			const step = (now: number) => {
				started ??= now;
				const t = Math.min(1, (now - started) / ZOOM_MS);
				view.transform = path(easeCubicInOut(t));
				animation = t < 1 ? requestAnimationFrame(step) : undefined;
			};
			animation = requestAnimationFrame(step);
		};
		// Pointers down on the timeline, and the view and positions a gesture is measured from.
		const pointers = new Map<number, Point>();
		let start: { transform: ViewTransform; points: Point[] } | undefined;
		// What the pointers are doing: not yet known, panning or pinching, or leaving a vertical
		// swipe to the page's own scrolling.
		let mode: 'press' | 'pan' | 'pinch' | 'scroll' = 'press';
		// Set by a drag or a pinch: the click the browser sends at its end is not a click.
		let moved = false;
		// What had focus before a mouse press, to give it back if the press turns into a drag.
		let focusBefore: Element | null = null;
		const restart = () => {
			start = { transform: current(), points: [...pointers.values()] };
		};

		const detachSink = view.attach((transform, animate) => {
			stopAnimation();
			// Mid-gesture a move is applied at once, and the gesture goes on from it.
			if (animate && !pointers.size && !prefersReducedMotion()) animateTo(transform);
			else {
				pending = undefined;
				view.transform = transform;
				if (pointers.size) restart();
			}
		});

		/** The press became a drag: the mark it started on should not keep the focus it took. */
		const startDrag = () => {
			moved = true;
			const focused = document.activeElement;
			if (focused !== focusBefore && focused instanceof SVGElement && svg.contains(focused)) {
				if (focusBefore instanceof HTMLElement || focusBefore instanceof SVGElement)
					focusBefore.focus({ preventScroll: true });
				// The page itself had focus, or what had it cannot take it back.
				if (document.activeElement === focused) focused.blur();
			}
		};

		const onPointerDown = (event: PointerEvent) => {
			// The main mouse button without ctrl (ctrl + click is a context menu on a Mac); any touch.
			if (event.pointerType === 'mouse' && (event.button !== 0 || event.ctrlKey)) return;
			// A new gesture: forget pointers whose end never reached us.
			if (event.isPrimary) {
				pointers.clear();
				moved = false;
				mode = 'press';
				focusBefore = event.pointerType === 'mouse' ? document.activeElement : null;
			}
			stopAnimation();
			pointers.set(event.pointerId, local(event));
			// Captured by the SVG, which stays put while the marks under a finger are redrawn.
			try {
				svg.setPointerCapture(event.pointerId);
			} catch {
				// The pointer is already gone.
			}
			if (pointers.size >= 2) mode = 'pinch';
			restart();
		};
		const onPointerMove = (event: PointerEvent) => {
			if (!pointers.has(event.pointerId) || !start) return;
			pointers.set(event.pointerId, local(event));
			const now = [...pointers.values()];
			const [a, b] = start.points;
			if (mode === 'pinch' && a && b && now[0] && now[1]) {
				moved = true;
				show(pinch(start.transform, [a, b], [now[0], now[1]], bounds()));
				return;
			}
			if (!a || !now[0] || mode === 'scroll') return;
			const dx = now[0].x - a.x;
			const dy = now[0].y - a.y;
			if (mode === 'press' && Math.hypot(dx, dy) > CLICK_SLOP) {
				// A mostly vertical swipe of a finger scrolls the page (touch-action: pan-y).
				mode = event.pointerType === 'touch' && Math.abs(dy) > Math.abs(dx) ? 'scroll' : 'pan';
				if (mode === 'pan') startDrag();
			}
			if (mode === 'pan') show(panBy(start.transform, dx, bounds()));
		};
		const onPointerEnd = (event: PointerEvent) => {
			if (!pointers.delete(event.pointerId)) return;
			// The browser took the gesture over (a page scroll, say): undo what it had moved.
			if (event.type === 'pointercancel' && !pointers.size && start && mode === 'pan')
				show(start.transform);
			// A finger lifted from a pinch: the other one pans on from where it is.
			if (pointers.size) {
				mode = 'pan';
				restart();
			} else start = undefined;
		};
		// A drag ends with a click on whatever is under the pointer: it must not pin that event. A
		// click with no pointer behind it (detail 0: a screen reader, a key) is always a click.
		const onClickCapture = (event: MouseEvent) => {
			const wasDrag = moved && event.detail !== 0;
			moved = false;
			if (!wasDrag) return;
			event.stopPropagation();
			event.preventDefault();
		};

		const onWheel = (event: WheelEvent) => {
			if (event.ctrlKey || event.metaKey) {
				// Zoom, and keep the browser from zooming the page.
				event.preventDefault();
				stopAnimation();
				show(zoomAround(current(), wheelFactor(event), local(event).x, bounds()));
				if (pointers.size) restart();
				return;
			}
			const horizontal = Math.abs(event.deltaX) > Math.abs(event.deltaY);
			if (!horizontal && !event.shiftKey) {
				onPlainWheel();
				return;
			}
			event.preventDefault();
			stopAnimation();
			const unit = event.deltaMode === 1 ? 20 : event.deltaMode === 2 ? view.width : 1;
			const delta = (horizontal ? event.deltaX : event.deltaY || event.deltaX) * unit;
			show(panBy(current(), -delta, bounds()));
			if (pointers.size) restart();
		};

		// Removing them all again takes an AbortController's signal, not a second list.
		const listening = new AbortController();
		const on = <K extends keyof SVGElementEventMap>(
			type: K,
			listener: (event: SVGElementEventMap[K]) => void,
			options: AddEventListenerOptions = {}
		) => svg.addEventListener(type, listener, { ...options, signal: listening.signal });
		on('pointerdown', onPointerDown);
		on('pointermove', onPointerMove);
		on('pointerup', onPointerEnd);
		on('pointercancel', onPointerEnd);
		on('lostpointercapture', onPointerEnd);
		on('click', onClickCapture, { capture: true });
		on('wheel', onWheel, { passive: false });

		return () => {
			if (frame !== undefined) cancelAnimationFrame(frame);
			stopAnimation();
			listening.abort();
			detachSink();
		};
	};
}
