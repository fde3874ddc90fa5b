import { expect, test, type Page } from '@playwright/test';
import { eventFile, openFile } from './helpers';

/**
 * Twenty loads in quick succession, as a busy newsroom makes them: a slow ?src= download, then good,
 * broken, huge and partly valid files, opened with the button or dropped, without waiting for any.
 * Whatever the order in which they would finish, the last one started is the one on screen.
 */

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const marks = (page: Page) => page.locator('[data-timeline] [data-event-id]');

/** Records page errors, every change of `<html data-state>`, and the longest main-thread task. */
async function watch(page: Page) {
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await page.addInitScript(() => {
		const probe = { states: [] as string[], longest: 0 };
		Object.assign(window, { __probe: probe });
		// The document, not its root element, which may not exist yet when this runs.
		new MutationObserver(() => {
			probe.states.push(document.documentElement.dataset.state ?? '');
		}).observe(document, { subtree: true, attributeFilter: ['data-state'] });
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				probe.longest = Math.max(probe.longest, entry.duration);
		}).observe({ type: 'longtask' });
	});
	const probe = () =>
		page.evaluate(
			() => (window as unknown as { __probe: { states: string[]; longest: number } }).__probe
		);
	return { errors, probe };
}

/** Drops a file made in the page: `kind` picks what is in it. */
async function drop(page: Page, name: string, kind: 'good' | 'broken' | 'huge' | 'partial') {
	await page.evaluate(
		({ name, kind }) => {
			const events = (title: string, count: number) =>
				JSON.stringify({
					title,
					events: Array.from({ length: count }, (_, i) => ({
						id: `e${i}`,
						title: `${title} ${i}`,
						start: `2024-05-${String(1 + (i % 28)).padStart(2, '0')}`
					}))
				});
			const text =
				kind === 'good'
					? events(name, 3)
					: kind === 'huge'
						? events(name, 60_000)
						: kind === 'partial'
							? 'title,start\nGood,2024-01-01\nBad,2024-02-30\n'
							: '{"events": [';
			const transfer = new DataTransfer();
			transfer.items.add(new File([text], name));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
		},
		{ name, kind }
	);
}

/** Starts the page on a ?src= download that stays slow until released. */
async function startSlow(page: Page) {
	let release: () => void = () => {};
	const released = new Promise<void>((resolve) => (release = resolve));
	await page.route(
		(url) => url.pathname === '/slow.json',
		async (route) => {
			await released;
			await route
				.fulfill({ status: 200, contentType: 'application/json', body: eventFile('Slow', 5) })
				.catch(() => {});
		}
	);
	await page.goto('/?src=/slow.json');
	await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
	return release;
}

/** Loads 2–19: every kind, through the button and by dropping, none awaited. */
async function burst(page: Page) {
	const kinds = ['good', 'broken', 'huge', 'partial'] as const;
	for (let i = 2; i <= 19; i++) {
		const kind = kinds[i % kinds.length] ?? 'good';
		if (i % 5 === 0) {
			await openFile(
				page,
				`opened-${i}.json`,
				kind === 'broken' ? '{"events": [' : eventFile(`Opened ${i}`)
			);
		} else await drop(page, `dropped-${i}.json`, kind);
	}
}

test.describe('twenty loads in quick succession', () => {
	test.setTimeout(180_000);

	test('end with the last one on screen, one data-state and no page error', async ({ page }) => {
		const { errors, probe } = await watch(page);
		const release = await startSlow(page);
		await burst(page);
		await drop(page, 'last.json', 'good');
		release();
		await expect(heading(page)).toHaveText('last.json', { timeout: 60_000 });
		await expect(page.locator('html')).toHaveAttribute('data-state', 'ready');
		const settled = (await probe()).states.length;
		// Long enough for any earlier load to have finished, had it not been aborted.
		await page.waitForTimeout(5000);
		await expect(heading(page)).toHaveText('last.json');
		await expect(marks(page)).toHaveCount(3);
		// One data-state: "ready", which no older load changed afterwards.
		const { states, longest } = await probe();
		expect(states.length).toBe(settled);
		expect(states.at(-1)).toBe('ready');
		await expect(page.getByRole('alert')).toBeEmpty();
		expect(new URL(page.url()).searchParams.has('src')).toBe(false);
		expect(errors).toEqual([]);
		test.info().annotations.push({
			type: 'longest main-thread task',
			description: `${Math.round(longest)} ms`
		});
	});

	test('end with a failure: its message, and the timeline that was on screen when it started', async ({
		page
	}) => {
		const { errors, probe } = await watch(page);
		const release = await startSlow(page);
		await burst(page);
		// What is on screen at the very moment the last load starts, in the same task as its drop.
		const before = await page.evaluate(() => {
			const shown = {
				title: document.querySelector('h1')?.textContent ?? '',
				count: document.querySelectorAll('[data-timeline] [data-event-id]').length
			};
			const transfer = new DataTransfer();
			transfer.items.add(new File(['{"events": ['], 'last-broken.json'));
			window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
			return shown;
		});
		release();
		await expect(page.locator('html')).toHaveAttribute('data-state', 'error', { timeout: 60_000 });
		const settled = (await probe()).states.length;
		await page.waitForTimeout(5000);
		expect((await probe()).states.length).toBe(settled);
		await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
		await expect(page.getByRole('alert')).toContainText('Could not open last-broken.json.');
		await expect(heading(page)).toHaveText(before.title);
		await expect(marks(page)).toHaveCount(before.count);
		expect(errors).toEqual([]);
	});
});
