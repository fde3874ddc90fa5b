/**
 * Screenshots for looking at what you built: `node scripts/screenshot.js [path] [out-prefix]` against
 * a running preview (npm run build && npm run preview). Writes PNGs to screenshots/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const path = process.argv[2] ?? '/';
const prefix = process.argv[3] ?? 'page';
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
mkdirSync('screenshots', { recursive: true });

const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const [name, viewport, javaScriptEnabled] of [
	['desktop', { width: 1280, height: 800 }, true],
	['phone', { width: 390, height: 844 }, true],
	['desktop-nojs', { width: 1280, height: 800 }, false]
]) {
	const page = await browser.newPage({ viewport, javaScriptEnabled, deviceScaleFactor: 1 });
	await page.goto(base + path);
	if (javaScriptEnabled) await page.waitForSelector('html[data-state="ready"]');
	await page.screenshot({
		path: `screenshots/${prefix}-${name}.png`,
		fullPage: name !== 'desktop'
	});
	await page.close();
}
await browser.close();
console.log(`screenshots/${prefix}-*.png`);
