import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterNodes, densityNodes, markNodes } from '$lib/draw/marks';
import { densityInView } from '$lib/layout/density';
import { toXml } from '$lib/draw/node';
import { breakNodes, breakObstacles } from '$lib/draw/breaks';
import { wholeScale } from '$lib/layout/breaks';
import { AXIS_HEIGHT, AXIS_TICK_Y, layoutFrame } from '$lib/layout/frame';
import { LIGHT } from '$lib/layout/theme';
import { prepareTimeline } from '$lib/model/timeline';
import { buildFigure } from './svg';

describe('one renderer', () => {
	const day = Date.UTC(2024, 10, 17);
	const arbitraryEvent = fc.record({
		offset: fc.integer({ min: 0, max: 240 }),
		hours: fc.integer({ min: 0, max: 72 }),
		lane: fc.constantFrom('a', 'b', 'c'),
		approximate: fc.boolean(),
		title: fc.string({ maxLength: 40 })
	});

	it('the exported figure holds exactly the nodes the page draws for every mark, cluster and break', () => {
		fc.assert(
			fc.property(fc.array(arbitraryEvent, { minLength: 1, maxLength: 60 }), (rows) => {
				const iso = (t: number) => new Date(t).toISOString().slice(0, 16);
				const timeline = prepareTimeline({
					timeZone: 'UTC',
					events: rows.map((r, i) => ({
						id: `e${i}`,
						title: r.title || 'untitled',
						start: iso(day + r.offset * 3_600_000),
						...(r.hours ? { end: iso(day + (r.offset + r.hours) * 3_600_000) } : {}),
						category: r.lane,
						approximate: r.approximate
					}))
				});
				const width = 900;
				const figure = buildFigure(timeline, { scope: 'all', width, theme: LIGHT });
				// The screen lays out the same frame for the same window and width, breaks and all.
				const frame = layoutFrame(timeline, wholeScale(timeline, width, true), width);
				const bands = breakNodes(
					frame.breaks,
					AXIS_TICK_Y - AXIS_HEIGHT,
					frame.body.height,
					LIGHT,
					{
						items: breakObstacles(frame.body)
					}
				);
				expect(figure.svg).toContain(toXml(bands));
				for (const mark of frame.body.marks) {
					const drawn = toXml(markNodes(mark, LIGHT));
					expect(figure.svg).toContain(`<g data-event-id="${mark.id}">${drawn}</g>`);
				}
				for (const lane of densityInView(frame.body)) {
					if (lane.bars) expect(figure.svg).toContain(toXml(densityNodes(lane.clusters)));
					else for (const c of lane.clusters) expect(figure.svg).toContain(toXml(clusterNodes(c)));
				}
			}),
			{ numRuns: 40 }
		);
	});
});
