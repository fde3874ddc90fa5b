/**
 * Zoom and pan on the timeline's SVG, with embedded-map manners (see gesture-reducer.ts for what
 * each input does). This attachment only listens: it turns browser events into reducer inputs and
 * carries out the outcome (draw at most once a frame, keep the browser from zooming the page, give
 * focus back after a drag, swallow the click that ends one).
 */
import type { Attachment } from 'svelte/attachments';
import type { ViewTransform } from '$lib/layout/viewport';
import { IDLE, reduceGesture, type GestureInput, type GestureOutcome } from './gesture-reducer';

/** What gestures need of the view: its size and limits, where it is, and a way to move it. */
export interface ZoomTarget {
	readonly width: number;
	readonly kMax: number;
	readonly transform: ViewTransform;
	/** Shows a transform at once, ending any animated move. */
	jump(transform: ViewTransform): void;
	stopAnimation(): void;
}

/** Attachment for the timeline's SVG; `onPlainWheel` shows the "ctrl + scroll to zoom" hint. */
export function zoomable(view: ZoomTarget, onPlainWheel: () => void): Attachment<SVGSVGElement> {
	return (svg) => {
		const local = (event: MouseEvent) => {
			const box = svg.getBoundingClientRect();
			return { x: event.clientX - box.left, y: event.clientY - box.top };
		};

		// Input can arrive several times a frame; lay out and draw once per frame.
		let pending: ViewTransform | undefined;
		let frame: number | undefined;
		// The last transform this gesture showed: anything else means a key or button moved the view.
		let shown: ViewTransform | undefined;
		const current = () => pending ?? view.transform;
		const show = (transform: ViewTransform) => {
			pending = shown = transform;
			frame ??= requestAnimationFrame(() => {
				frame = undefined;
				if (pending) view.jump(pending);
				pending = undefined;
			});
		};

		let state = IDLE;
		// What had focus before a mouse press, to give it back if the press turns into a drag.
		let focusBefore: Element | null = null;
		const dispatch = (input: GestureInput): GestureOutcome => {
			if (state.start && !pending && shown && view.transform !== shown) {
				state = reduceGesture(state, { type: 'rebase' }, current(), view).state;
			}
			const outcome = reduceGesture(state, input, current(), view);
			state = outcome.state;
			if (outcome.captured) shown = current();
			if (outcome.captured || outcome.transform) view.stopAnimation();
			if (outcome.transform) show(outcome.transform);
			if (outcome.dragStarted) giveFocusBack();
			return outcome;
		};

		/** The press became a drag: the mark it started on should not keep the focus it took. */
		const giveFocusBack = () => {
			const focused = document.activeElement;
			if (focused !== focusBefore && focused instanceof SVGElement && svg.contains(focused)) {
				if (focusBefore instanceof HTMLElement || focusBefore instanceof SVGElement)
					focusBefore.focus({ preventScroll: true });
				// The page itself had focus, or what had it cannot take it back.
				if (document.activeElement === focused) focused.blur();
			}
		};

		const onPointerDown = (event: PointerEvent) => {
			if (event.isPrimary)
				focusBefore = event.pointerType === 'mouse' ? document.activeElement : null;
			const outcome = dispatch({
				type: 'down',
				id: event.pointerId,
				point: local(event),
				primary: event.isPrimary,
				pointer: event.pointerType,
				button: event.button,
				ctrlKey: event.ctrlKey
			});
			if (!outcome.captured) return;
			// Captured by the SVG, which stays put while the marks under a finger are redrawn.
			try {
				svg.setPointerCapture(event.pointerId);
			} catch {
				// The pointer is already gone.
			}
		};
		const onPointerMove = (event: PointerEvent) =>
			dispatch({
				type: 'move',
				id: event.pointerId,
				point: local(event),
				pointer: event.pointerType
			});
		const onPointerEnd = (event: PointerEvent) =>
			dispatch({ type: event.type === 'pointercancel' ? 'cancel' : 'up', id: event.pointerId });
		const onClickCapture = (event: MouseEvent) => {
			if (!dispatch({ type: 'click', detail: event.detail }).swallowClick) return;
			event.stopPropagation();
			event.preventDefault();
		};
		const onWheel = (event: WheelEvent) => {
			const outcome = dispatch({
				type: 'wheel',
				x: local(event).x,
				deltaX: event.deltaX,
				deltaY: event.deltaY,
				deltaMode: event.deltaMode,
				ctrlKey: event.ctrlKey,
				metaKey: event.metaKey,
				shiftKey: event.shiftKey
			});
			// Keep the browser from zooming or scrolling the page for a wheel used here.
			if (outcome.consumed) event.preventDefault();
			if (outcome.hint) onPlainWheel();
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
			listening.abort();
		};
	};
}
