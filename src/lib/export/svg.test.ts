import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareTimeline } from '$lib/model/timeline';
import type { Dataset } from '$lib/model/schema';
import { figureFileName } from './names';
import { CLUSTER_KEY, DENSITY_KEY } from '$lib/layout/encoding';
import { wrapText } from '$lib/layout/text';
import { buildFigure } from './svg';
import { layoutFrame } from '$lib/layout/frame';
import { cutLabels, FIGURE_LAYOUT } from '$lib/layout/lanes';
import { paddedDomain, timeScale } from '$lib/layout/scale';
import { DARK, LIGHT, themeVariables } from '$lib/layout/theme';
import { escapeXml } from '$lib/draw/xml';
import events from '$lib/data/events.json';
import { loadBundledTimeline } from '$lib/ingest/load';
import { estimateTextWidth } from '$lib/layout/text';
import { frameWidthFor, WIDTH_PRESETS } from './widths';

const HOSTILE = [
	'<script>alert(1)</script>',
	'"><img src=x onerror=alert(1)>',
	"' onload='alert(1)",
	']]><foreignObject><body onload="alert(1)"/></foreignObject>',
	'&amp; &lt; &#x3C; \u0000\u0007\u001b control',
	'<svg onload=alert(1)>',
	'javascript:alert(1)',
	'\uD800 lone surrogate'
];

function hostileDataset(): Dataset {
	return {
		title: HOSTILE[0],
		description: HOSTILE[1],
		timeZone: 'UTC',
		source: { name: HOSTILE[3] as string },
		categories: [{ id: 'x', label: HOSTILE[5] as string }],
		events: HOSTILE.map((text, i) => ({
			id: `e${i}`,
			title: text,
			summary: text,
			start: `2024-11-${String(10 + i).padStart(2, '0')}`,
			category: 'x',
			actors: [text],
			quotes: [{ text, speaker: text }],
			sources: [{ name: text }]
		}))
	};
}

const ALLOWED_ELEMENTS = new Set([
	'svg',
	'title',
	'desc',
	'g',
	'rect',
	'path',
	'line',
	'text',
	'tspan'
]);

/** Every start tag's element name and attribute names. Attribute values are escaped, so no `"` or `<` hides inside one. */
function tags(svg: string) {
	const body = svg.replace(/^<\?xml[^>]*\?>\s*/, '');
	return [...body.matchAll(/<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*\/?>/g)].map((m) => ({
		name: m[1] ?? '',
		attributes: [...(m[2] ?? '').matchAll(/([\w:.-]+)="([^"]*)"/g)].map((a) => ({
			name: a[1] ?? '',
			value: a[2] ?? ''
		}))
	}));
}

