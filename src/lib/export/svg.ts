/**
 * The timeline as a standalone SVG figure: title, description, legend, the same axis, lanes, marks
 * and clusters the page draws (nodes from `$lib/draw`), and a footer naming the source and the dates
 * shown. Presentation attributes only (no CSS, no scripts, no links, no external references), so
 * browsers, Inkscape, Illustrator and resvg draw it alike, whatever the data says.
 */
import { breakCutNodes, breakNodes, breakObstacles } from '$lib/draw/breaks';
import { eraNodes } from '$lib/draw/eras';
import { axisNodes, laneNodes } from '$lib/draw/frame';
import { clusterKinds, encodingKeys, SWATCH_WIDTH, type ClusterKinds } from '$lib/draw/legend';
import { clusterNodes, densityNodes, markNodes, noteNodes } from '$lib/draw/marks';
import { densityInView } from '$lib/layout/density';
import { svgNode, toXml, type SvgAttributes, type SvgNode } from '$lib/draw/node';
import { num } from '$lib/draw/xml';
import { eventDateLabel, formatRange } from '$lib/format/describe';
import { laneColor, laneSymbolPath } from '$lib/layout/encoding';
import { wholeScale, type BrokenDomain } from '$lib/layout/breaks';
import type { LaneDensity } from '$lib/model/density';
import { AXIS_HEIGHT, AXIS_TICK_Y, layoutFrame, type FrameLayout } from '$lib/layout/frame';
import { FIGURE_LAYOUT } from '$lib/layout/lanes';
import { estimateTextWidth, fitText, wrapText } from '$lib/layout/text';
import { DISPLAY_FONT_STACK, FONT_STACK, LIGHT, type Theme } from '$lib/layout/theme';
import { labelZone, type PreparedEvent, type PreparedTimeline } from '$lib/model/timeline';
import { MARGIN } from './widths';

/** What to export. */
export interface FigureOptions {
	/** `view`: the window on screen; `all`: the whole timeline. */
	scope: 'view' | 'all';
	/** Width of the timeline drawing in pixels (the figure adds its margins). */
	width: number;
	/** The window for `view` scope, as display wall-clock ms. */
	domain?: readonly [number, number];
	/** @default LIGHT */
	theme?: Theme;
	/**
	 * Number each event drawn and end the figure with its sources, attribution and notes, so the
	 * evidence travels with the figure.
	 * @default false
	 */
	notes?: boolean;
	/**
	 * Compress long stretches where no event starts or ends into marked breaks, as the page does
	 * unless the reader turned it off.
	 * @default true
	 */
	breaks?: boolean;
	/**
	 * A tiled timeline (`?tiles=`): its whole extent's empty stretches, its size, and its counts,
	 * drawn as density when `drawCounts` (the view's events are not drawn one by one) or when the
	 * whole set is exported; the figure's notes then say it shows counts, not every event.
	 */
	tiled?: { gaps: BrokenDomain; total: number; counts: LaneDensity; drawCounts: boolean };
}

/** A built figure. */
export interface Figure {
	svg: string;
	width: number;
	height: number;
	/** Where the timeline drawing (axis and lanes) starts inside the figure. */
	frameOrigin: { x: number; y: number };
	/** The dates shown, for the footer and the file name. */
	domain: [number, number];
	/** The timeline drawing's layout: axis, breaks, lanes, marks and labels. */
	frame: FrameLayout;
}

// The title and description wrap onto as many lines as a phone-width figure needs to show them whole.
const TITLE_SIZE = 22;
const TEXT_SIZE = 13;
const SMALL_SIZE = 11;

/** A block of text lines starting at `y` (the first line's top), and how tall it is. */
function textBlock(
	lines: string[],
	y: number,
	size: number,
	leading: number,
	attrs: SvgAttributes
): { nodes: SvgNode[]; height: number } {
	const nodes = lines.map((line, i) =>
		svgNode(
			'text',
			{ x: MARGIN, y: y + size + i * size * leading, 'font-size': size, ...attrs },
			line
		)
	);
	return { nodes, height: lines.length * size * leading };
}

/** An entry of the legend: what it is as nodes drawn from x = 0, centred on y = 0, and its width. */
interface LegendItem {
	width: number;
	nodes: SvgNode[];
}

const legendText = (x: number, size: number, fill: string, text: string) =>
	svgNode('text', { x, y: 0, 'dominant-baseline': 'central', 'font-size': size, fill }, text);

