/**
 * Golden files of the exported figure, Observable Plot style: each scenario's SVG, with numbers
 * rounded, is kept in tests/figures/. A figure that changes fails its test and writes
 * `<name>-changed.svg` beside the golden one to look at; `npm run test:figures:update` accepts
 * every change.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import events from '$lib/data/events.json';
import denseLane from '../../../tests/fixtures/dense-lane.json';
import { loadBundledTimeline } from '$lib/ingest/load';
import { DARK } from '$lib/layout/theme';
import type { Dataset } from '$lib/model/schema';
import { prepareTimeline } from '$lib/model/timeline';
import { buildFigure, type FigureOptions } from './svg';
import { frameWidthFor } from './widths';

const DIR = new URL('../../../tests/figures/', import.meta.url);
const UPDATE = process.env.UPDATE_FIGURES === '1';

/**
 * Numbers to one decimal, so that a change below what anyone can see does not count; the XML
 * declaration on the first line keeps its version as written.
 */
function normalise(svg: string) {
	const lineEnd = svg.indexOf('\n');
	const body = svg
		.slice(lineEnd)
		.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10 || 0));
	return svg.slice(0, lineEnd) + body;
}

const report = loadBundledTimeline(events);
const day = (d: number, h = 0, m = 0) =>
	new Date(Date.UTC(2024, 10, d, h, m)).toISOString().slice(0, 16);

const everyPrecision = prepareTimeline({
	title: 'Every precision',
	timeZone: 'UTC',
	events: [
		{ id: 'minute', title: 'To the minute', start: day(3, 9, 41) },
		{ id: 'hour', title: 'Within an hour', start: day(4, 14), precision: 'hour' },
		{
			id: 'part',
			title: 'One morning',
			start: day(5).slice(0, 10),
			precision: 'part-of-day',
			partOfDay: 'morning'
		},
		{ id: 'day', title: 'Sometime that day', start: day(6).slice(0, 10) },
		{ id: 'span', title: 'Lasted two days', start: day(7, 8), end: day(9, 18) },
		{ id: 'approx', title: 'About then', start: day(10).slice(0, 10), approximate: true },
		{ id: 'month', title: 'In that month', start: '2024-11' },
		{
			id: 'fuzzy-ends',
			title: 'From one day to another',
			start: day(12).slice(0, 10),
			end: day(14).slice(0, 10)
		}
	]
});

const burst = prepareTimeline({
	title: 'A dense burst',
	timeZone: 'UTC',
	events: Array.from({ length: 900 }, (_, i) => ({
		id: `e${i}`,
		title: `Report ${i}`,
		start: day(10 + (i % 7), (i * 7) % 24, i % 60),
		category: i % 3 ? 'reports' : 'claims'
	}))
});

const LONG =
	'An event whose title runs on and on, far longer than any row beside it could hold at once';
const longTitles = prepareTimeline({
	title: 'Long titles',
	timeZone: 'UTC',
	events: [
		{ id: 'a', title: LONG, start: day(3) },
		{ id: 'b', title: `${LONG}, and then some more words`, start: day(3, 12) },
		{ id: 'c', title: 'Short', start: day(4) },
		{ id: 'd', title: `${LONG}, a third time`, start: day(5) }
	]
});

const hostile: Dataset = {
	title: '<script>alert(1)</script> & "quotes"',
	description: ']]><foreignObject/> \u0007 control',
	timeZone: 'UTC',
	categories: [{ id: 'x', label: '<svg onload=alert(1)>' }],
	events: ['<b>bold</b>', "' onload='x", 'javascript:alert(1)', `${'W'.repeat(120)}`].map(
		(title, i) => ({
			id: `h${i}`,
			title,
			start: day(10 + i),
			category: 'x',
			sources: [{ name: title, url: 'javascript:alert(1)' }]
		})
	)
};

