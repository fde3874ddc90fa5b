/**
 * How the page reads a tile set (`?tiles=`), in a real Chromium on a loopback server:
 *
 * 1. navigation → `<html data-state="ready">` of the first view;
 * 2. for each of a few zoom steps (ctrl + wheel over the middle of the timeline), the time from the
 *    wheel event until the timeline says `data-tiles="sharp"` (every tile the new view needs has
 *    arrived and is drawn), and the tile requests it made;
 * 3. elements inside `[data-timeline]` (the most seen), and the JS heap after a forced GC.
 *
 * `measureTilesPage(page, baseUrl, manifestUrl)` is what `npm run bench` calls; run alone,
 * `node scripts/bench-tiles-page.js <tile set dir>` serves `build/` and the tile set from one
 * origin (the page's CSP lets it fetch only from its own origin or http(s) addresses; one origin
 * needs no CORS) and prints the figures as JSON. Build the app first (`npm run build`).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

/** @typedef {import('@playwright/test').Page} Page */

/** Targets from issue 15, for 10,000,000 events. */
export const TILE_TARGETS = { firstViewMs: 1500, zoomStepSharpMs: 300, domElements: 5000 };

/** Zoom steps measured after the first view, each one ctrl+wheel notch in: from years to single events. */
const ZOOM_STEPS = 16;

/**
 * Measures the page on the tile set at `manifestUrl` (same origin as `baseUrl`, or CORS-enabled).
 * @param {Page} page a fresh page
 * @param {string} baseUrl where the app is served
 * @param {string} manifestUrl the tile set's manifest.json
 */