/** The legend: category symbols and names, then the key to the mark styles; flows onto new rows. */
function legend(
	timeline: PreparedTimeline,
	width: number,
	y: number,
	theme: Theme,
	clusters: ClusterKinds
): { nodes: SvgNode[]; height: number } {
	const items: LegendItem[] = timeline.lanes.map((lane, index) => {
		const text = fitText(lane.label, TEXT_SIZE, 260);
		return {
			width: 18 + estimateTextWidth(text, TEXT_SIZE),
			nodes: [
				svgNode('path', {
					d: laneSymbolPath(index, 11),
					transform: 'translate(6,0)',
					fill: laneColor(index)
				}),
				legendText(16, TEXT_SIZE, theme.ink, text)
			]
		};
	});
	for (const key of encodingKeys(theme, clusters)) {
		items.push({
			width: SWATCH_WIDTH + 12 + estimateTextWidth(key.label, SMALL_SIZE),
			nodes: [...key.swatch, legendText(SWATCH_WIDTH + 8, SMALL_SIZE, theme.inkSoft, key.label)]
		});
	}
	const rowHeight = 20;
	let x = 0;
	let row = 0;
	const nodes: SvgNode[] = [];
	for (const item of items) {
		if (x > 0 && x + item.width > width) {
			x = 0;
			row++;
		}
		const at = `translate(${num(MARGIN + x)},${num(y + row * rowHeight + rowHeight / 2)})`;
		nodes.push(svgNode('g', { transform: at }, item.nodes));
		x += item.width + 18;
	}
	return { nodes, height: (row + 1) * rowHeight };
}

/** What a reader of the printed figure needs to check an event: when, how sure, who says so. */
export function evidenceLine(item: PreparedEvent, zone: string | undefined): string {
	const e = item.event;
	const parts = [`${e.title}.`, `${eventDateLabel(e, zone)}.`];
	const certainty = [e.certainty, e.attribution && `per ${e.attribution}`].filter(Boolean);
	if (certainty.length)
		parts.push(`${certainty.join(', ')}.`.replace(/^./, (c) => c.toUpperCase()));
	const sources = (e.sources ?? []).map((source) =>
		[source.name, source.published, source.url].filter(Boolean).join(', ')
	);
	if (sources.length) parts.push(`Source${sources.length > 1 ? 's' : ''}: ${sources.join('; ')}.`);
	if (e.notes?.length) parts.push(`Note${e.notes.length > 1 ? 's' : ''}: ${e.notes.join(' ')}`);
	return parts.join(' ');
}

/** The numbered sources and notes under the drawing, one entry per numbered event, never cut. */
function notesBlock(
	numbered: readonly PreparedEvent[],
	zone: string | undefined,
	width: number,
	y: number,
	theme: Theme
): { nodes: SvgNode[]; height: number } {
	const nodes: SvgNode[] = [
		svgNode(
			'text',
			{ x: MARGIN, y: y + TEXT_SIZE, 'font-size': TEXT_SIZE, 'font-weight': 700, fill: theme.ink },
			'Sources and notes'
		)
	];
	let height = TEXT_SIZE * 1.6;
	const indent = 22;
	numbered.forEach((item, i) => {
		const lines = wrapText(evidenceLine(item, zone), SMALL_SIZE, width - indent, Infinity);
		nodes.push(
			svgNode(
				'text',
				{
					x: MARGIN,
					y: y + height + SMALL_SIZE,
					'font-size': SMALL_SIZE,
					'font-weight': 700,
					fill: theme.inkSoft
				},
				String(i + 1)
			)
		);
		const block = textBlock(lines, y + height, SMALL_SIZE, 1.35, { fill: theme.ink });
		nodes.push(...block.nodes.map((n) => ({ ...n, attrs: { ...n.attrs, x: MARGIN + indent } })));
		height += block.height + 4;
	});
	return { nodes, height };
}

