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