/** What must never be in an exported file, whatever the data: only drawing elements, no handlers, no references. */
function expectInert(svg: string) {
	const found = tags(svg);
	// Every '<' in the file opens one of the tags found: none is hidden from this check.
	expect(found.length).toBe((svg.replace(/^<\?xml[^>]*\?>/, '').match(/<(?!\/)/g) ?? []).length);
	for (const tag of found) {
		expect(ALLOWED_ELEMENTS, tag.name).toContain(tag.name);
		for (const attribute of tag.attributes) {
			expect(attribute.name).not.toMatch(/^on|href$/i);
			expect(attribute.value).not.toMatch(/url\(|javascript:/i);
		}
	}
	// eslint-disable-next-line no-control-regex
	expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
}

/** The figure's text, as a reader sees it (lines joined). */
const visibleText = (svg: string) =>
	[...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');

function render(svg: string) {
	return new Resvg(svg, {
		font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }
	}).render();
}

/** Share of pixels that are not the figure's background colour. */
function inkedShare(
	png: { pixels: Buffer; width: number; height: number },
	background: [number, number, number]
) {
	let inked = 0;
	for (let i = 0; i < png.pixels.length; i += 4) {
		const d =
			Math.abs((png.pixels[i] ?? 0) - background[0]) +
			Math.abs((png.pixels[i + 1] ?? 0) - background[1]) +
			Math.abs((png.pixels[i + 2] ?? 0) - background[2]);
		if (d > 40) inked++;
	}
	return inked / (png.width * png.height);
}

const bundled = prepareTimeline({
	title: 'Test timeline',
	description: 'A few events to draw.',
	timeZone: 'Europe/Kyiv',
	source: { name: 'News report', published: '2024-11-17' },
	categories: [
		{ id: 'strike', label: 'Strikes' },
		{ id: 'diplomacy', label: 'Diplomacy' }
	],
	events: [
		{
			id: 'a',
			title: 'Missile strike on the power grid',
			start: '2024-11-17',
			precision: 'part-of-day',
			partOfDay: 'early-morning',
			category: 'strike'
		},
		{
			id: 'b',
			title: 'Scholz calls Putin',
			start: '2024-11-15T15:00',
			timeZone: 'Europe/Berlin',
			category: 'diplomacy'
		},
		{
			id: 'c',
			title: 'Troops deployed',
			start: '2024-10',
			end: '2024-11',
			category: 'diplomacy',
			approximate: true
		}
	]
});

describe('buildFigure', () => {
	it('is a standalone SVG with namespace, size, viewBox, title and description', () => {
		const { svg, width, height } = buildFigure(bundled, { scope: 'all', width: 1000 });
		expect(svg).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/
		);
		expect(svg).toContain(`width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`);
		expect(svg).toContain('<title id="figure-title">Test timeline</title>');
		expect(svg).toMatch(/<desc id="figure-desc">Timeline of 3 events from/);
		expect(svg).not.toMatch(/var\(--|class=|<style/);
	});

	it('has every event of the whole timeline, the legend, the axis and a footer with the source', () => {
		const { svg } = buildFigure(bundled, { scope: 'all', width: 1000 });
		for (const e of bundled.events) expect(svg).toContain(`data-event-id="${e.id}"`);
		for (const title of ['Scholz calls Putin', 'Missile strike on the power grid'])
			expect(svg).toContain(title);
		for (const text of [
			'Strikes',
			'exact time',
			'sometime in this period',
			'STRIKES',
			'November 2024',
			'Source: News report, published 2024-11-17'
		]) {
			expect(svg).toContain(text);
		}
	});

	it('has only the events in view for the current-view scope, and says which dates it shows', () => {
		const day = Date.UTC(2024, 10, 17);
		const { svg, domain } = buildFigure(bundled, {
			scope: 'view',
			width: 800,
			domain: [day, day + 86_400_000]
		});
		expect(svg).toContain('data-event-id="a"');
		expect(svg).not.toContain('data-event-id="b"');
		expect(visibleText(svg)).toContain('Showing 17 November 2024: 2 of 3 events');
		expect(domain).toEqual([day, day + 86_400_000]);
	});

	it('cuts a span longer than the view at the frame, leaving the margins clean', () => {
		// Ten minutes inside the October–November span "c": unclipped it would run across both margins.
		const noon = Date.UTC(2024, 10, 17, 12);
		const figure = buildFigure(bundled, {
			scope: 'view',
			width: 800,
			domain: [noon, noon + 10 * 60_000]
		});
		expect(figure.svg).toContain('data-event-id="c"');
		const png = render(figure.svg);
		const all = png.pixels;
		const paper: [number, number, number] = [0xfb, 0xfa, 0xf7];
		const margin = Math.floor(figure.frameOrigin.x) - 2;
		const column = (x0: number) => {
			const pixels: number[] = [];
			for (let y = 0; y < png.height; y++)
				for (let x = x0; x < x0 + margin; x++) {
					const i = (y * png.width + x) * 4;
					pixels.push(...all.subarray(i, i + 4));
				}
			return { pixels: Buffer.from(pixels), width: margin, height: png.height };
		};
		expect(inkedShare(column(0), paper)).toBe(0);
		expect(inkedShare(column(png.width - margin), paper)).toBe(0);
		// …and inside the frame the span is drawn across the whole view.
		const rect = /<g data-event-id="c"><rect x="([-\d.]+)"[^>]* width="([\d.]+)"/.exec(figure.svg);
		expect(Number(rect?.[1])).toBeLessThanOrEqual(0);
		expect(Number(rect?.[1]) + Number(rect?.[2])).toBeGreaterThanOrEqual(800);
	});

	it('counts events too dense to draw one by one in clusters, as the screen does', () => {
		const day = Date.UTC(2024, 10, 1);
		const dense = prepareTimeline({
			title: 'Dense',
			timeZone: 'UTC',
			events: Array.from({ length: 3000 }, (_, i) => ({
				id: `e${i}`,
				title: `Event ${i}`,
				start: new Date(day + i * 600_000).toISOString().slice(0, 16)
			}))
		});
		const { svg } = buildFigure(dense, { scope: 'all', width: 1000 });
		const counts = [...svg.matchAll(/data-(?:cluster|density)-count="(\d+)"/g)].map((m) =>
			Number(m[1])
		);
		const marks = [...svg.matchAll(/data-event-id="/g)].length;
		// The lane is drawn as many bars (a subpath each), not as one lump.
		const lane = /<g data-density-count="\d+">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
		expect([...lane.matchAll(/d="([^"]*)"/g)].flatMap((m) => m[1]?.split('M').slice(1))).toSatisfy(
			(bars: unknown[]) => bars.length > 5
		);
		expect(counts.reduce((sum, n) => sum + n, 0) + marks).toBe(3000);
		expect(visibleText(svg)).toContain('3000 of 3000 events');
		// Many clusters in a lane read as density, and the legend says so; a figure without any
		// clusters mentions neither kind.
		expect(visibleText(svg)).toContain(DENSITY_KEY);
		expect(visibleText(svg)).not.toContain(CLUSTER_KEY);
		const plain = visibleText(buildFigure(bundled, { scope: 'all', width: 1000 }).svg);
		expect(plain).not.toContain(CLUSTER_KEY);
		expect(plain).not.toContain(DENSITY_KEY);
		expectInert(svg);
	});

	it('stays inert and well-formed with hostile text in every field', () => {
		const figure = buildFigure(prepareTimeline(hostileDataset()), { scope: 'all', width: 1200 });
		expectInert(figure.svg);
		expect(figure.svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		// resvg's XML parser is strict: a malformed file throws here.
		const png = render(figure.svg);
		expect(png.width).toBe(figure.width);
	});

	it('stays inert for any text at all', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), {
					minLength: 1,
					maxLength: 6
				}),
				(titles) => {
					const timeline = prepareTimeline({
						title: titles[0],
						timeZone: 'UTC',
						events: titles.map((title, i) => ({
							id: `e${i}`,
							title,
							start: `2024-11-${String(10 + i).padStart(2, '0')}`
						}))
					});
					const { svg } = buildFigure(timeline, { scope: 'all', width: 600 });
					expectInert(svg);
					expect(() => render(svg)).not.toThrow();
				}
			),
			{ numRuns: 60 }
		);
		// Sixty resvg renders: seconds on a busy two-core machine; the limit is for hangs, not speed.
	}, 30_000);

	it('renders in resvg, a non-browser renderer, with its text drawn', () => {
		const figure = buildFigure(bundled, { scope: 'all', width: 1000 });
		const withText = render(figure.svg);
		const withoutText = render(figure.svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, ''));
		const paper: [number, number, number] = [0xfb, 0xfa, 0xf7];
		const textShare = inkedShare(
			{ pixels: withText.pixels, width: withText.width, height: withText.height },
			paper
		);
		const bareShare = inkedShare(
			{ pixels: withoutText.pixels, width: withoutText.width, height: withoutText.height },
			paper
		);
		// Text (title, labels, axis, legend, footer) adds visible ink: the fonts resolved and drew.
		expect(textShare - bareShare).toBeGreaterThan(0.01);
	});

	it('draws the dark theme in dark colours', () => {
		const { svg } = buildFigure(bundled, { scope: 'all', width: 800, theme: DARK });
		expect(svg).toContain(`fill="${DARK.paper}"`);
		expect(svg).not.toContain(`fill="${LIGHT.paper}"`);
	});
});

