/**
 * `npm run first-view [-- --width=1163]`: how the bundled report's first view frames its story.
 * Prints, with breaks on and off, the share of the plot's width that the 15–19 November events
 * span in the first view (the whole timeline, as "Fit all" shows it) and how many labels are cut
 * on screen and in the whole-timeline export at each width preset.
 *
 * The default width is the timeline drawing's width in a 1280-pixel-wide window (the page's column
 * is at most 1240 px with 3vw of padding either side), measured in Chromium.
 */
import events from '$lib/data/events.json';
import { buildFigure } from '$lib/export/svg';
import { frameWidthFor, WIDTH_PRESETS } from '$lib/export/widths';
import { loadBundledTimeline } from '$lib/ingest/load';
import { wholeScale } from '$lib/layout/breaks';
import { layoutFrame, type FrameLayout } from '$lib/layout/frame';
import { cutLabels, pageLayout } from '$lib/layout/lanes';

/** The drawing's width at a 1280 px window, measured with Playwright in Chromium. */
const WIDTH_AT_1280 = 1163;

const argument = process.argv.find((a) => a.startsWith('--width='));
const width = argument ? Number(argument.slice('--width='.length)) : WIDTH_AT_1280;

const report = loadBundledTimeline(events);
const story = (start: number) => {
	const day = new Date(start).toISOString().slice(0, 10);
	return day >= '2024-11-15' && day <= '2024-11-19';
};
/** Marks whose title is not shown whole: cut with an ellipsis, or left out for want of room. */
const cut = (frame: FrameLayout) => cutLabels(frame.body);

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

console.log(`Bundled report, first view (whole timeline) at ${width} px:`);
for (const skipGaps of [true, false]) {
	const scale = wholeScale(report, width, skipGaps);
	const frame = layoutFrame(report, scale, width, pageLayout(width));
	const marks = frame.body.marks.filter((m) => story(m.event.wall.start));
	const x0 = Math.min(...marks.map((m) => Math.max(0, m.x0)));
	const x1 = Math.max(...marks.map((m) => Math.min(width, m.x1)));
	const inView = frame.body.marks.length + frame.body.clusters.reduce((n, c) => n + c.count, 0);
	const exports = (['column', 'page', 'wide'] as const).map((preset) => {
		const figure = buildFigure(report, {
			scope: 'all',
			width: frameWidthFor(preset, width),
			breaks: skipGaps
		});
		return `${preset} ${WIDTH_PRESETS[preset]} px: ${cut(figure.frame)}`;
	});
	const screenFigure = buildFigure(report, { scope: 'all', width, breaks: skipGaps });
	console.log(
		[
			`  breaks ${skipGaps ? 'on' : 'off'}:`,
			`    15–19 November events span ${percent((x1 - x0) / width)} of the plot's width (${marks.length} events, ${Math.round(x1 - x0)} px)`,
			`    events in view: ${inView} of ${report.events.length}; breaks: ${frame.breaks.map((b) => b.label).join(', ') || 'none'}`,
			`    cut labels on screen: ${cut(frame)} of ${frame.body.marks.length}`,
			`    cut labels in the whole-timeline export: as on screen ${cut(screenFigure.frame)}; ${exports.join('; ')}`
		].join('\n')
	);
}
