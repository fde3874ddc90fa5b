import { describe, expect, it } from 'vitest';
import type { ViewTransform } from '$lib/layout/viewport';
import {
	CLICK_SLOP,
	IDLE,
	reduceGesture,
	type GestureInput,
	type GestureOutcome,
	type GestureState
} from './gesture-reducer';

const bounds = { width: 1000, kMax: 50 };
/** Zoomed in four times, showing the second quarter of the data: room to pan both ways. */
const ZOOMED: ViewTransform = { k: 4, x: -1000 };

/**
 * Plays `inputs` from rest at `transform`, applying each outcome's transform as the attachment does,
 * and returns every outcome with the view at the end.
 */
function play(inputs: GestureInput[], transform: ViewTransform = ZOOMED) {
	let state: GestureState = IDLE;
	let view = transform;
	const outcomes: GestureOutcome[] = [];
	for (const input of inputs) {
		const outcome = reduceGesture(state, input, view, bounds);
		state = outcome.state;
		if (outcome.transform) view = outcome.transform;
		outcomes.push(outcome);
	}
	return { outcomes, view, state };
}

const mouseDown = (x: number, y = 50, extra: Partial<GestureInput> = {}): GestureInput =>
	({
		type: 'down',
		id: 1,
		point: { x, y },
		primary: true,
		pointer: 'mouse',
		button: 0,
		ctrlKey: false,
		...extra
	}) as GestureInput;
const move = (x: number, y = 50, id = 1, pointer = 'mouse'): GestureInput => ({
	type: 'move',
	id,
	point: { x, y },
	pointer
});
const up = (id = 1): GestureInput => ({ type: 'up', id });
const touchDown = (id: number, x: number, y = 50, primary = id === 1): GestureInput => ({
	type: 'down',
	id,
	point: { x, y },
	primary,
	pointer: 'touch',
	button: 0,
	ctrlKey: false
});
const wheel = (delta: Partial<Extract<GestureInput, { type: 'wheel' }>>): GestureInput => ({
	type: 'wheel',
	x: 500,
	deltaX: 0,
	deltaY: 0,
	deltaMode: 0,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	...delta
});
/** The time (as a base-scale pixel) at screen pixel `px`. */
const timeAt = (t: ViewTransform, px: number) => (px - t.x) / t.k;

