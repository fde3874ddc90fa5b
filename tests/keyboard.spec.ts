import { expect, test, type Page } from '@playwright/test';

// 3,000 events at one instant in one lane, far too many to draw one by one, between two others.
const BURST = 3_000;
const burst = {
	title: 'A burst',
	timeZone: 'UTC',
	events: [
		{ id: 'before', title: 'Before the burst', start: '2024-11-17T09:00', category: 'other' },
		...Array.from({ length: BURST }, (_, i) => ({
			id: `b${String(i).padStart(4, '0')}`,
			title: `Burst event ${i}`,
			start: '2024-11-17T10:00',
			category: 'burst'
		})),
		{ id: 'after', title: 'After the burst', start: '2024-11-17T11:00', category: 'other' }
	]
};

/** What has keyboard focus: an event's id, a cluster's, the timeline itself, or elsewhere. */
const focusedThing = (page: Page) =>
	page.evaluate(() => {
		const active = document.activeElement;
		if (!active || active === document.body) return 'page';
		const event = active.closest('[data-event-id]')?.getAttribute('data-event-id');
		if (event) return event;
		if (active.closest('[data-cluster-id]')) return 'cluster';
		return active.hasAttribute('data-timeline') ? 'timeline' : 'elsewhere';
	});

async function pressAndCheck(page: Page, key: string) {
	await page.keyboard.press(key);
	// Focus must stay inside the timeline through every redraw the key causes.
	for (let i = 0; i < 4; i++) {
		expect(await focusedThing(page)).not.toBe('page');
		await page.waitForTimeout(100);
	}
}

test('every event of a 3,000-event instant is reachable by keyboard, through its cluster', async ({
	page
}) => {
	// Many key presses, each checked over a few frames: more than the default on a busy machine.
	test.setTimeout(120_000);
	await page.route(
		(url) => url.pathname === '/fixtures/burst.json',
		(route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(burst) })
	);
	await page.goto('/?src=/fixtures/burst.json');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
	await expect(page.locator('[data-timeline] [data-cluster-id]').first()).toBeVisible();

	// Tab into the timeline: its one tab stop is the first thing drawn.
	for (let i = 0; i < 40 && !['before', 'cluster'].includes(await focusedThing(page)); i++) {
		await page.keyboard.press('Tab');
	}
	expect(await focusedThing(page)).toBe('before');

	// → lands on the cluster as one stop, and its tooltip says what it holds.
	await pressAndCheck(page, 'ArrowRight');
	expect(await focusedThing(page)).toBe('cluster');
	await expect(page.getByRole('tooltip')).toContainText(`${BURST.toLocaleString('en')} events`);
	// → again steps over all 3,000 to the event after; ← comes back to the cluster.
	await pressAndCheck(page, 'ArrowRight');
	expect(await focusedThing(page)).toBe('after');
	await pressAndCheck(page, 'ArrowLeft');
	expect(await focusedThing(page)).toBe('cluster');

	// Enter opens the cluster: the view zooms in and focus is on the first event inside.
	await expect(page).not.toHaveURL(/from=/);
	await pressAndCheck(page, 'Enter');
	await expect(page).toHaveURL(/from=/);
	expect(await focusedThing(page)).toBe('b0000');
	await expect(page.getByRole('tooltip')).toContainText('Burst event 0');
	// Inside, arrows walk event by event, each drawn and focused in turn.
	await pressAndCheck(page, 'ArrowRight');
	await pressAndCheck(page, 'ArrowRight');
	expect(await focusedThing(page)).toBe('b0002');
	await expect(page.getByRole('tooltip')).toContainText('Burst event 2');

	// Zooming and fitting by keyboard re-slices every cluster; focus stays in the timeline.
	for (const key of ['-', '-', '0', '+', '+']) await pressAndCheck(page, key);
	expect(await focusedThing(page)).toBe('b0002');
});