describe('helpers', () => {
	it('escapes markup and drops characters XML forbids', () => {
		expect(escapeXml('<a href="x">&\'\u0000</a>')).toBe(
			'&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;'
		);
	});
	it('wraps long text and shortens the last line', () => {
		const lines = wrapText(
			'one two three four five six seven eight nine ten eleven twelve',
			12,
			60,
			2
		);
		expect(lines).toHaveLength(2);
		expect(lines[1]?.endsWith('…')).toBe(true);
	});
	it('names files after the dataset and the dates shown', () => {
		expect(
			figureFileName(
				'Russia strikes Ukraine’s power grid; US clears ATACMS',
				[Date.UTC(2024, 10, 15), Date.UTC(2024, 10, 19)],
				'svg'
			)
		).toBe('russia-strikes-ukraine-s-power-grid-us-clears-atacms_2024-11-15_2024-11-19.svg');
		expect(figureFileName('<>', [0, 0], 'png')).toBe('timeline_1970-01-01_1970-01-01.png');
	});
	it('the page stylesheet declares the same theme colours the export uses', () => {
		const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
		const light = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
		for (const [name, value] of Object.entries(themeVariables(LIGHT))) {
			expect(light, name).toMatch(new RegExp(`${name}:\\s*${value};`));
		}
		const dark = /\[data-theme='dark'\]\s*{([^}]*)}/.exec(css)?.[1] ?? '';
		const preferred =
			/prefers-color-scheme: dark\)\s*{\s*:root:not\(\[data-theme='light'\]\)\s*{([^}]*)}/.exec(
				css
			)?.[1] ?? '';
		for (const [name, value] of Object.entries(themeVariables(DARK))) {
			expect(dark, name).toMatch(new RegExp(`${name}:\\s*${value};`));
			expect(preferred, name).toMatch(new RegExp(`${name}:\\s*${value};`));
		}
	});
});