describe('the gesture reducer', () => {
	it('drags: the view follows the mouse once it has moved past the click slop', () => {
		const { outcomes, view } = play([
			mouseDown(100),
			move(100 + CLICK_SLOP),
			move(160),
			move(130),
			up()
		]);
		expect(outcomes[1]?.transform).toBeUndefined();
		expect(outcomes[2]).toMatchObject({ dragStarted: true, transform: { k: 4, x: -940 } });
		expect(view).toEqual({ k: 4, x: -970 });
	});

	it('a press that moves less than the slop is a click; the click after a drag is swallowed', () => {
		const click = play([mouseDown(100), move(102), up(), { type: 'click', detail: 1 }]);
		expect(click.outcomes[3]?.swallowClick).toBe(false);
		expect(click.view).toBe(ZOOMED);
		const drag = play([mouseDown(100), move(150), up(), { type: 'click', detail: 1 }]);
		expect(drag.outcomes[3]?.swallowClick).toBe(true);
		// A click with no pointer behind it (a screen reader's) is always a click.
		const reader = play([mouseDown(100), move(150), up(), { type: 'click', detail: 0 }]);
		expect(reader.outcomes[3]?.swallowClick).toBe(false);
	});

	it('ignores the right button and ctrl + click, which open menus', () => {
		for (const extra of [{ button: 2 }, { ctrlKey: true }]) {
			const { outcomes, view } = play([mouseDown(100, 50, extra), move(200)]);
			expect(outcomes[0]?.captured).toBeUndefined();
			expect(view).toBe(ZOOMED);
		}
	});

	it('leaves a vertical swipe of a finger to the page, without nudging the view', () => {
		const { outcomes, view } = play([
			touchDown(1, 300, 100),
			move(306, 180, 1, 'touch'),
			move(320, 300, 1, 'touch'),
			up()
		]);
		expect(outcomes.some((o) => o.transform)).toBe(false);
		expect(view).toBe(ZOOMED);
	});

	it('pinches: the view zooms by the fingers’ spread, the time under their midpoint follows it', () => {
		const before = timeAt(ZOOMED, 500);
		const { view } = play([
			touchDown(1, 450),
			touchDown(2, 550),
			move(400, 50, 1, 'touch'),
			move(600, 50, 2, 'touch')
		]);
		expect(view.k).toBeCloseTo(8);
		expect(timeAt(view, 500)).toBeCloseTo(before);
	});

	it('a finger lifted from a pinch leaves the other one panning from where it is', () => {
		const { view, state } = play([
			touchDown(1, 450),
			touchDown(2, 550),
			move(400, 50, 1, 'touch'),
			move(600, 50, 2, 'touch'),
			up(1),
			move(650, 50, 2, 'touch')
		]);
		expect(state.mode).toBe('pan');
		const pinched = play([
			touchDown(1, 450),
			touchDown(2, 550),
			move(400, 50, 1, 'touch'),
			move(600, 50, 2, 'touch')
		]).view;
		expect(view).toEqual({ k: pinched.k, x: pinched.x + 50 });
	});

	it('forgets a finger whose end was lost: the next one-finger drag pans, not pinches', () => {
		const { view, state } = play([touchDown(7, 100), touchDown(1, 300), move(360, 50, 1, 'touch')]);
		expect(state.pointers.size).toBe(1);
		expect(view).toEqual({ k: 4, x: -940 });
	});

	it('puts the view back when the browser takes a drag over (pointercancel)', () => {
		const { outcomes, view } = play([
			touchDown(1, 300),
			move(380, 50, 1, 'touch'),
			{ type: 'cancel', id: 1 }
		]);
		expect(outcomes[1]?.transform).toEqual({ k: 4, x: -920 });
		expect(view).toBe(ZOOMED);
	});

	it('ctrl or ⌘ + wheel zooms around the pointer and keeps the page from zooming', () => {
		for (const key of [{ ctrlKey: true }, { metaKey: true }]) {
			const { outcomes, view } = play([wheel({ deltaY: -100, x: 730, ...key })]);
			expect(outcomes[0]?.consumed).toBe(true);
			expect(view.k).toBeCloseTo(4 * 2 ** 0.5);
			expect(timeAt(view, 730)).toBeCloseTo(timeAt(ZOOMED, 730));
		}
	});

	it('pans with a sideways or shift + wheel; a plain vertical wheel goes to the page with a hint', () => {
		expect(play([wheel({ deltaX: 120 })]).view).toEqual({ k: 4, x: -1120 });
		expect(play([wheel({ deltaY: 3, deltaMode: 1, shiftKey: true })]).view).toEqual({
			k: 4,
			x: -1060
		});
		const plain = play([wheel({ deltaY: 100 })]);
		expect(plain.outcomes[0]).toMatchObject({ hint: true });
		expect(plain.outcomes[0]?.consumed).toBeUndefined();
		expect(plain.view).toBe(ZOOMED);
	});

	it('keeps every result inside the data and the zoom limits', () => {
		expect(play([mouseDown(100), move(2000)]).view).toEqual({ k: 4, x: 0 });
		expect(play([wheel({ deltaY: -5000, ctrlKey: true })], { k: 40, x: -20000 }).view.k).toBe(50);
		expect(play([wheel({ deltaY: 5000, ctrlKey: true })], { k: 1, x: 0 }).view).toEqual({
			k: 1,
			x: 0
		});
	});

	it('a drag goes on from a view that a key moved mid-gesture', () => {
		let { state } = play([mouseDown(100), move(150)]);
		const moved: ViewTransform = { k: 8, x: -3000 };
		state = reduceGesture(state, { type: 'rebase' }, moved, bounds).state;
		const next = reduceGesture(state, move(170), moved, bounds);
		expect(next.transform).toEqual({ k: 8, x: -2980 });
	});
});
