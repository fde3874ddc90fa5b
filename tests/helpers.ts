import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import bundled from '../src/lib/data/events.json' with { type: 'json' };
import type { Category, Dataset } from '../src/lib/model/schema';

/** The bundled dataset, as the tests read it independently of the app (it has a title and categories). */
export const dataset = bundled as Dataset & { title: string; categories: Category[] };

/** The text of a test fixture; `import-x` names `import/x`. */
export const fixture = (name: string) =>
	readFileSync(
		new URL(`./fixtures/${name.replace(/^import-/, 'import/')}`, import.meta.url),
		'utf8'
	);

/** Serves test fixtures at /fixtures/… the way a web server would (404 for unknown names). */
export async function serveFixtures(page: Page) {
	await page.route(
		(url) => url.pathname.startsWith('/fixtures/'),
		(route) => {
			const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
			try {
				return route.fulfill({ status: 200, contentType: 'application/json', body: fixture(name) });
			} catch {
				return route.fulfill({ status: 404, body: 'not found' });
			}
		}
	);
}

/** Picks a file with the Open data… button, as a reader would. */
export async function openFile(
	page: Page,
	name: string,
	contents: string | Buffer,
	mimeType = 'application/json'
) {
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Open data…' }).click();
	await (await chooser).setFiles({ name, mimeType, buffer: Buffer.from(contents) });
}

/** Clicks "Download set-aside rows" in the load report; gives the file's suggested name and its text. */
export async function downloadSetAside(report: Locator) {
	const [download] = await Promise.all([
		report.page().waitForEvent('download'),
		report.getByRole('button', { name: 'Download set-aside rows' }).click()
	]);
	return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

/** Drops a file with this text on the page, as dragging it from the desktop does. */
export async function dropFile(page: Page, name: string, text: string) {
	await page.evaluate(
		({ name, text }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([text], name));
			window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
		},
		{ name, text }
	);
}

/** An Eventline file with `count` events titled after `title`. */
export function eventFile(title: string, count = 1, extra: Record<string, unknown> = {}) {
	return JSON.stringify({
		title,
		events: Array.from({ length: count }, (_, i) => ({
			id: `e${i}`,
			title: `${title} ${i}`,
			start: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`
		})),
		...extra
	});
}

/** Opens a page and waits until its data is on screen. */
export async function openTimeline(page: Page, path = '/') {
	await page.goto(path);
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
}

/** Screen boxes of every visible label inside the timeline. */
export async function labelBoxes(page: Page) {
	return page.locator('[data-timeline] .label').evaluateAll((nodes) =>
		nodes.map((node) => {
			const box = node.getBoundingClientRect();
			return {
				text: node.textContent ?? '',
				x: box.x,
				y: box.y,
				width: box.width,
				height: box.height
			};
		})
	);
}

/** Pairs of label boxes that overlap on screen (a pixel of tolerance for antialiasing). */
export function overlaps(
	boxes: { text: string; x: number; y: number; width: number; height: number }[]
) {
	const pairs: string[] = [];
	for (let i = 0; i < boxes.length; i++) {
		for (let j = i + 1; j < boxes.length; j++) {
			const a = boxes[i];
			const b = boxes[j];
			if (!a || !b) continue;
			const apart =
				a.x + a.width <= b.x + 1 ||
				b.x + b.width <= a.x + 1 ||
				a.y + a.height <= b.y + 1 ||
				b.y + b.height <= a.y + 1;
			if (!apart) pairs.push(`"${a.text}" / "${b.text}"`);
		}
	}
	return pairs;
}

/** The timeline's SVG. */
export const timeline = (page: Page) => page.locator('svg[data-timeline]');
/** The toolbar's "Showing …" text. */
export const range = (page: Page) => page.locator('.toolbar .range');

/** The timeline's box once it is scrolled into view (its top part, at least, on screen). */
export async function timelineBox(page: Page) {
	await page.evaluate(() =>
		document.querySelector('[data-timeline]')?.scrollIntoView({ block: 'start' })
	);
	const box = await timeline(page).boundingBox();
	if (!box) throw new Error('no timeline');
	return box;
}

/**
 * The visible range once it stops changing (zoom animations settle): its text, and the window the
 * URL names to the minute, since a short pan across a wide break may keep the days the text gives.
 */
export async function settledRange(page: Page) {
	let previous = '';
	for (let i = 0; i < 20; i++) {
		const params = new URL(page.url()).searchParams;
		const now = `${(await range(page).textContent()) ?? ''} ${params.get('from')}/${params.get('to')}`;
		if (now === previous) return now;
		previous = now;
		// Longer than the URL's 250 ms debounce, so a settled view has had its URL written.
		await page.waitForTimeout(300);
	}
	return previous;
}