export async function measureTilesPage(page, baseUrl, manifestUrl) {
	const client = await page.context().newCDPSession(page);
	/** @type {string[]} */
	const requested = [];
	/** @type {string[]} */
	const aborted = [];
	page.on('request', (r) => {
		if (/\/(counts|events)\//.test(r.url())) requested.push(r.url());
	});
	page.on('requestfailed', (r) => {
		if (/\/(counts|events)\//.test(r.url())) aborted.push(r.url());
	});
	const url = new URL('/', baseUrl);
	url.searchParams.set('tiles', manifestUrl);
	await page.goto(url.href, { waitUntil: 'commit' });
	await page.waitForFunction(
		() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''),
		undefined,
		{ timeout: 60_000 }
	);
	const state = await page.evaluate(() => document.documentElement.dataset.state);
	if (state !== 'ready') throw new Error(`the page said ${state}`);
	const firstViewMs = await page.evaluate(() => {
		const nav = /** @type {PerformanceNavigationTiming} */ (
			performance.getEntriesByType('navigation')[0]
		);
		return performance.now() - (nav?.startTime ?? 0);
	});
	const timeline = page.locator('[data-timeline]');
	await timeline.waitFor();
	const domCount = () => page.evaluate(() => document.querySelectorAll('[data-timeline] *').length);
	let domMax = await domCount();
	const firstViewSharpMs = await untilSharp(page);
	const box = await timeline.boundingBox();
	if (!box) throw new Error('the timeline has no box');
	// Over the lanes, a little right of the middle, so each step moves the window as well as narrowing it.
	const x = box.x + box.width * 0.55;
	const y = box.y + Math.min(box.height - 10, 120);
	/** @type {{ ms: number, requests: number, range: string }[]} */
	const steps = [];
	await page.mouse.move(x, y);
	for (let i = 0; i < ZOOM_STEPS; i++) {
		const before = requested.length;
		await page.keyboard.down('Control');
		// The page's own clock from the wheel event to the sharp view: set the mark as input arrives.
		await page.evaluate(() => {
			const w = /** @type {Window & { __wheelAt?: number }} */ (window);
			w.__wheelAt = undefined;
			addEventListener('wheel', () => (w.__wheelAt = performance.now()), {
				once: true,
				capture: true
			});
		});
		await page.mouse.wheel(0, -240);
		await page.keyboard.up('Control');
		const ms = await untilSharp(page, true);
		domMax = Math.max(domMax, await domCount());
		const range = (await page.locator('.toolbar .range').textContent())?.trim() ?? '';
		steps.push({ ms, requests: requested.length - before, range });
	}
	const deepEvents = await page.locator('[data-timeline] [data-event-id]').count();
	await client.send('HeapProfiler.collectGarbage');
	const heap = await client.send('Runtime.getHeapUsage');
	const sorted = steps.map((s) => s.ms).sort((a, b) => a - b);
	return {
		firstViewMs: Math.round(firstViewMs),
		firstViewSharpMs: Math.round(firstViewSharpMs),
		zoomSteps: steps.map((s) => ({ ...s, ms: Math.round(s.ms) })),
		zoomStepSharpP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
		zoomStepSharpMaxMs: Math.round(sorted[sorted.length - 1] ?? NaN),
		domMax,
		deepEvents,
		heapMB: Math.round((heap.usedSize / 1048576) * 10) / 10,
		tileRequests: requested.length,
		tileRequestsAborted: aborted.length
	};
}

/**
 * Waits until the timeline says `data-tiles="sharp"` after a change (two frames, so a status that
 * is about to turn is not read early), and returns the page's time since the wheel (or since
 * navigation when `fromWheel` is false).
 * @param {Page} page
 */
async function untilSharp(page, fromWheel = false) {
	return page.evaluate(
		(fromWheel) =>
			new Promise((done) => {
				const w = /** @type {Window & { __wheelAt?: number }} */ (window);
				const check = () => {
					const svg = document.querySelector('[data-timeline]');
					if (svg?.getAttribute('data-tiles') === 'sharp') {
						const from = fromWheel ? (w.__wheelAt ?? performance.now()) : 0;
						// The frame that shows it: after the next paint.
						requestAnimationFrame(() => done(performance.now() - from));
					} else setTimeout(check, 4);
				};
				// Let the wheel reach the page and the view move before reading the status.
				requestAnimationFrame(() => requestAnimationFrame(check));
			}),
		fromWheel
	);
}

const TYPES = /** @type {Record<string, string>} */ ({
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.ndjson': 'application/x-ndjson',
	'.svg': 'image/svg+xml',
	'.png': 'image/png'
});

/**
 * Serves `build/` at `/` and a tile set folder at `/tiles/` from one loopback origin.
 * @param {string} build
 * @param {string} tiles
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serveAppAndTiles(build, tiles) {
	const server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const [root, rest] = path.startsWith('/tiles/')
			? [tiles, path.slice('/tiles/'.length)]
			: [build, path === '/' ? 'index.html' : path.slice(1)];
		let file = resolve(root, rest);
		if (!file.startsWith(resolve(root) + sep) && file !== resolve(root)) {
			res.writeHead(403).end();
			return;
		}
		if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
		if (!existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((done) =>
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			done({
				url: `http://127.0.0.1:${port}`,
				close: () => new Promise((closed) => server.close(() => closed(undefined)))
			});
		})
	);
}

// Run alone: node scripts/bench-tiles-page.js <tile set dir>
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2];
	if (!dir || !existsSync(join(dir, 'manifest.json'))) {
		console.error('usage: node scripts/bench-tiles-page.js <tile set dir with manifest.json>');
		process.exit(1);
	}
	const build = fileURLToPath(new URL('../build', import.meta.url));
	if (!existsSync(join(build, 'index.html'))) {
		console.error('build/ is missing: run npm run build first');
		process.exit(1);
	}
	const server = await serveAppAndTiles(build, resolve(dir));
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
		const result = await measureTilesPage(page, server.url, `${server.url}/tiles/manifest.json`);
		console.log(JSON.stringify({ dir, targets: TILE_TARGETS, ...result }, null, 2));
	} finally {
		await browser.close();
		await server.close();
	}
}
