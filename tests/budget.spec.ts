import { constants, gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** The first paint's JavaScript budget, gzipped: what `/` preloads before it can draw. */
const FIRST_PAINT_KB = 90;

/**
 * Reads the built page the preview server serves (no second build): every module the HTML preloads
 * is what the first paint and hydration wait on. Each is gzipped at level 9 on its own, as
 * adapter-static's precompress would serve it; `npm run bench` reports the same figure.
 */
test(`the page's first-paint JavaScript stays within ${FIRST_PAINT_KB} KB gzipped`, async ({
	request
}) => {
	const html = await (await request.get('/')).text();
	const scripts = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((tag) => tag[0])
		.filter((tag) => /\brel="modulepreload"/.test(tag))
		.map((tag) => new URL(/\bhref="([^"]+)"/.exec(tag)?.[1] ?? '', 'http://page/').pathname);
	// The page boots from its entry modules; a page with no preloads would measure nothing.
	expect(scripts.some((path) => path.includes('/entry/'))).toBe(true);
	const sizes = await Promise.all(
		scripts.map(async (path) => {
			const response = await request.get(path);
			expect(response.ok(), path).toBe(true);
			return gzipSync(await response.body(), { level: constants.Z_BEST_COMPRESSION }).length;
		})
	);
	const kb = sizes.reduce((sum, bytes) => sum + bytes, 0) / 1024;
	test
		.info()
		.annotations.push({ type: 'first-paint JS', description: `${kb.toFixed(1)} KB gzipped` });
	expect(kb).toBeLessThanOrEqual(FIRST_PAINT_KB);
});
