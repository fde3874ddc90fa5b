/**
 * What the reader's hands do to the view, as a pure reducer: `(gesture state, input) → (gesture
 * state, new view)`. A mouse or one finger drags, two fingers pinch, ctrl/⌘ + wheel (and a trackpad
 * pinch, which arrives as one) zooms at the pointer, a sideways or shift + wheel pans, and a plain
 * vertical wheel or a vertical swipe is left to the page. zoom.ts only forwards browser events here
 * and carries out what the outcome asks; the tests drive it with input sequences.
 */
import type { ViewTransform } from '$lib/layout/viewport';
import { panBy, pinch, wheelFactor, zoomAround, type Point, type ZoomBounds } from './gestures';

/** How far (px) a press may move and still count as a click or tap, not a drag. */
export const CLICK_SLOP = 4;

/** What the pointers on the timeline are doing. */
export interface GestureState {
	/** Pointers down on the timeline, by id, in the order they came down. */
	readonly pointers: ReadonlyMap<number, Point>;
	/** Not yet known, dragging, pinching, or leaving a vertical swipe to the page's scrolling. */
	readonly mode: 'press' | 'pan' | 'pinch' | 'scroll';
	/** The view and the pointers' positions the current gesture is measured from. */
	readonly start?: { readonly transform: ViewTransform; readonly points: readonly Point[] };
	/** A drag or pinch happened: the click the browser sends at its end is not a click. */
	readonly moved: boolean;
}

/** No pointer down, nothing moved. */
export const IDLE: GestureState = { pointers: new Map(), mode: 'press', moved: false };

/** A pointer's kind, as PointerEvent.pointerType says it. */
export type PointerKind = 'mouse' | 'touch' | 'pen' | string;

/** One input, as the attachment reads it from a browser event (positions in timeline pixels). */
export type GestureInput =
	| {
			type: 'down';
			id: number;
			point: Point;
			/** The first pointer of a new gesture. */
			primary: boolean;
			pointer: PointerKind;
			button: number;
			ctrlKey: boolean;
	  }
	| { type: 'move'; id: number; point: Point; pointer: PointerKind }
	| { type: 'up' | 'cancel'; id: number }
	| {
			type: 'wheel';
			x: number;
			deltaX: number;
			deltaY: number;
			deltaMode: number;
			ctrlKey: boolean;
			metaKey: boolean;
			shiftKey: boolean;
	  }
	/** `detail` 0: a click with no pointer behind it (a screen reader, a key). */
	| { type: 'click'; detail: number }
	/** The view moved by other means (a key, a button) mid-gesture: measure on from there. */
	| { type: 'rebase' };

/** What an input came to. */
export interface GestureOutcome {
	state: GestureState;
	/** The view to show now, when the input moved it. */
	transform?: ViewTransform;
	/** The input was used here: the browser must not act on it too (zoom the page, scroll it). */
	consumed?: boolean;
	/** The pointer went down on the timeline: capture it, and stop any animated move. */
	captured?: boolean;
	/** A press just became a drag: the mark it started on should give back the focus it took. */
	dragStarted?: boolean;
	/** A plain vertical wheel went to the page: remind the reader how to zoom. */
	hint?: boolean;
	/** The click ends a drag or pinch: it must not reach the marks. */
	swallowClick?: boolean;
}

const restart = (state: GestureState, transform: ViewTransform): GestureState => ({
	...state,
	start: { transform, points: [...state.pointers.values()] }
});

const withPointer = (pointers: ReadonlyMap<number, Point>, id: number, point: Point) =>
	new Map(pointers).set(id, point);

/**
 * The next gesture state for `input`, given the view as it is now (`transform`, including any move
 * not yet drawn) and its limits.
 */
export function reduceGesture(
	state: GestureState,
	input: GestureInput,
	transform: ViewTransform,
	bounds: ZoomBounds
): GestureOutcome {
	switch (input.type) {
		case 'down': {
			// The main mouse button without ctrl (ctrl + click is a context menu on a Mac); any touch.
			if (input.pointer === 'mouse' && (input.button !== 0 || input.ctrlKey)) return { state };
			// A new gesture forgets pointers whose end never reached us (a lost touch).
			const base: GestureState = input.primary
				? { pointers: new Map(), mode: 'press', moved: false }
				: state;
			const pointers = withPointer(base.pointers, input.id, input.point);
			const mode = pointers.size >= 2 ? 'pinch' : base.mode;
			return { state: restart({ ...base, pointers, mode }, transform), captured: true };
		}
		case 'move': {
			if (!state.pointers.has(input.id) || !state.start) return { state };
			const next: GestureState = {
				...state,
				pointers: withPointer(state.pointers, input.id, input.point)
			};
			const now = [...next.pointers.values()];
			const [a, b] = state.start.points;
			if (state.mode === 'pinch' && a && b && now[0] && now[1]) {
				return {
					state: { ...next, moved: true },
					transform: pinch(state.start.transform, [a, b], [now[0], now[1]], bounds)
				};
			}
			if (!a || !now[0] || state.mode === 'scroll') return { state: next };
			const dx = now[0].x - a.x;
			const dy = now[0].y - a.y;
			if (state.mode === 'press') {
				if (Math.hypot(dx, dy) <= CLICK_SLOP) return { state: next };
				// A mostly vertical swipe of a finger scrolls the page (touch-action: pan-y).
				if (input.pointer === 'touch' && Math.abs(dy) > Math.abs(dx)) {
					return { state: { ...next, mode: 'scroll' } };
				}
				return {
					state: { ...next, mode: 'pan', moved: true },
					transform: panBy(state.start.transform, dx, bounds),
					dragStarted: true
				};
			}
			return { state: next, transform: panBy(state.start.transform, dx, bounds) };
		}
		case 'up':
		case 'cancel': {
			if (!state.pointers.has(input.id)) return { state };
			const pointers = new Map(state.pointers);
			pointers.delete(input.id);
			// The browser took the gesture over (a page scroll, say): undo what the drag had moved.
			const undo =
				input.type === 'cancel' && !pointers.size && state.start && state.mode === 'pan'
					? state.start.transform
					: undefined;
			if (pointers.size) {
				// A finger lifted from a pinch: the other one pans on from where it is.
				return { state: restart({ ...state, pointers, mode: 'pan' }, transform) };
			}
			return { state: { ...state, pointers, start: undefined }, transform: undo };
		}
		case 'click': {
			const swallowClick = state.moved && input.detail !== 0;
			return { state: { ...state, moved: false }, swallowClick };
		}
		case 'rebase':
			return { state: state.start ? restart(state, transform) : state };
		case 'wheel': {
			let moved: ViewTransform;
			if (input.ctrlKey || input.metaKey) {
				moved = zoomAround(transform, wheelFactor(input), input.x, bounds);
			} else {
				const horizontal = Math.abs(input.deltaX) > Math.abs(input.deltaY);
				if (!horizontal && !input.shiftKey) return { state, hint: true };
				const unit = input.deltaMode === 1 ? 20 : input.deltaMode === 2 ? bounds.width : 1;
				const delta = (horizontal ? input.deltaX : input.deltaY || input.deltaX) * unit;
				moved = panBy(transform, -delta, bounds);
			}
			// A wheel during a drag: the drag goes on from the new view.
			const next = state.pointers.size ? restart(state, moved) : state;
			return { state: next, transform: moved, consumed: true };
		}
	}
}
