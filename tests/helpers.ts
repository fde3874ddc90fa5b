import { expect, type Page } from '@playwright/test';
import bundled from '../src/lib/data/events.json' with { type: 'json' };
import type { Category, Dataset } from '../src/lib/model/schema';

/** The bundled dataset, as the tests read it independently of the app (it has a title and categories). */
export const dataset = bundled as Dataset & { title: string; categories: Category[] };

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
