import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareTimeline } from '$lib/model/timeline';
import { TimelineView } from './view.svelte';

const timeline = prepareTimeline({
	events: [
		{ id: 'a', title: 'A', start: '2024-01-01T00:00', precision: 'minute' },
		{ id: 'b', title: 'B', start: '2024-12-31T00:00', precision: 'minute' }
	]
});

/** Animation frames that run only when the test says so. */
function manualFrames() {
	let queue: FrameRequestCallback[] = [];
	let now = 0;
	vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => queue.push(callback));
	vi.stubGlobal('cancelAnimationFrame', () => {
		queue = [];
	});
	return {
		/** Runs frames `ms` apart until the animation ends. */
		finish(ms = 50) {
			while (queue.length) {
				const run = queue;
				queue = [];
				now += ms;
				for (const callback of run) callback(now);
			}
		}
	};
}

afterEach(() => vi.unstubAllGlobals());

const span = (view: TimelineView, [d0, d1]: [number, number]) =>
	(view.baseScale.domain()[1] - view.baseScale.domain()[0]) / (d1 - d0);

describe('zoom buttons', () => {
	it('quick repeated clicks build on where the zoom is going, so none is lost', () => {
		const frames = manualFrames();
		const view = new TimelineView(timeline);
		view.zoomBy(2);
		view.zoomBy(2);
		view.zoomBy(2);
		expect(span(view, view.destination)).toBeCloseTo(8);
		frames.finish();
		expect(view.transform.k).toBeCloseTo(8);
	});

	it('a drag that stops the animation makes the next click start from where the view is', () => {
		const frames = manualFrames();
		const view = new TimelineView(timeline);
		view.zoomBy(2);
		view.zoomBy(2);
		view.jump({ k: 3, x: -100 });
		view.zoomBy(2);
		frames.finish();
		expect(view.transform.k).toBeCloseTo(6);
	});
});

describe('a view with breaks', () => {
	const gappy = prepareTimeline({
		events: [
			{ id: 'june', title: 'June', start: '2024-06-10T12:00', precision: 'minute' },
			...[14, 15, 16, 17, 18, 19].map((d) => ({
				id: `nov${d}`,
				title: `November ${d}`,
				start: `2024-11-${d}T12:00`,
				precision: 'minute' as const
			}))
		]
	});

	it('skips the empty months by default and draws the break', () => {
		const view = new TimelineView(gappy);
		expect(view.hasGaps).toBe(true);
		expect(view.baseScale.breaks()).toHaveLength(1);
		expect(view.frame.breaks[0]?.label).toBe('5 months');
	});

	it('zooming about a time on either side of a break keeps that time where it was', () => {
		const view = new TimelineView(gappy);
		view.width = 1000;
		for (const at of [Date.UTC(2024, 5, 10, 12), Date.UTC(2024, 10, 15, 6)]) {
			view.fit(false);
			const before = view.scale(at);
			view.zoomBy(3, at);
			expect(view.scale(at)).toBeCloseTo(before, 3);
			expect(view.transform.k).toBeCloseTo(3);
		}
	});

	it('turning breaks off and on keeps the same window of time, and the whole stays whole', () => {
		const view = new TimelineView(gappy);
		view.width = 1000;
		const window: [number, number] = [Date.UTC(2024, 10, 15), Date.UTC(2024, 10, 17)];
		view.showDomain(window, false);
		view.setSkipGaps(false);
		expect(view.baseScale.breaks()).toEqual([]);
		expect(view.domain[0]).toBeCloseTo(window[0], -3);
		expect(view.domain[1]).toBeCloseTo(window[1], -3);
		view.setSkipGaps(true);
		expect(view.domain[0]).toBeCloseTo(window[0], -3);
		view.fit(false);
		view.setSkipGaps(false);
		expect(view.transform.k).toBe(1);
	});

	it('revealing an event across the break pans there and keeps the zoom', () => {
		const view = new TimelineView(gappy);
		view.width = 1000;
		view.showDomain([Date.UTC(2024, 10, 15), Date.UTC(2024, 10, 16)], false);
		const k = view.transform.k;
		view.reveal('june', false);
		expect(view.transform.k).toBeCloseTo(k);
		expect(view.domain[0]).toBeLessThan(Date.UTC(2024, 5, 10, 12));
		expect(view.domain[1]).toBeGreaterThan(Date.UTC(2024, 5, 10, 12));
	});
});