/** Lanes of groups with eras behind them, and times that name no zone, as a TimelineJS file has. */
const eras = prepareTimeline({
	title: 'Harbour works',
	categories: [
		{ id: 'building', label: 'Building' },
		{ id: 'trade', label: 'Trade' }
	],
	eras: [
		{ title: 'Sail', start: '1840', end: '1859' },
		{ title: 'Breakwater years', start: '1860', end: '1899' },
		{ start: '1900', end: '1910' }
	],
	events: [
		{ id: 'pier', title: 'First pier', start: '1842-04', end: '1842-06', category: 'building' },
		{
			id: 'storm',
			title: 'A storm',
			start: '1851-09-14T14:30',
			category: 'building',
			displayDate: 'Autumn 1851'
		},
		{ id: 'wall', title: 'Breakwater', start: '1868', category: 'building' },
		{ id: 'steam', title: 'Steamers call', start: '1903-07-01', category: 'trade' }
	]
});

const scenarios: Record<string, () => string> = {
	'report-whole-page': () => figure(report, { scope: 'all', width: frameWidthFor('page', 0) }),
	'report-whole-column': () => figure(report, { scope: 'all', width: frameWidthFor('column', 0) }),
	'report-whole-wide': () => figure(report, { scope: 'all', width: frameWidthFor('wide', 0) }),
	'report-whole-page-breaks-off': () =>
		figure(report, { scope: 'all', width: frameWidthFor('page', 0), breaks: false }),
	'report-whole-column-breaks-off': () =>
		figure(report, { scope: 'all', width: frameWidthFor('column', 0), breaks: false }),
	'report-whole-wide-breaks-off': () =>
		figure(report, { scope: 'all', width: frameWidthFor('wide', 0), breaks: false }),
	'report-view-across-break': () =>
		figure(report, {
			scope: 'view',
			width: 1100,
			domain: [Date.UTC(2024, 8, 29), Date.UTC(2024, 10, 16, 12)]
		}),
	'report-week-view': () =>
		figure(report, {
			scope: 'view',
			width: 1100,
			domain: [Date.UTC(2024, 10, 14), Date.UTC(2024, 10, 21)]
		}),
	'report-deep-zoom': () =>
		figure(report, {
			scope: 'view',
			width: 1100,
			domain: [Date.UTC(2024, 10, 17, 5), Date.UTC(2024, 10, 17, 9)]
		}),
	'report-notes': () =>
		figure(report, { scope: 'all', width: frameWidthFor('page', 0), notes: true }),
	'report-dark': () =>
		figure(report, { scope: 'all', width: frameWidthFor('page', 0), theme: DARK }),
	'report-phone': () => figure(report, { scope: 'all', width: 390 - 48 }),
	'every-precision': () => figure(everyPrecision, { scope: 'all', width: 900 }),
	'dense-burst': () => figure(burst, { scope: 'all', width: 900 }),
	// 36 overlapping events in one lane: rows open until every title shows whole, wrapped if need be.
	'dense-lane-column': () =>
		figure(prepareTimeline(denseLane as Dataset), {
			scope: 'all',
			width: frameWidthFor('column', 0)
		}),
	'long-titles': () => figure(longTitles, { scope: 'all', width: 700 }),
	'hostile-text': () => figure(prepareTimeline(hostile), { scope: 'all', width: 700, notes: true }),
	'eras-floating': () => figure(eras, { scope: 'all', width: 900, notes: true })
};

function figure(timeline: Parameters<typeof buildFigure>[0], options: FigureOptions) {
	return normalise(buildFigure(timeline, options).svg);
}

describe('golden figures', () => {
	it.each(Object.keys(scenarios))('%s matches its golden file in tests/figures', (name) => {
		const actual = (scenarios[name] as () => string)();
		const golden = new URL(`${name}.svg`, DIR);
		const changed = new URL(`${name}-changed.svg`, DIR);
		if (UPDATE) {
			writeFileSync(golden, actual);
			rmSync(changed, { force: true });
			return;
		}
		const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : undefined;
		if (actual === expected) {
			rmSync(changed, { force: true });
			return;
		}
		writeFileSync(changed, actual);
		expect.fail(
			expected === undefined
				? `No golden figure ${name}.svg yet: look at ${name}-changed.svg, then run npm run test:figures:update`
				: `${name}.svg changed: compare it with ${name}-changed.svg, then run npm run test:figures:update to accept`
		);
	});
});
