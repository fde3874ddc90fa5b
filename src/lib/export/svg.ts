/**
 * The timeline as a standalone SVG figure, built from the same layout the page renders: title,
 * legend, axis, lanes, every mark of the chosen scope with its label, and a footer naming the source
 * and the dates shown. Presentation attributes only (no CSS, no scripts, no links, no external
 * references), so browsers, Inkscape, Illustrator and resvg draw it alike, whatever the data says.
 */
import { CLUSTER_KEY, laneColor, laneSymbolPath } from '$lib/layout/encoding';
import {
	AXIS_CONTEXT_Y,
	AXIS_HEIGHT,
	AXIS_LABEL_Y,
	AXIS_TICK_Y,
	layoutFrame,
	type FrameLayout
} from '$lib/layout/frame';
import {
	clusterCountLabel,
	clusterOpacity,
	LABEL_ICON,
	type ClusterLayout,
	type MarkLayout
} from '$lib/layout/lanes';
import { paddedDomain, timeScale } from '$lib/layout/scale';
import { estimateTextWidth, fitText } from '$lib/layout/text';
import { formatRange } from '$lib/format/describe';
import type { PreparedTimeline } from '$lib/model/timeline';
import { DISPLAY_FONT_STACK, FONT_STACK, LIGHT, type Theme } from '$lib/layout/theme';
import { element, escapeXml, num } from './xml';

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
}

const MARGIN = 24;
const TITLE_SIZE = 22;
const TEXT_SIZE = 13;
const SMALL_SIZE = 11;

/** Breaks text into lines no wider than `width`, at most `maxLines` (the last one shortened). */
export function wrapText(
	text: string,
	fontSize: number,
	width: number,
	maxLines: number
): string[] {
	const lines: string[] = [];
	let line = '';
	const words = text.split(/\s+/).filter(Boolean);
	for (let i = 0; i < words.length; i++) {
		const word = words[i] as string;
		const candidate = line ? `${line} ${word}` : word;
		if (estimateTextWidth(candidate, fontSize) <= width || !line) {
			line = candidate;
			continue;
		}
		if (lines.length === maxLines - 1) {
			lines.push(fitText(`${line} ${words.slice(i).join(' ')}`, fontSize, width));
			return lines;
		}
		lines.push(line);
		line = word;
	}
	if (line) lines.push(lines.length === maxLines - 1 ? fitText(line, fontSize, width) : line);
	return lines;
}

function textLines(
	lines: string[],
	x: number,
	y: number,
	lineHeight: number,
	attrs: Record<string, string | number>
) {
	return lines
		.map((line, i) => element('text', { x, y: y + i * lineHeight, ...attrs }, escapeXml(line)))
		.join('');
}

/** The legend: category symbols and names, then what the mark styles mean; flows onto new rows. */
function legend(
	timeline: PreparedTimeline,
	width: number,
	y: number,
	theme: Theme,
	clustered: boolean
) {
	const items: { width: number; draw: (x: number, y: number) => string }[] = timeline.lanes.map(
		(lane, index) => {
			const text = fitText(lane.label, TEXT_SIZE, 260);
			return {
				width: 18 + estimateTextWidth(text, TEXT_SIZE),
				draw: (x, cy) =>
					element('path', {
						d: laneSymbolPath(index, 11),
						transform: `translate(${num(x + 6)},${num(cy)})`,
						fill: laneColor(index)
					}) +
					element(
						'text',
						{
							x: x + 16,
							y: cy,
							'dominant-baseline': 'central',
							'font-size': TEXT_SIZE,
							fill: theme.ink
						},
						escapeXml(text)
					)
			};
		}
	);
	const key = (label: string, swatch: (x: number, cy: number) => string) => ({
		width: 40 + estimateTextWidth(label, SMALL_SIZE),
		draw: (x: number, cy: number) =>
			swatch(x, cy) +
			element(
				'text',
				{
					x: x + 36,
					y: cy,
					'dominant-baseline': 'central',
					'font-size': SMALL_SIZE,
					fill: theme.inkSoft
				},
				escapeXml(label)
			)
	});
	const box = (extra: Record<string, string | number>) => (x: number, cy: number) =>
		element('rect', {
			x,
			y: cy - 5,
			width: 28,
			height: 10,
			rx: 2,
			fill: theme.inkSoft,
			stroke: theme.inkSoft,
			...extra
		});
	items.push(
		key('exact time', (x, cy) =>
			element('path', {
				d: laneSymbolPath(0, 10),
				transform: `translate(${num(x + 14)},${num(cy)})`,
				fill: theme.inkSoft
			})
		),
		key('lasted this long', box({})),
		key('sometime in this period', box({ 'fill-opacity': 0.22 })),
		key('approximate', box({ 'fill-opacity': 0.22, 'stroke-dasharray': '3 2' }))
	);
	if (clustered) {
		items.push(
			key(
				CLUSTER_KEY,
				(x, cy) =>
					element('rect', {
						x,
						y: cy - 7,
						width: 28,
						height: 14,
						rx: 3,
						fill: theme.inkSoft,
						'fill-opacity': 0.7
					}) +
					element(
						'text',
						{
							x: x + 14,
							y: cy,
							'text-anchor': 'middle',
							'dominant-baseline': 'central',
							'font-size': 9,
							'font-weight': 700,
							fill: '#fff'
						},
						'12'
					)
			)
		);
	}
	let x = 0;
	let row = 0;
	const rowHeight = 20;
	const parts: string[] = [];
	for (const item of items) {
		if (x > 0 && x + item.width > width) {
			x = 0;
			row++;
		}
		parts.push(item.draw(MARGIN + x, y + row * rowHeight + rowHeight / 2));
		x += item.width + 18;
	}
	return { svg: parts.join(''), height: (row + 1) * rowHeight };
}

