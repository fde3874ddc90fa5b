/**
 * Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then
 * Playwright's own download. Shared by playwright.config.ts and the pre-test check.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Flags that keep Chromium quiet and working on machines with no GPU, sandbox or outside network. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** Path of the Chromium to use, or undefined when none is installed. */
export function findChromium() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	for (const candidate of candidates) {
		if (candidate && existsSync(candidate)) return candidate;
	}
	try {
		const bundled = chromium.executablePath();
		if (bundled && existsSync(bundled)) return bundled;
	} catch {
		// Playwright has no browser of its own installed: fall through.
	}
	return undefined;
}
