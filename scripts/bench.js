/**
 * `npm run bench`: how Eventline performs at 1,000, 10,000, 100,000 and 1,000,000 events in a real
 * Chromium.
 *
 * 1. builds the app if `build/` is missing, and writes the synthetic datasets to a temp folder;
 * 2. serves both from one local server (same origin, as `?src=` and the page's CSP expect);
 * 3. per dataset: opens `/?src=…`, times response-to-ready by the page's own clock, then drives real
 *    ctrl+wheel zooms, drags and shift+wheel pans over the timeline while recording frame times,
 *    DOM size and heap;
 * 4. per dataset, the same loads of a control page (served by this script) that only fetches and
 *    `JSON.parse`s the file: Eventline's navigation→ready against it, and the phases of Eventline's
 *    load (the `eventline:*` performance measures the page leaves);
 * 5. measures the gzipped JavaScript that `/` loads, prints tables next to the targets and writes
 *    every number to `bench-results/bench.json`.
 *
 A million events are read from NDJSON and from Parquet files (the NDJSON against its control);
 * the smaller sizes from JSON. `BENCH_SIZES=100000 npm run bench` measures only the sizes named
 * (comma-separated). `BENCH_LOADS=1` loads each dataset once instead of three times (a million
 * events are loaded once unless BENCH_LOADS says otherwise).
 *
 * A measurement, not a test: it exits 0 whether or not the targets are met, and 1 only when it
 * could not measure (no Chromium, build failed, a page errored or never became ready).
 */
import { spawnSync } from 'node:child_process';
import {
	createReadStream,
	existsSync,
	mkdirSync,
	mkdtempSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generateDataset } from './bench-data.js';
import { writeDataset } from './bench-files.js';
import { benchTiles, formatTileBench } from './bench-tiles.js';
import { measureTilesPage, serveAppAndTiles, TILE_TARGETS } from './bench-tiles-page.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

/** @typedef {import('@playwright/test').Browser} Browser */
/** @typedef {import('@playwright/test').Page} Page */

/**
 * What the init script leaves on `window`: when `<html data-state>` first became ready or error,
 * the requestAnimationFrame timestamps recorded during input, and every long task as [start, ms].
 * @typedef {{ state?: string, at?: number, frames: number[], recording: boolean, longTasks: [number, number][] }} Probe
 * @typedef {Window & { __bench?: Probe }} ProbedWindow
 */

/**
 * One dataset's numbers, or why there are none.
 * @typedef {object} Row
 * @property {number} events
 * @property {import('./bench-files.js').BenchFormat} format the data file's format
 * @property {string} [failed] why the dataset could not be measured
 * @property {number} [dataMB] size of the data file
 * @property {number | null} [loadToReadyMs] data response end → `data-state="ready"`
 * @property {number} [loadLongestTaskMs] the longest main-thread task from the data's first byte to a second after ready
 * @property {(number | null)[]} [loadToReadySamplesMs] every load's figure; loadToReadyMs is their median
 * @property {number} [navigationToReadyMs] navigation start → ready (median of the loads)
 * @property {number} [controlNavigationToReadyMs] the same for the control page (fetch + parse only)
 * @property {number} [addedMs] navigationToReadyMs − controlNavigationToReadyMs
 * @property {Record<string, number>} [phasesMs] median time of each phase of Eventline's load
 * @property {number} [heapMB] JS heap after load, after a forced GC
 * @property {number} [heapAfterInputMB] JS heap after the input sequence, after a forced GC
 * @property {number} [domInitial] elements inside `[data-timeline]` once ready
 * @property {number} [domMax] most elements seen inside it during the input sequence
 * @property {number} [frames] frame intervals recorded
 * @property {number} [frameP50Ms]
 * @property {number} [frameP95Ms]
 * @property {number} [frameMaxMs]
 * @property {number} [framesOver50Ms]
 * @property {number} [longTasks] main-thread tasks over 50 ms during the input sequence
 * @property {number} [longTaskMs] their total duration
 * @property {number} [inputMs] how long the input sequence took
 * @property {string} [rangeInitial] the toolbar's visible-range text once ready
 * @property {string} [rangeZoomedIn] the same at the deepest zoom, proof the input reached the app
 * @property {string} [note] anything odd, such as an input sequence cut short
 */

// The repository this script sits in (the cwd under `npm run bench`, and right wherever it is run from).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'build');
const ALL_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** The formats each size is written in: JSON up to 100k, NDJSON and Parquet at a million. */
const formatsOf = (/** @type {number} */ size) =>
	/** @type {import('./bench-files.js').BenchFormat[]} */ (
		size >= 1_000_000 ? ['ndjson', 'parquet'] : ['json']
	);
/** The sizes to measure: all, or those `BENCH_SIZES` names. */
const SIZES = process.env.BENCH_SIZES
	? process.env.BENCH_SIZES.split(',').map((size) => Number(size.replace(/[_\s]/g, '')))
	: ALL_SIZES;
/**
 * Tile sets measured (built with `npm run tiles`, then read by the page through `?tiles=`): a
 * million and ten million events on a full run; `BENCH_TILES_SIZES` names others, `0` none. A run
 * that names its `BENCH_SIZES` measures no tiles unless it names these too.
 */