function axis(frame: FrameLayout, theme: Theme) {
	const ticks = frame.axis.ticks
		.map(
			(tick) =>
				element('line', {
					x1: tick.x,
					x2: tick.x,
					y1: AXIS_TICK_Y,
					y2: frame.height,
					stroke: theme.grid
				}) +
				(tick.label
					? element(
							'text',
							{ x: tick.x + 4, y: AXIS_LABEL_Y, 'font-size': 12, fill: theme.inkSoft },
							escapeXml(tick.label)
						)
					: '')
		)
		.join('');
	const context = frame.axis.context
		.map((c) =>
			element(
				'text',
				{ x: c.x + 4, y: AXIS_CONTEXT_Y, 'font-size': 12, 'font-weight': 600, fill: theme.ink },
				escapeXml(c.label)
			)
		)
		.join('');
	const baseline = element('line', {
		x1: 0,
		x2: frame.width,
		y1: AXIS_TICK_Y,
		y2: AXIS_TICK_Y,
		stroke: theme.inkSoft
	});
	return ticks + context + baseline;
}

function lanes(frame: FrameLayout, theme: Theme) {
	return frame.body.lanes
		.map(
			(lane) =>
				element('rect', {
					x: 0,
					y: lane.y,
					width: frame.width,
					height: lane.height,
					fill: lane.index % 2 ? theme.bandOdd : theme.band
				}) +
				element('path', {
					d: laneSymbolPath(lane.index, 10),
					transform: `translate(12,${num(lane.y + 12)})`,
					fill: laneColor(lane.index)
				}) +
				element(
					'text',
					{
						x: 22,
						y: lane.y + 12,
						'dominant-baseline': 'central',
						'font-size': 11,
						'font-weight': 600,
						'letter-spacing': 0.5,
						fill: theme.inkSoft
					},
					escapeXml(lane.label.toUpperCase())
				)
		)
		.join('');
}

/** A band of events too dense to draw one by one, with their count, as on screen. */
function cluster(c: ClusterLayout) {
	const width = Math.max(4, c.x1 - c.x0);
	const label = clusterCountLabel(c.count, width);
	return element(
		'g',
		{ 'data-cluster-count': c.count },
		element('rect', {
			x: c.x0,
			y: c.y - 8,
			width,
			height: 16,
			rx: 3,
			fill: laneColor(c.laneIndex),
			'fill-opacity': num(clusterOpacity(c.count))
		}) +
			(label
				? element(
						'text',
						{
							x: c.x0 + width / 2,
							y: c.y,
							'text-anchor': 'middle',
							'dominant-baseline': 'central',
							'font-size': 10,
							'font-weight': 700,
							fill: '#fff',
							stroke: 'rgb(0,0,0)',
							'stroke-opacity': 0.35,
							'stroke-width': 2,
							'paint-order': 'stroke'
						},
						label
					)
				: '')
	);
}

function mark(m: MarkLayout, theme: Theme) {
	const color = laneColor(m.laneIndex);
	const dashed = m.approximate ? { 'stroke-dasharray': '3 2' } : {};
	let shape: string;
	if (m.instant) {
		shape = element('path', {
			d: laneSymbolPath(m.laneIndex),
			transform: `translate(${num(m.cx)},${num(m.y)})`,
			fill: color,
			stroke: color,
			...(m.approximate ? { 'fill-opacity': 0.45, 'stroke-width': 1.5, ...dashed } : {})
		});
	} else {
		shape = element('rect', {
			x: m.x0,
			y: m.y - 7,
			width: m.x1 - m.x0,
			height: 14,
			rx: 3,
			fill: color,
			stroke: color,
			'fill-opacity': m.uncertain ? 0.22 : 0.9,
			'stroke-opacity': m.uncertain ? 0.75 : 1,
			...dashed
		});
		if (m.core && m.core.x1 > m.core.x0) {
			shape += element('rect', {
				x: m.core.x0,
				y: m.y - 7,
				width: m.core.x1 - m.core.x0,
				height: 14,
				fill: color,
				'fill-opacity': 0.9
			});
		}
	}
	let label = '';
	if (m.label) {
		const l = m.label;
		const start = l.anchor === 'start';
		if (!m.instant) {
			label += element('path', {
				d: laneSymbolPath(m.laneIndex, 9),
				transform: `translate(${num(start ? l.x + 6 : l.x - 6)},${num(m.y)})`,
				fill: color
			});
		}
		const x = m.instant ? l.x : start ? l.x + LABEL_ICON : l.x - LABEL_ICON;
		label += element(
			'text',
			{
				x,
				y: m.y,
				'text-anchor': l.anchor,
				'dominant-baseline': 'central',
				'font-size': 12,
				fill: theme.ink
			},
			escapeXml(l.text)
		);
	}
	return element('g', { 'data-event-id': m.id }, shape + label);
}

