/**
 * `npm run bench`: how Eventline performs at 1,000, 10,000 and 100,000 events in a real Chromium.
 * Serves the built app and generated datasets from one local server, loads each with ?src=, drives
 * real wheel, drag and keyboard input, and prints load-to-ready time, heap, DOM size and frame
 * intervals next to the targets. A measurement, not a test: it exits 0 whatever the numbers.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { generateDataset } from './bench-data.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const SIZES = [1_000, 10_000, 100_000];
const BUILD = 'build';
const TYPES = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.svg': 'image/svg+xml'
};

if (!existsSync(join(BUILD, 'index.html'))) execSync('npm run build', { stdio: 'inherit' });

/** @type {Map<string, string>} */
const datasets = new Map(
	SIZES.map((n) => [`/bench-data/${n}.json`, JSON.stringify(generateDataset(n))])
);

// One server for the app and the data, on a free loopback port: same origin, as ?src= expects.
const server = createServer((request, response) => {
	const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
	const data = datasets.get(path);
	if (data) {
		response.writeHead(200, { 'content-type': 'application/json' });
		response.end(data);
		return;
	}
	const file = normalize(join(BUILD, path === '/' ? 'index.html' : path));
	const candidate = [file, `${file}.html`].find(
		(f) => f.startsWith(BUILD) && existsSync(f) && !f.endsWith('/')
	);
	if (!candidate) {
		response.writeHead(404);
		response.end();
		return;
	}
	response.writeHead(200, {
		'content-type':
			TYPES[/** @type {keyof TYPES} */ (extname(candidate))] ?? 'application/octet-stream'
	});
	response.end(readFileSync(candidate));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** Percentile of sorted numbers. */
const percentile = (/** @type {number[]} */ sorted, /** @type {number} */ p) =>
	sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0) : 0;

/**
 * Gzipped size of the JavaScript the bundled page loads before it is interactive: the chunks the
 * prerendered HTML preloads and imports (SvelteKit lists them all), read from the build.
 */
function pageJavaScript() {
	const html = readFileSync(join(BUILD, 'index.html'), 'utf8');
	const paths = new Set(
		[...html.matchAll(/(?:href="|import\(")\.?\/?(_app\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')
	);
	let total = 0;
	for (const path of paths) total += gzipSync(readFileSync(join(BUILD, path)), { level: 9 }).length;
	return { kb: total / 1024, files: paths.size };
}

/** Loads one dataset and drives real input over it. */
async function measure(/** @type {number} */ size) {
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await page.addInitScript(() => {
		// When <html data-state> says the data is painted (or failed), by the page's own clock.
		// Init scripts run before <html> exists, so watch the whole document for the attribute.
		new MutationObserver(() => {
			const state = document.documentElement?.dataset.state;
			if (state === 'ready' || state === 'error') {
				/** @type {any} */ (window).__benchState ??= { state, at: performance.now() };
			}
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
	});
	const url = `/bench-data/${size}.json`;
	await page.goto(`${base}/?src=${url}`);
	await page.waitForFunction(() => /** @type {any} */ (window).__benchState, null, {
		timeout: 120_000
	});
	const loaded = await page.evaluate((dataUrl) => {
		const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(dataUrl));
		const result = /** @type {any} */ (window).__benchState;
		return {
			state: result.state,
			ready: result.at - (entry?.responseEnd ?? 0),
			error: document.querySelector('[role=alert]')?.textContent ?? ''
		};
	}, url);
	if (loaded.state !== 'ready') {
		await page.close();
		return { size, failed: loaded.error.trim().slice(0, 200) };
	}
	const client = await page.context().newCDPSession(page);
	const heap = async () => {
		await client.send('HeapProfiler.collectGarbage');
		return (await client.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
	};
	const domCount = () => page.evaluate(() => document.querySelectorAll('[data-timeline] *').length);
	const heapMB = await heap();
	const domInitial = await domCount();

	await page.evaluate(() =>
		document.querySelector('[data-timeline]')?.scrollIntoView({ block: 'start' })
	);
	const box = await page.locator('[data-timeline]').boundingBox();
	if (!box) throw new Error('no timeline on the page');
	const x = box.x + box.width * 0.6;
	const y = box.y + 60;
	await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		w.__frames = [];
		const tick = (/** @type {number} */ t) => {
			w.__frames.push(t);
			w.__raf = requestAnimationFrame(tick);
		};
		w.__raf = requestAnimationFrame(tick);
	});
	let domMax = domInitial;
	const sample = async () => (domMax = Math.max(domMax, await domCount()));
	await page.mouse.move(x, y);
	await page.keyboard.down('Control');
	for (let i = 0; i < 20; i++) {
		await page.mouse.wheel(0, -120);
		await page.waitForTimeout(40);
		if (i % 5 === 4) await sample();
	}
	await page.keyboard.up('Control');
	for (const dx of [-400, 400, -250]) {
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x + dx, y, { steps: 20 });
		await page.mouse.up();
		await sample();
	}
	await page.keyboard.down('Shift');
	for (let i = 0; i < 10; i++) {
		await page.mouse.wheel(0, 150);
		await page.waitForTimeout(40);
	}
	await page.keyboard.up('Shift');
	await page.keyboard.down('Control');
	for (let i = 0; i < 20; i++) {
		await page.mouse.wheel(0, 120);
		await page.waitForTimeout(40);
		if (i % 5 === 4) await sample();
	}
	await page.keyboard.up('Control');
	const frames = await page.evaluate(() => {
		const w = /** @type {any} */ (window);
		cancelAnimationFrame(w.__raf);
		return /** @type {number[]} */ (w.__frames);
	});
	const intervals = frames
		.slice(1)
		.map((t, i) => t - (frames[i] ?? t))
		.sort((a, b) => a - b);
	await page.close();
	return {
		size,
		loadToReadyMs: Math.round(loaded.ready),
		heapMB: Math.round(heapMB * 10) / 10,
		domInitial,
		domMax,
		frames: intervals.length,
		p50: Math.round(percentile(intervals, 0.5) * 10) / 10,
		p95: Math.round(percentile(intervals, 0.95) * 10) / 10,
		max: Math.round((intervals[intervals.length - 1] ?? 0) * 10) / 10,
		over50: intervals.filter((d) => d > 50).length
	};
}

const results = [];
try {
	for (const size of SIZES) {
		try {
			results.push(await measure(size));
		} catch (error) {
			results.push({
				size,
				failed: error instanceof Error ? error.message.split('\n')[0] : String(error)
			});
		}
	}
	const js = pageJavaScript();
	const jsKB = Math.round(js.kb * 10) / 10;
	const pad = (/** @type {unknown} */ v, /** @type {number} */ n) => String(v).padStart(n);
	console.log('\nEventline benchmark (headless Chromium, 1280x800)\n');
	console.log(
		`${pad('events', 8)} ${pad('ready ms', 9)} ${pad('heap MB', 8)} ${pad('DOM init', 9)} ${pad('DOM max', 8)} ${pad('p50 ms', 7)} ${pad('p95 ms', 7)} ${pad('max ms', 7)} ${pad('>50ms', 6)}`
	);
	for (const r of results) {
		if ('failed' in r) console.log(`${pad(r.size, 8)} load failed: ${r.failed}`);
		else
			console.log(
				`${pad(r.size, 8)} ${pad(r.loadToReadyMs, 9)} ${pad(r.heapMB, 8)} ${pad(r.domInitial, 9)} ${pad(r.domMax, 8)} ${pad(r.p50, 7)} ${pad(r.p95, 7)} ${pad(r.max, 7)} ${pad(r.over50, 6)}`
			);
	}
	console.log(
		`\nJavaScript the bundled page loads: ${jsKB} KB gzipped in ${js.files} files (target ≤ 70)`
	);
	console.log(
		'Targets: 100k ready ≤ 1500 ms, p95 < 33 ms, DOM ≤ 5000 at any zoom; 10k p95 ≤ 16.7 ms.'
	);
	mkdirSync('bench-results', { recursive: true });
	writeFileSync(
		'bench-results/bench.json',
		JSON.stringify({ date: new Date().toISOString(), results, jsKB }, null, 2)
	);
	console.log('Numbers written to bench-results/bench.json');
} finally {
	await browser.close();
	server.close();
}
