import { expect, test, type Page } from '@playwright/test';
import { fixture, serveFixtures } from './helpers';

/** 36 overlapping events in one lane (instants, spans, hours, parts of the day, whole days). */
const dense = JSON.parse(fixture('dense-lane.json')) as {
	events: { id: string; title: string; category: string }[];
};
const denseLane = dense.events.filter((e) => e.category === 'strikes');

async function openDense(page: Page) {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/dense-lane.json');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
}

/**
 * Every shape and label the timeline draws, as the browser lays them out with the real font: each
 * mark's bar or symbol (the part inside the drawing) and its label.
 */
function drawnBoxes(page: Page) {
	return page.locator('svg[data-timeline]').evaluate((svg) => {
		const frame = svg.getBoundingClientRect();
		const boxes: { owner: string; what: string; x0: number; x1: number; y0: number; y1: number }[] =
			[];
		for (const mark of svg.querySelectorAll('[data-event-id]')) {
			const owner = mark.getAttribute('data-event-id') ?? '';
			for (const shape of mark.querySelectorAll('.span, .point, .label')) {
				const r = shape.getBoundingClientRect();
				boxes.push({
					owner,
					what: shape.classList.contains('label') ? 'label' : 'mark',
					x0: Math.max(r.left, frame.left),
					x1: Math.min(r.right, frame.right),
					y0: r.top,
					y1: r.bottom
				});
			}
		}
		return boxes;
	});
}

test('a lane of 36 overlapping events draws nothing over anything', async ({ page }) => {
	await openDense(page);
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(dense.events.length);
	const boxes = await drawnBoxes(page);
	const overlapping: string[] = [];
	for (const [i, a] of boxes.entries()) {
		for (const b of boxes.slice(i + 1)) {
			// A label written inside its own long span sits on that span by design.
			if (a.owner === b.owner && a.what !== b.what) continue;
			const apart = a.x1 <= b.x0 + 1 || b.x1 <= a.x0 + 1 || a.y1 <= b.y0 + 1 || b.y1 <= a.y0 + 1;
			if (!apart) overlapping.push(`${a.what} ${a.owner} / ${b.what} ${b.owner}`);
		}
	}
	expect(overlapping).toEqual([]);
	// A label is its event's title, or the start of it cut where the next mark in its row begins.
	const labels = await page
		.locator('[data-timeline] [data-event-id]')
		.evaluateAll((marks) =>
			marks.map((m) => [m.getAttribute('data-event-id'), m.querySelector('.label')?.textContent])
		);
	const titles = new Map(dense.events.map((e) => [e.id, e.title]));
	for (const [id, text] of labels) {
		if (!text) continue;
		const title = titles.get(id ?? '') ?? '?';
		expect(
			text === title || (text.endsWith('…') && title.startsWith(text.slice(0, -1))),
			text
		).toBe(true);
	}
});

test('hovering each of the 36 marks with the mouse shows that event in the tooltip', async ({
	page
}) => {
	test.setTimeout(90_000);
	await openDense(page);
	const tooltipTitle = page.getByRole('tooltip').locator('.title');
	for (const event of denseLane) {
		const shape = page
			.locator(`[data-timeline] [data-event-id="${event.id}"]`)
			.locator('.span, .point')
			.first();
		await shape.scrollIntoViewIfNeeded();
		const frame = await page.locator('svg[data-timeline]').boundingBox();
		const box = await shape.boundingBox();
		if (!frame || !box) throw new Error(`no mark for ${event.id}`);
		// The middle of the part of the mark inside the drawing (a whole-day span runs past it).
		const left = Math.max(box.x, frame.x);
		const right = Math.min(box.x + box.width, frame.x + frame.width);
		await page.mouse.move((left + right) / 2, box.y + box.height / 2, { steps: 3 });
		await expect(tooltipTitle, event.id).toHaveText(event.title);
	}
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('a label cut for room gives its whole title to a tap and to keyboard focus', async ({
		page
	}) => {
		await openDense(page);
		const cut = page.locator('[data-timeline] [data-event-id]').filter({
			has: page.locator('.label', { hasText: '…' })
		});
		expect(await cut.count()).toBeGreaterThan(0);
		const mark = cut.first();
		const id = (await mark.getAttribute('data-event-id')) ?? '';
		const title = dense.events.find((e) => e.id === id)?.title ?? '?';
		await expect(mark.locator('.label')).not.toHaveText(title);

		await mark.scrollIntoViewIfNeeded();
		const frame = await page.locator('svg[data-timeline]').boundingBox();
		const box = await mark.locator('.span, .point').first().boundingBox();
		if (!frame || !box) throw new Error('no mark');
		const left = Math.max(box.x, frame.x);
		const right = Math.min(box.x + box.width, frame.x + frame.width);
		await page.touchscreen.tap((left + right) / 2, box.y + box.height / 2);
		const panel = page.getByRole('complementary', { name: 'Event details' });
		await expect(panel.getByRole('heading', { level: 2 })).toHaveText(title);
		await page.keyboard.press('Escape');
		await expect(panel).toHaveCount(0);

		// Its accessible name, which focus speaks and shows in the tooltip, is the whole title too.
		const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		await expect(mark).toHaveAccessibleName(new RegExp(`^${escaped},`));
	});
});