/** Builds the figure for `timeline`. */
export function buildFigure(timeline: PreparedTimeline, options: FigureOptions): Figure {
	const theme = options.theme ?? LIGHT;
	const frameWidth = Math.max(200, Math.round(options.width));
	const full = paddedDomain(timeline.extent ?? [0, 86_400_000]);
	const domain: [number, number] =
		options.scope === 'view' && options.domain ? [options.domain[0], options.domain[1]] : full;
	const frame = layoutFrame(timeline, timeScale(domain, frameWidth), frameWidth);
	const width = frameWidth + 2 * MARGIN;
	const range = formatRange(domain);

	let y = MARGIN;
	const titleLines = wrapText(timeline.title, TITLE_SIZE, frameWidth, 2);
	const title = textLines(titleLines, MARGIN, y + TITLE_SIZE, TITLE_SIZE * 1.2, {
		'font-family': DISPLAY_FONT_STACK,
		'font-size': TITLE_SIZE,
		'font-weight': 700,
		fill: theme.ink
	});
	y += titleLines.length * TITLE_SIZE * 1.2 + 6;
	const descriptionLines = timeline.description
		? wrapText(timeline.description, TEXT_SIZE, frameWidth, 3)
		: [];
	const description = textLines(descriptionLines, MARGIN, y + TEXT_SIZE, TEXT_SIZE * 1.35, {
		'font-size': TEXT_SIZE,
		fill: theme.ink
	});
	y += descriptionLines.length * TEXT_SIZE * 1.35 + 10;
	const key = legend(timeline, frameWidth, y, theme, frame.body.clusters.length > 0);
	y += key.height + 12;
	const frameOrigin = { x: MARGIN, y };
	const body =
		element('rect', { x: 0, y: 0, width: frameWidth, height: frame.height, fill: theme.band }) +
		axis(frame, theme) +
		element(
			'g',
			{ transform: `translate(0,${AXIS_HEIGHT})` },
			lanes(frame, theme) +
				frame.body.clusters.map(cluster).join('') +
				frame.body.marks.map((m) => mark(m, theme)).join('')
		);
	y += frame.height + 18;

	// Events drawn one by one and events counted in clusters are all in the figure.
	const shownCount =
		frame.body.marks.length + frame.body.clusters.reduce((sum, c) => sum + c.count, 0);
	const sourceText = timeline.source
		? `Source: ${timeline.source.name}${timeline.source.published ? `, published ${timeline.source.published}` : ''}.`
		: '';
	const footerLines = wrapText(
		`${sourceText} Showing ${range}: ${shownCount} of ${timeline.events.length} events. Times in ${timeline.zone.replace(/_/g, ' ')} time. Made with Eventline.`.trim(),
		SMALL_SIZE,
		frameWidth,
		3
	);
	const footer = textLines(footerLines, MARGIN, y + SMALL_SIZE, SMALL_SIZE * 1.4, {
		'font-size': SMALL_SIZE,
		fill: theme.inkSoft
	});
	y += footerLines.length * SMALL_SIZE * 1.4 + MARGIN;
	const height = Math.ceil(y);

	const descText = `Timeline of ${shownCount} events from ${range}. ${timeline.description}`.trim();
	const svg =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		element(
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
			element('title', { id: 'figure-title' }, escapeXml(timeline.title)) +
				element('desc', { id: 'figure-desc' }, escapeXml(descText)) +
				element('rect', { x: 0, y: 0, width, height, fill: theme.paper }) +
				title +
				description +
				key.svg +
				// A nested <svg> clips, as the page does, what runs past the frame (a span longer than
				// the view), with no clipPath reference for a viewer to resolve.
				element(
					'svg',
					{
						x: frameOrigin.x,
						y: num(frameOrigin.y),
						width: frameWidth,
						height: num(frame.height),
						overflow: 'hidden'
					},
					body
				) +
				footer
		) +
		'\n';
	return { svg, width, height, frameOrigin, domain };
}