const TILE_SIZES = (
	process.env.BENCH_TILES_SIZES ?? (process.env.BENCH_SIZES ? '0' : '1000000,10000000')
)
	.split(',')
	.map((size) => Number(size.replace(/[_\s]/g, '')))
	.filter((size) => size > 0);
/** Most Eventline may add to the control page's navigation→ready at 100k events (the issue's target). */
const ADDED_TARGET_MS = 1500;
/** The phases of a load, in the order the page marks them (see src/lib/state/load-timing.ts). */
const PHASES = ['boot', 'download', 'parse', 'index', 'transfer', 'draw'];
const SEED = 1;
/** Loads per dataset; the load→ready figure is their median. */
const LOADS = Number(process.env.BENCH_LOADS) || 3;
/** Loads of a dataset: {@link LOADS}, or one for a million events unless BENCH_LOADS says otherwise. */
const loadsOf = (/** @type {number} */ events) =>
	events >= 1_000_000 && !process.env.BENCH_LOADS ? 1 : LOADS;
const VIEWPORT = { width: 1280, height: 800 };
/** Generous: a slow version of the app may take many seconds at 100k, and that is still a result. */
const READY_TIMEOUT_MS = (SIZES.some((size) => size >= 1_000_000) ? 5 : 2) * 60_000;
/** How long after ready the load's first draw is still counted. */
const LOAD_SETTLE_MS = 1000;
/** The input sequence stops early past this, so a very slow app still finishes the run. */
const INPUT_BUDGET_MS = 90_000;
/**
 * Hard stop for everything after the build, so a hung browser cannot hold a CI job; a million
 * events take minutes per load on a two-core machine, so naming them buys more time.
 */
const RUN_BUDGET_MS =
	((SIZES.some((size) => size >= 1_000_000) ? 40 : 10) +
		TILE_SIZES.reduce((minutes, size) => minutes + Math.ceil(size / 250_000), 0)) *
	60_000;
/**
 * rAF timestamps in headless Chromium wobble a few tenths of a millisecond around the 16.67 ms
 * vsync, so a frame counts as on time within this much of a frame-budget target.
 */
const FRAME_JITTER_MS = 0.5;

/**
 * The issue's targets. `slack` is added to the limit before comparing.
 * `format` is json unless given.
 * @type {{ events: number, format?: string, metric: keyof Row, op: '≤' | '<', limit: number, slack?: number, label: string }[]}
 */
const TARGETS = [
	{ events: 100_000, metric: 'loadToReadyMs', op: '≤', limit: 1500, label: 'load→ready' },
	{
		events: 100_000,
		metric: 'addedMs',
		op: '≤',
		limit: ADDED_TARGET_MS,
		label: 'added to control'
	},
	...['ndjson', 'parquet'].flatMap((format) => [
		{
			events: 1_000_000,
			format,
			metric: /** @type {keyof Row} */ ('frameP95Ms'),
			op: /** @type {const} */ ('≤'),
			limit: 16.7,
			slack: FRAME_JITTER_MS,
			label: 'frame p95'
		},
		{
			events: 1_000_000,
			format,
			metric: /** @type {keyof Row} */ ('domMax'),
			op: /** @type {const} */ ('<'),
			limit: 5000,
			label: 'DOM elements'
		},
		{
			events: 1_000_000,
			format,
			metric: /** @type {keyof Row} */ ('heapMB'),
			op: /** @type {const} */ ('<'),
			limit: 1024,
			label: 'heap'
		}
	]),
	{
		events: 1_000_000,
		format: 'parquet',
		metric: 'navigationToReadyMs',
		op: '≤',
		limit: 5000,
		label: 'navigation→ready'
	},
	{
		events: 1_000_000,
		format: 'ndjson',
		metric: 'addedMs',
		op: '≤',
		limit: 3000,
		label: 'added to control'
	},
	{ events: 100_000, metric: 'frameP95Ms', op: '<', limit: 33, label: 'frame p95' },
	{ events: 100_000, metric: 'domMax', op: '≤', limit: 5000, label: 'DOM elements' },
	{ events: 100_000, metric: 'loadLongestTaskMs', op: '≤', limit: 200, label: 'longest load task' },
	{
		events: 10_000,
		metric: 'frameP95Ms',
		op: '≤',
		limit: 16.7,
		slack: FRAME_JITTER_MS,
		label: 'frame p95'
	}
];
/** First-paint JavaScript budget, gzipped (tests/budget.spec.ts checks the same in `npm test`). */
const JS_TARGET_KB = 90;

const CONTENT_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.ndjson': 'application/x-ndjson',
	'.parquet': 'application/vnd.apache.parquet',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