/** Builds the figure for `timeline`. */
export function buildFigure(timeline: PreparedTimeline, options: FigureOptions): Figure {
	const theme = options.theme ?? LIGHT;
	const frameWidth = Math.max(200, Math.round(options.width));
	// The whole timeline at this width, with the same breaks as the page, then the window asked for.
	const { tiled } = options;
	const scale = wholeScale(timeline, frameWidth, options.breaks ?? true, tiled?.gaps);
	if (options.scope === 'view' && options.domain) scale.domain(options.domain);
	const domain = scale.domain();
	// A tiled timeline has its events only around the view: the whole of it is drawn from counts.
	const counts = tiled && (tiled.drawCounts || options.scope === 'all') ? tiled.counts : undefined;
	const frame = layoutFrame(timeline, scale, frameWidth, FIGURE_LAYOUT, new Set(), counts);
	const width = frameWidth + 2 * MARGIN;
	const range = formatRange(domain);

	let y = MARGIN;
	const title = textBlock(wrapText(timeline.title, TITLE_SIZE, frameWidth, 4), y, TITLE_SIZE, 1.2, {
		'font-family': DISPLAY_FONT_STACK,
		'font-weight': 700,
		fill: theme.ink
	});
	y += title.height + 6;
	const description = textBlock(
		timeline.description ? wrapText(timeline.description, TEXT_SIZE, frameWidth, 8) : [],
		y,
		TEXT_SIZE,
		1.35,
		{ fill: theme.ink }
	);
	y += description.height + 10;
	const key = legend(timeline, frameWidth, y, theme, clusterKinds(frame.body.clusters));
	y += key.height + 12;
	const frameOrigin = { x: MARGIN, y };
	const { body } = frame;
	// Numbers follow time order, so the list under the figure reads as a chronology.
	const numbered = options.notes ? [...body.marks].sort((a, b) => a.order - b.order) : [];
	const noteNumber = new Map(numbered.map((m, i) => [m.id, i + 1]));
	const drawing: SvgNode[] = [
		svgNode('rect', { x: 0, y: 0, width: frameWidth, height: frame.height, fill: theme.band }),
		...axisNodes(frame.axis, frame.height, frame.width, theme),
		svgNode('g', { transform: `translate(0,${AXIS_HEIGHT})` }, [
			...laneNodes(body.lanes, frame.width, theme, 'bands'),
			...eraNodes(frame.eras, body.height, theme),
			...breakNodes(frame.breaks, AXIS_TICK_Y - AXIS_HEIGHT, body.height, theme, {
				items: breakObstacles(body)
			}),
			...laneNodes(body.lanes, frame.width, theme, 'names'),
			...densityInView(body).flatMap((lane) =>
				lane.bars
					? [svgNode('g', { 'data-density-count': lane.total }, densityNodes(lane.clusters))]
					: lane.clusters.map((c) =>
							svgNode('g', { 'data-cluster-count': c.count }, clusterNodes(c))
						)
			),
			...body.marks.map((m) => {
				const n = noteNumber.get(m.id);
				const nodes = markNodes(m, theme);
				return svgNode(
					'g',
					{ 'data-event-id': m.id },
					n ? [...nodes, ...noteNodes(m, n, theme)] : nodes
				);
			}),
			...breakCutNodes(frame.breaks, body.marks, theme)
		])
	];
	y += frame.height + 18;
	const notes = numbered.length
		? notesBlock(
				numbered.map((m) => m.event),
				labelZone(timeline),
				frameWidth,
				y,
				theme
			)
		: undefined;
	if (notes) y += notes.height + 12;

	// Events drawn one by one and events counted in clusters are all in the figure.
	const shownCount = body.marks.length + body.clusters.reduce((sum, c) => sum + c.count, 0);
	const sourceText = timeline.source
		? `Source: ${timeline.source.name}${timeline.source.published ? `, published ${timeline.source.published}` : ''}.`
		: '';
	const footer = textBlock(
		wrapText(
			`${sourceText} Showing ${range}: ${shownCount} of ${tiled?.total ?? timeline.events.length} events.${counts ? ' Drawn from counts: each bar is how many events fall in its stretch of time, not the events one by one.' : ''}${timeline.floating ? ' Times as the data file gives them, with no time zone.' : ` Times in ${timeline.zone.replace(/_/g, ' ')} time.`} Made with Eventline.`.trim(),
			SMALL_SIZE,
			frameWidth,
			4
		),
		y,
		SMALL_SIZE,
		1.4,
		{ fill: theme.inkSoft }
	);
	y += footer.height + MARGIN;
	const height = Math.ceil(y);

	const descText = `Timeline of ${shownCount} events from ${range}. ${timeline.description}`.trim();
	const figure = svgNode(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			version: '1.1',
			width,
			height,
			viewBox: `0 0 ${width} ${height}`,
			role: 'img',
			'aria-labelledby': 'figure-title figure-desc',
			'font-family': FONT_STACK
		},
		[
			svgNode('title', { id: 'figure-title' }, timeline.title),
			svgNode('desc', { id: 'figure-desc' }, descText),
			svgNode('rect', { x: 0, y: 0, width, height, fill: theme.paper }),
			...title.nodes,
			...description.nodes,
			...key.nodes,
			// A nested <svg> clips, as the page does, what runs past the frame (a span longer than
			// the view), with no clipPath reference for a viewer to resolve.
			svgNode(
				'svg',
				{
					x: frameOrigin.x,
					y: frameOrigin.y,
					width: frameWidth,
					height: frame.height,
					overflow: 'hidden'
				},
				drawing
			),
			...(notes?.nodes ?? []),
			...footer.nodes
		]
	);
	const svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + toXml([figure]) + '\n';
	return { svg, width, height, frameOrigin, domain, frame };
}