const report = loadBundledTimeline(events);

describe('figure options', () => {
	it('redoes the layout for each width preset rather than scaling the drawing', () => {
		for (const [name, total] of Object.entries(WIDTH_PRESETS)) {
			const figure = buildFigure(report, {
				scope: 'all',
				width: frameWidthFor(name as keyof typeof WIDTH_PRESETS, 1200)
			});
			expect(figure.width, name).toBe(total);
			expect(figure.svg).toContain(`viewBox="0 0 ${total} ${figure.height}"`);
		}
		const screen = buildFigure(report, { scope: 'all', width: frameWidthFor('screen', 1200) });
		expect(screen.width).toBe(1200 + 48);
	});

	it('numbers the events drawn and lists their evidence under the figure, in time order', () => {
		const plain = buildFigure(report, { scope: 'all', width: 952 });
		const noted = buildFigure(report, { scope: 'all', width: 952, notes: true });
		expect(plain.svg).not.toContain('Sources and notes');
		expect(noted.svg).toContain('Sources and notes');
		expect(noted.height).toBeGreaterThan(plain.height);
		// Each event drawn has its number, and each number its entry with the event's sources.
		const drawn = (noted.svg.match(/data-event-id=/g) ?? []).length;
		expect(drawn).toBe(report.events.length);
		for (let n = 1; n <= drawn; n++) {
			expect(noted.svg).toContain(
				`font-size="8" font-weight="700" fill="${LIGHT.inkSoft}">${n}</text>`
			);
		}
		const first = report.events[0];
		expect(first?.event.sources?.length).toBeGreaterThan(0);
		expect(noted.svg).toContain(escapeXml(first?.event.sources?.[0]?.name ?? '?'));
		expectInert(noted.svg);
	});

	it('cuts no title: labels wrap onto more lines and rows instead, at every width', () => {
		for (const width of [...Object.values(WIDTH_PRESETS).map((w) => w - 48), 342]) {
			const scale = timeScale(paddedDomain(report.extent ?? [0, 1]), width);
			// On the page, the narrowest widths cut some titles (the tooltip gives the rest) ...
			const onPage = layoutFrame(report, scale, width).body;
			const inFigure = layoutFrame(report, scale, width, FIGURE_LAYOUT).body;
			if (width === 342) expect(cutLabels(onPage)).toBeGreaterThan(0);
			// ... the figure, with no tooltip, shows every title whole, over as many lines as it takes.
			expect(cutLabels(inFigure), `width ${width}`).toBe(0);
			const figure = buildFigure(report, { scope: 'all', width });
			const shown = [...figure.svg.matchAll(/data-event-id="[^"]*">(.*?)<\/g>/g)].map((m) =>
				(m[1] ?? '')
					.replace(/<[^>]+>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim()
			);
			for (const e of report.events) expect(shown).toContain(escapeXml(e.event.title));
		}
	});

	it('breaks a long unbroken string so that no line runs past the figure', () => {
		const lines = wrapText(`see ${'x'.repeat(300)} and more`, 11, 200, Infinity);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(estimateTextWidth(line, 11)).toBeLessThanOrEqual(200);
		expect(lines.join('').replace(/\s/g, '')).toBe(`see${'x'.repeat(300)}andmore`);
	});
});