const round1 = (/** @type {number} */ n) => Math.round(n * 10) / 10;
const log = (/** @type {string} */ line) => console.log(line);
const errorText = (/** @type {unknown} */ error) =>
	(error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

// --- 1. Build and data ------------------------------------------------------------------------

/**
 * Builds the app, so the numbers are for the code as it is now, not a stale build; with
 * `--no-build`, measures whatever `build/` holds. False if the build failed.
 */
function ensureBuild() {
	if (process.argv.includes('--no-build') && existsSync(join(BUILD, 'index.html'))) return true;
	log('Building the app (npm run build)…');
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
	return result.status === 0 && existsSync(join(BUILD, 'index.html'));
}

/** Writes each size in each of its formats into a fresh temp folder; returns the folder. */
function writeDatasets() {
	const dir = mkdtempSync(join(tmpdir(), 'eventline-bench-'));
	for (const size of SIZES) {
		const dataset = generateDataset(size, SEED);
		for (const format of formatsOf(size)) {
			writeDataset(join(dir, `${size}.${format}`), dataset, format);
		}
	}
	return dir;
}

// --- 2. One local server for the app and the data ---------------------------------------------

/**
 * Serves `build/` as a static host would (`/` → index.html, `/embed` → embed.html) and the
 * datasets under `/bench-data/NAME.json`, on a free loopback port.
 * @param {string} dataDir
 * @returns {Promise<{ origin: string, close: () => void }>}
 */
async function startServer(dataDir) {
	const server = createServer((request, response) => {
		if (request.method !== 'GET' && request.method !== 'HEAD') {
			response.writeHead(405).end();
			return;
		}
		let path;
		try {
			path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
		} catch {
			response.writeHead(400).end();
			return;
		}
		if (path === '/bench-control.html') {
			response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			response.end(request.method === 'HEAD' ? undefined : CONTROL_PAGE);
			return;
		}
		const data = /^\/bench-data\/([\w-]+\.(?:json|ndjson|parquet))$/.exec(path)?.[1];
		const file = data ? existingFile(join(dataDir, data)) : staticFile(path);
		if (!file) {
			response.writeHead(404).end();
			return;
		}
		const type = CONTENT_TYPES[/** @type {keyof CONTENT_TYPES} */ (extname(file))];
		response.writeHead(200, {
			'content-type': type ?? 'application/octet-stream',
			'content-length': statSync(file).size
		});
		if (request.method === 'HEAD') response.end();
		else
			createReadStream(file)
				.on('error', () => response.destroy())
				.pipe(response);
	});
	await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('the server has no port');
	return {
		origin: `http://127.0.0.1:${address.port}`,
		close: () => {
			server.closeAllConnections();
			server.close();
		}
	};
}

/**
 * The control: a page that only fetches the data file named by `?src=`, parses it, and says ready
 * the way Eventline does (`<html data-state="ready">`), so the difference is what Eventline adds.
 */
const CONTROL_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Control</title></head>
<body><main><p>Control page: fetch and parse only.</p></main>
<script>
const src = new URLSearchParams(location.search).get('src');
fetch(src)
	.then((response) => response.text())
	.then((text) => {
		// NDJSON is parsed a line at a time, as any reader of it must.
		const events = src.endsWith('.ndjson')
			? text.split('\\n').filter((line) => line.trim()).map((line) => JSON.parse(line))
			: JSON.parse(text).events;
		window.__controlEvents = events.length;
		document.documentElement.dataset.state = 'ready';
	})
	.catch(() => (document.documentElement.dataset.state = 'error'));
</script></body></html>`;

/**
 * The file in `build/` for a URL path, or undefined. Resolving and then checking the prefix keeps
 * `..` in a path from reading outside the build.
 * @param {string} path
 */
function staticFile(path) {
	const base = resolve(BUILD, `.${path}`);
	const candidates = path.endsWith('/')
		? [join(base, 'index.html')]
		: [base, `${base}.html`, join(base, 'index.html')];
	return candidates.find((file) => file.startsWith(BUILD + sep) && existingFile(file));
}

/** `file` when it exists and is a regular file. @param {string} file */
const existingFile = (file) => (existsSync(file) && statSync(file).isFile() ? file : undefined);

// --- 3. One dataset in the browser --------------------------------------------------------------

/**
 * Runs before the app's own scripts on every page: notes when `<html data-state>` first turns
 * ready or error, by the page's clock, and provides the rAF frame recorder.
 */
function installProbe() {
	const w = /** @type {ProbedWindow} */ (window);
	/** @type {Probe} */
	const probe = { frames: [], recording: false, longTasks: [] };
	w.__bench = probe;
	// Long tasks tell main-thread work (script, style, layout) apart from frames lost after it
	// (paint, raster, compositing), which shows as a frame gap with no long task.
	try {
		new PerformanceObserver((list) => {
			for (const task of list.getEntries()) probe.longTasks.push([task.startTime, task.duration]);
		}).observe({ type: 'longtask' });
	} catch {
		// No Long Tasks API in this browser: the list stays empty.
	}
	// The element may not exist yet when this runs, so watch the document for the attribute.
	new MutationObserver(() => {
		const state = document.documentElement?.dataset.state;
		if (!probe.state && (state === 'ready' || state === 'error')) {
			Object.assign(probe, { state, at: performance.now() });
		}
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

/** Nearest-rank percentile of ascending numbers. */
const percentile = (/** @type {number[]} */ sorted, /** @type {number} */ p) =>
	sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;

/**
 * Opens `/?src=` for one dataset and waits for the page to say it is ready. Throws when it says
 * error or never says anything.
 * @param {Page} page
 * @param {string} origin
 * @param {string} file the data file's name, such as `100000.json`
 * @param {string} [pagePath] the page that loads it: Eventline's `/`, or the control page
 * @returns {Promise<{ longestTaskMs: number, navigationToReadyMs: number, loadToReadyMs: number | null, phasesMs: Record<string, number> }>}
 */
async function loadOnce(page, origin, file, pagePath = '/') {
	const dataUrl = `${origin}/bench-data/${file}`;
	const dataResponse = page.waitForResponse(dataUrl, { timeout: READY_TIMEOUT_MS });
	await page.goto(`${origin}${pagePath}?src=/bench-data/${file}`, {
		waitUntil: 'commit',
		timeout: READY_TIMEOUT_MS
	});
	const response = await dataResponse;
	if (!response.ok()) throw new Error(`the data file answered ${response.status()}`);
	try {
		await page.waitForFunction(
			() => /** @type {ProbedWindow} */ (window).__bench?.state !== undefined,
			null,
			{ timeout: READY_TIMEOUT_MS, polling: 50 }
		);
	} catch (error) {
		const state = await page
			.evaluate(() => document.documentElement.dataset.state)
			.catch(() => 'unknown');
		throw new Error(
			`not ready within ${READY_TIMEOUT_MS / 1000} s (data-state=${state}): ${errorText(error)}`,
			{ cause: error }
		);
	}
	// The first draw after ready belongs to the load too.
	await page.waitForTimeout(LOAD_SETTLE_MS);
	const loaded = await page.evaluate((url) => {
		const probe = /** @type {ProbedWindow} */ (window).__bench;
		const entry = /** @type {PerformanceResourceTiming | undefined} */ (
			performance.getEntriesByName(url)[0]
		);
		const from = entry?.responseStart ?? 0;
		// The load's phases as the page measured them; boot is navigation → the load's start.
		const start = performance.getEntriesByName('eventline:start', 'mark')[0];
		/** @type {Record<string, number>} */
		const phases = start ? { boot: start.startTime } : {};
		for (const measure of performance.getEntriesByType('measure')) {
			if (measure.name.startsWith('eventline:')) {
				const phase = measure.name.slice('eventline:'.length);
				phases[phase === 'read' ? 'download' : phase] = measure.duration;
			}
		}
		return {
			phases,
			// The longest main-thread task from the first byte of data to the first draw: no step of
			// a load may freeze the page.
			longestTask: Math.max(
				0,
				...(probe?.longTasks ?? []).filter(([start]) => start >= from).map(([, ms]) => ms)
			),
			state: probe?.state,
			at: probe?.at ?? 0,
			responseEnd: entry?.responseEnd,
			// innerText keeps the alert's line breaks, which separate its issues.
			alert:
				/** @type {HTMLElement | null} */ (document.querySelector('[role=alert]'))?.innerText ?? ''
		};
	}, dataUrl);
	if (loaded.state === 'error') {
		const alert = loaded.alert
			.trim()
			.replace(/\s*\n\s*/g, ' | ')
			.replace(/\s+/g, ' ');
		throw new Error(`the app reported an error: ${alert}`);
	}
	return {
		longestTaskMs: Math.round(loaded.longestTask),
		navigationToReadyMs: Math.round(loaded.at),
		phasesMs: Object.fromEntries(
			Object.entries(loaded.phases).map(([phase, ms]) => [phase, Math.round(ms)])
		),
		loadToReadyMs:
			loaded.responseEnd === undefined ? null : Math.round(loaded.at - loaded.responseEnd)
	};
}

/**
 * Loads one dataset and drives input over it. Throws only when the page could not be measured.
 * @param {Browser} browser
 * @param {string} origin
 * @param {number} events
 * @param {import('./bench-files.js').BenchFormat} format
 * @param {number} dataBytes
 * @returns {Promise<Row>}
 */
async function measureDataset(browser, origin, events, format, dataBytes) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	try {
		const page = await context.newPage();
		await page.addInitScript(installProbe);
		/** @type {Row} */
		const row = { events, format, dataMB: round1(dataBytes / 1024 / 1024) };

		// One load is one sample on a shared machine: load a few times and report the median.
		const samples = [];
		for (let i = 0; i < loadsOf(events); i++) {
			samples.push(await loadOnce(page, origin, `${events}.${format}`));
		}
		const times = samples.map((sample) => sample.loadToReadyMs);
		const measured = times.filter((t) => t !== null).sort((a, b) => a - b);
		row.loadToReadySamplesMs = times;
		row.navigationToReadyMs = median(samples.map((sample) => sample.navigationToReadyMs));
		row.phasesMs = Object.fromEntries(
			PHASES.map((phase) => [phase, median(samples.map((s) => s.phasesMs[phase] ?? 0))])
		);
		log(
			`  navigation→ready: ${row.navigationToReadyMs} ms; phases (median): ` +
				PHASES.map((phase) => `${phase} ${row.phasesMs?.[phase]} ms`).join(', ')
		);
		row.loadToReadyMs = measured.length ? percentile(measured, 0.5) : null;
		row.loadLongestTaskMs = Math.max(...samples.map((sample) => sample.longestTaskMs));
		log(`  longest main-thread task during a load: ${row.loadLongestTaskMs} ms`);
		log(`  ready: ${row.loadToReadyMs} ms after the data arrived (median of ${times.join(', ')})`);

		const cdp = await context.newCDPSession(page);
		const heapMB = async () => {
			await cdp.send('HeapProfiler.collectGarbage');
			const { usedSize } = await cdp.send('Runtime.getHeapUsage');
			return round1(usedSize / 1024 / 1024);
		};
		row.heapMB = await heapMB();
		row.domInitial = await domCount(page);
		row.rangeInitial = await visibleRange(page);

		Object.assign(row, await driveInput(page, row.domInitial));
		row.heapAfterInputMB = await heapMB();
		return row;
	} finally {
		await context.close();
	}
}

/** Median of numbers (the lower middle one of an even count). @param {number[]} values */
const median = (values) =>
	percentile(
		[...values].sort((a, b) => a - b),
		0.5
	);

/**
 * The control page's navigation→ready for one dataset: the median of its loads in a fresh context,
 * as Eventline's are.
 * @param {Browser} browser
 * @param {string} origin
 * @param {string} file
 */
async function measureControl(browser, origin, file) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	try {
		const page = await context.newPage();
		await page.addInitScript(installProbe);
		const samples = [];
		for (let i = 0; i < loadsOf(Number.parseInt(file, 10)); i++) {
			samples.push((await loadOnce(page, origin, file, '/bench-control.html')).navigationToReadyMs);
		}
		log(`  control page navigation→ready: ${median(samples)} ms (median of ${samples.join(', ')})`);
		return median(samples);
	} finally {
		await context.close();
	}
}

/** @param {Page} page */
const domCount = (page) =>
	page.evaluate(() => document.querySelector('[data-timeline]')?.querySelectorAll('*').length ?? 0);

/** The toolbar's visible-range text, to show the input really moved the view. @param {Page} page */
const visibleRange = (page) =>
	page
		.locator('.toolbar .range')
		.first()
		.textContent({ timeout: 1000 })
		.then((text) => text?.trim() ?? '')
		.catch(() => '');

/**
 * The input sequence, with frame times recorded throughout and DOM size sampled after every step:
 * zoom in at the pointer to a few days, pan by dragging and by shift+wheel there (where the most
 * marks are drawn one by one), zoom in to the limit, then zoom all the way out.
 * @param {Page} page
 * @param {number} domInitial
 * @returns {Promise<Partial<Row>>}
 */
async function driveInput(page, domInitial) {
	await page.evaluate(() =>
		document.querySelector('[data-timeline]')?.scrollIntoView({ block: 'start' })
	);
	const box = await page.locator('[data-timeline]').boundingBox({ timeout: 5000 });
	if (!box) throw new Error('no [data-timeline] element on the page');
	const x = box.x + box.width / 2;
	// Inside the SVG and on screen, over the lanes rather than the axis.
	const y = Math.min(box.y + Math.min(box.height / 2, 120), VIEWPORT.height - 10);

	const started = Date.now();
	let domMax = domInitial;
	let steps = 0;
	let note = '';
	/** Runs one input, lets a few frames pass, samples the DOM; false once over budget. */
	const step = async (/** @type {() => Promise<void>} */ input) => {
		if (Date.now() - started > INPUT_BUDGET_MS) {
			note ||= `input cut short after ${steps} steps (${INPUT_BUDGET_MS / 1000} s budget)`;
			return false;
		}
		await input();
		await page.waitForTimeout(50);
		domMax = Math.max(domMax, await domCount(page));
		steps++;
		return true;
	};
	/** Ctrl/Shift + wheel notches of a mouse wheel: 100 px, about 1.4 times closer (√2) with ctrl. */
	const wheel = async (
		/** @type {string} */ key,
		/** @type {number} */ dy,
		/** @type {number} */ n
	) => {
		await page.mouse.move(x, y);
		await page.keyboard.down(key);
		try {
			for (let i = 0; i < n; i++) if (!(await step(() => page.mouse.wheel(0, dy)))) break;
		} finally {
			await page.keyboard.up(key);
		}
	};
	const drag = async (/** @type {number} */ dx) =>
		step(async () => {
			await page.mouse.move(x, y);
			await page.mouse.down();
			await page.mouse.move(x + dx, y, { steps: 20 });
			await page.mouse.up();
		});

	await page.evaluate(() => {
		const probe = /** @type {ProbedWindow} */ (window).__bench;
		if (!probe) return;
		probe.frames = [];
		probe.recording = true;
		const tick = (/** @type {number} */ t) => {
			probe.frames.push(t);
			if (probe.recording) requestAnimationFrame(tick);
		};
		requestAnimationFrame(tick);
	});

	await wheel('Control', -100, 16); // ~256×: a few days across the screen
	for (const dx of [-400, 800, -400]) await drag(dx);
	await wheel('Shift', 100, 10);
	await wheel('Shift', -100, 10);
	await wheel('Control', -100, 20); // ~260,000×, past the zoom limit (about 90,000× here)
	const rangeZoomedIn = await visibleRange(page);
	await wheel('Control', 100, 40); // back out to everything, and a little past

	// Long-task entries arrive asynchronously: give the last ones a moment to be delivered.
	await page.waitForTimeout(100);
	const { frames, longTasks } = await page.evaluate(() => {
		const probe = /** @type {ProbedWindow} */ (window).__bench;
		if (!probe) return { frames: [], longTasks: [] };
		probe.recording = false;
		const [first = 0, last = Infinity] = [probe.frames[0], probe.frames.at(-1)];
		const during = probe.longTasks.filter(([start]) => start >= first && start <= last);
		return { frames: probe.frames, longTasks: during.map(([, ms]) => ms) };
	});
	const intervals = frames
		.slice(1)
		.map((t, i) => t - (frames[i] ?? t))
		.sort((a, b) => a - b);
	return {
		frames: intervals.length,
		frameP50Ms: round1(percentile(intervals, 0.5)),
		frameP95Ms: round1(percentile(intervals, 0.95)),
		frameMaxMs: round1(intervals.at(-1) ?? 0),
		framesOver50Ms: intervals.filter((ms) => ms > 50).length,
		longTasks: longTasks.length,
		longTaskMs: Math.round(longTasks.reduce((sum, ms) => sum + ms, 0)),
		domMax,
		inputMs: Date.now() - started,
		rangeZoomedIn,
		...(note ? { note } : {})
	};
}

// --- 4. Page JavaScript, report -----------------------------------------------------------------

/**
 * Gzipped size of every script `/` (the bundled dataset, no `?src`) loads until the network is
 * idle, each file compressed on its own at level 9, as adapter-static's `precompress` would.
 * @param {Browser} browser
 * @param {string} origin
 */
async function pageJavaScript(browser, origin) {
	const context = await browser.newContext({ viewport: VIEWPORT });
	try {
		const page = await context.newPage();
		/** @type {Promise<{ path: string, bytes: number, gzipBytes: number }>[]} */
		const files = [];
		page.on('response', (response) => {
			const url = new URL(response.url());
			if (url.origin !== origin || !url.pathname.endsWith('.js')) return;
			files.push(
				response.body().then((body) => ({
					path: url.pathname,
					bytes: body.length,
					gzipBytes: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length
				}))
			);
		});
		const response = await page.goto(`${origin}/`, { waitUntil: 'networkidle', timeout: 60_000 });
		// What the HTML asks for up front is what the first paint and hydration wait on; the rest
		// (d3-zoom and its helpers) is imported after.
		const html = (await response?.text()) ?? '';
		const preloaded = new Set(
			[...html.matchAll(/<link\b[^>]*>/g)]
				.filter((tag) => /\brel="modulepreload"/.test(tag[0]))
				.map((tag) => new URL(/\bhref="([^"]+)"/.exec(tag[0])?.[1] ?? '', `${origin}/`).pathname)
		);
		const loaded = await Promise.all(files);
		const kb = (/** @type {typeof loaded} */ list) =>
			round1(list.reduce((sum, file) => sum + file.gzipBytes, 0) / 1024);
		return {
			gzipKB: kb(loaded),
			initialGzipKB: kb(loaded.filter((file) => preloaded.has(file.path))),
			files: loaded
		};
	} finally {
		await context.close();
	}
}

/**
 * Whether a row meets each target that applies to it.
 * @param {Row} row
 */
function verdicts(row) {
	const applies = (/** @type {(typeof TARGETS)[number]} */ target) =>
		target.events === row.events && (target.format ?? 'json') === row.format;
	return TARGETS.filter(applies).map((target) => {
		const value = row[target.metric];
		const limit = target.limit + (target.slack ?? 0);
		const met = typeof value === 'number' && (target.op === '≤' ? value <= limit : value < limit);
		return { ...target, value: value ?? null, met };
	});
}

/**
 * The results as a table, each targeted number followed by ✓ or ✗ and its target.
 * @param {Row[]} rows
 */
function table(rows) {
	const header = [
		'events',
		'load→ready ms',
		'load task max ms',
		'heap MB',
		'DOM initial',
		'DOM max',
		'frame p50 ms',
		'frame p95 ms',
		'frame max ms',
		'frames >50 ms'
	];
	/** @type {(keyof Row)[]} */
	const metrics = [
		'loadToReadyMs',
		'loadLongestTaskMs',
		'heapMB',
		'domInitial',
		'domMax',
		'frameP50Ms',
		'frameP95Ms',
		'frameMaxMs',
		'framesOver50Ms'
	];
	const lines = [];
	const body = rows.map((row) => {
		const events = datasetLabel(row);
		if (row.failed) return { cells: [events], failed: row.failed };
		const checks = verdicts(row);
		const cells = metrics.map((metric) => {
			const check = checks.find((c) => c.metric === metric);
			const value = row[metric] ?? '–';
			return check ? `${value} ${check.met ? '✓' : '✗'} ${check.op}${check.limit}` : `${value}`;
		});
		return { cells: [events, ...cells], failed: '' };
	});
	const widths = header.map((title, i) =>
		Math.max(title.length, ...body.map((r) => (r.failed ? 0 : (r.cells[i]?.length ?? 0))))
	);
	const format = (/** @type {string[]} */ cells) =>
		cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
	lines.push(format(header));
	for (const r of body) {
		lines.push(r.failed ? `${format(r.cells)}  FAILED: ${r.failed}` : format(r.cells));
	}
	return lines.join('\n');
}

/** A dataset's name in the tables: its size, and its format unless JSON. @param {Row} row */
const datasetLabel = (row) =>
	`${row.events.toLocaleString('en')}${row.format === 'json' ? '' : ` ${row.format}`}`;

/**
 * Eventline against the control page, and the phases of Eventline's load, one row per dataset.
 * @param {Row[]} rows
 */
function controlTable(rows) {
	const header = [
		'events',
		'control ms',
		'Eventline ms',
		'added ms',
		...PHASES.map((phase) => `${phase} ms`)
	];
	const body = rows
		.filter((row) => !row.failed)
		.map((row) => {
			const checks = verdicts(row);
			const verdict = (/** @type {keyof Row} */ metric) => {
				const check = checks.find((c) => c.metric === metric);
				const value = row[metric];
				if (!check || typeof value !== 'number') return '';
				const over = value - check.limit;
				return ` ${check.met ? '✓' : '✗'} ${check.op}${check.limit} (${over > 0 ? '+' : ''}${Math.round(over)})`;
			};
			return [
				datasetLabel(row),
				`${row.controlNavigationToReadyMs ?? '–'}`,
				`${row.navigationToReadyMs ?? '–'}${verdict('navigationToReadyMs')}`,
				`${row.addedMs ?? '–'}${verdict('addedMs')}`,
				...PHASES.map((phase) => `${row.phasesMs?.[phase] ?? '–'}`)
			];
		});
	const widths = header.map((title, i) =>
		Math.max(title.length, ...body.map((cells) => cells[i]?.length ?? 0))
	);
	const format = (/** @type {string[]} */ cells) =>
		cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
	return [format(header), ...body.map(format)].join('\n');
}

// --- Main ---------------------------------------------------------------------------------------

/**
 * One measured tile set: its build, and the page reading it.
 * @typedef {{ build: import('./bench-tiles.js').TileBench, page?: Awaited<ReturnType<typeof measureTilesPage>>, failed?: string }} TileRow
 */

/**
 * Builds the tile set of each of {@link TILE_SIZES} (the bench's generator, as Parquet) and
 * measures the page reading it from a loopback server of its own (the app's build and the tiles
 * from one origin).
 * @param {Browser} browser
 * @returns {Promise<TileRow[]>}
 */
async function measureTiles(browser) {
	/** @type {TileRow[]} */
	const rows = [];
	const dir = mkdtempSync(join(tmpdir(), 'eventline-bench-tiles-'));
	try {
		for (const events of TILE_SIZES) {
			log(`${events.toLocaleString('en')} events as a tile set…`);
			const [build] = await benchTiles({
				sizes: [events],
				dir,
				keep: true,
				log: (l) => log(`  ${l}`)
			});
			if (!build) continue;
			const served = await serveAppAndTiles(BUILD, join(dir, `tiles-${events}`));
			const context = await browser.newContext({ viewport: VIEWPORT });
			try {
				const page = await measureTilesPage(
					await context.newPage(),
					served.url,
					`${served.url}/tiles/manifest.json`
				);
				rows.push({ build, page });
			} catch (error) {
				rows.push({ build, failed: errorText(error) });
				log(`  failed: ${errorText(error)}`);
			} finally {
				await context.close();
				await served.close();
				rmSync(join(dir, `tiles-${events}`), { recursive: true, force: true });
				rmSync(join(dir, `bench-${events}.parquet`), { force: true });
			}
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	return rows;
}

/**
 * The page's figures on each tile set, against the issue's targets.
 * @param {TileRow[]} rows
 */
function tilesTable(rows) {
	const mark = (/** @type {boolean} */ met) => (met ? '✓' : '✗');
	const lines = [
		[
			'events',
			'first view ms',
			'first view sharp ms',
			'zoom step sharp p50/max ms',
			'DOM max',
			'heap MB',
			'single events at deepest',
			'tile requests (aborted)'
		].join(' | ')
	];
	for (const { build, page, failed } of rows) {
		if (!page) {
			lines.push(`${build.events.toLocaleString('en')} | failed: ${failed}`);
			continue;
		}
		lines.push(
			[
				build.events.toLocaleString('en'),
				`${page.firstViewMs} ${mark(page.firstViewMs <= TILE_TARGETS.firstViewMs)}`,
				String(page.firstViewSharpMs),
				`${page.zoomStepSharpP50Ms}/${page.zoomStepSharpMaxMs} ${mark(page.zoomStepSharpMaxMs <= TILE_TARGETS.zoomStepSharpMs)}`,
				`${page.domMax} ${mark(page.domMax < TILE_TARGETS.domElements)}`,
				String(page.heapMB),
				String(page.deepEvents),
				`${page.tileRequests} (${page.tileRequestsAborted})`
			].join(' | ')
		);
	}
	return lines.join('\n');
}

async function main() {
	const executablePath = findChromium();
	if (!executablePath) {
		console.error(
			'No Chromium found: install one (apt-get install chromium) or set CHROMIUM_PATH.'
		);
		return 1;
	}
	if (!ensureBuild()) {
		console.error('The build failed; nothing to measure.');
		return 1;
	}

	const dataDir = writeDatasets();
	const server = await startServer(dataDir);
	/** @type {Browser | undefined} */
	let browser;
	const watchdog = setTimeout(() => {
		console.error(`Benchmark still running after ${RUN_BUDGET_MS / 60_000} min: giving up.`);
		void browser?.close();
		server.close();
		rmSync(dataDir, { recursive: true, force: true });
		process.exit(1);
	}, RUN_BUDGET_MS);

	try {
		// Only loopback: every host name fails to resolve, so nothing can reach outside even if the
		// app or Chromium tried.
		browser = await chromium.launch({
			executablePath,
			headless: true,
			args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1']
		});
		log(`Eventline benchmark: ${browser.version()}, ${server.origin}, seed ${SEED}`);

		/** @type {Row[]} */
		const rows = [];
		for (const [events, format] of SIZES.flatMap((size) =>
			formatsOf(size).map((f) => /** @type {const} */ ([size, f]))
		)) {
			const file = `${events}.${format}`;
			const bytes = statSync(join(dataDir, file)).size;
			log(`${events.toLocaleString('en')} events, ${format} (${round1(bytes / 1024 / 1024)} MB)…`);
			try {
				const row = await measureDataset(browser, server.origin, events, format, bytes);
				// A page that only parses is a fair control for text; Parquet has no such baseline.
				if (format !== 'parquet') {
					row.controlNavigationToReadyMs = await measureControl(browser, server.origin, file);
					if (row.navigationToReadyMs !== undefined) {
						row.addedMs = row.navigationToReadyMs - row.controlNavigationToReadyMs;
					}
				}
				rows.push(row);
				log(
					`  input: ${row.inputMs} ms, ${row.frames} frames, ${row.longTasks} long tasks (${row.longTaskMs} ms);` +
						` view ${row.rangeInitial} → ${row.rangeZoomedIn}` +
						(row.note ? `; ${row.note}` : '')
				);
				if (row.rangeInitial && row.rangeInitial === row.rangeZoomedIn) {
					row.note = `${row.note ? `${row.note}; ` : ''}the zoom input did not change the view`;
					log(`  warning: ${row.note}`);
				}
			} catch (error) {
				rows.push({ events, format, failed: errorText(error) });
				log(`  failed: ${errorText(error)}`);
			}
		}
		const js = await pageJavaScript(browser, server.origin);
		const tiles = await measureTiles(browser);

		log('\nEventline benchmark, headless Chromium at 1280×800\n');
		log(table(rows));
		log(
			'\nNavigation → ready, Eventline against the control page (fetch + JSON.parse only), same run\n'
		);
		log(controlTable(rows));
		const jsMet = js.initialGzipKB <= JS_TARGET_KB;
		log(
			`\nFirst-paint JavaScript of /: ${js.initialGzipKB} KB gzipped ${jsMet ? '✓' : '✗'} ≤${JS_TARGET_KB} KB` +
				` (${js.gzipKB} KB in ${js.files.length} files with what is imported after the first paint)`
		);
		log(
			`Targets: 100k navigation→ready at most ${ADDED_TARGET_MS} ms over the control page; 1M from Parquet ready ≤ 5000 ms,` +
				` from NDJSON ≤ 3000 ms over its control, frame p95 ≤ 16.7 ms, DOM < 5000, heap < 1 GB; 100k load→ready ≤ 1500 ms, frame p95 < 33 ms, DOM ≤ 5000 at any zoom; 10k frame p95 ≤ 16.7 ms` +
				` (+${FRAME_JITTER_MS} ms rAF jitter); first-paint JS ≤ ${JS_TARGET_KB} KB gzipped.`
		);

		if (tiles.length) {
			log('\nTile sets: built by `npm run tiles` (DuckDB), read by the page through ?tiles=\n');
			log(formatTileBench(tiles.map((t) => t.build)));
			log('');
			log(tilesTable(tiles));
			log(
				`Targets (10M events): first view ≤ ${TILE_TARGETS.firstViewMs} ms, a zoom step sharp ≤ ${TILE_TARGETS.zoomStepSharpMs} ms` +
					` from a loopback server, DOM < ${TILE_TARGETS.domElements}.`
			);
		}

		mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
		const report = {
			date: new Date().toISOString(),
			chromium: browser.version(),
			node: process.version,
			viewport: VIEWPORT,
			seed: SEED,
			rows: rows.map((row) => ({ ...row, targets: row.failed ? [] : verdicts(row) })),
			javascript: { ...js, targetKB: JS_TARGET_KB, met: jsMet },
			tiles
		};
		writeFileSync(
			join(ROOT, 'bench-results', 'bench.json'),
			`${JSON.stringify(report, null, 2)}\n`
		);
		log('Numbers written to bench-results/bench.json');
		return rows.some((row) => row.failed) || tiles.some((t) => t.failed) ? 1 : 0;
	} finally {
		clearTimeout(watchdog);
		await browser?.close();
		server.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

process.exitCode = await main().catch((error) => {
	console.error(`Benchmark could not run: ${error instanceof Error ? error.stack : error}`);
	return 1;
});
