import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dataset, downloadSetAside, fixture, openFile, serveFixtures } from './helpers';

/** Fails the test if any script from the data ran, or any dialog opened. */
async function guardAgainstScript(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	return async () => {
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(dialogs).toEqual([]);
	};
}

const state = (page: Page) => page.locator('html');

const alert = (page: Page) => page.getByRole('alert');

test('?src= loads a dataset, starting at its full extent', async ({ page }) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/simple.json');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('A simple timeline');
	for (const id of ['first', 'second', 'third']) {
		await expect(page.locator(`[data-timeline] [data-event-id="${id}"]`)).toHaveCount(1);
	}
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(3);
	await expect(page.getByRole('button', { name: 'Fit all' })).toBeDisabled();
});

test('a file that is not JSON is refused with line and column; the timeline stays', async ({
	page
}) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/broken-syntax.json');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	await expect(alert(page)).toContainText(/Not valid JSON at line 4, column \d+/);
	await expect(alert(page)).toContainText('The timeline below is unchanged');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(dataset.events.length);
});

test('schema and semantic errors are listed with their JSON paths', async ({ page }) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/broken-schema.json');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	const box = alert(page);
	await expect(box).toContainText('events[0].start');
	await expect(box).toContainText('"2024-13-40" is not a real date');
	await expect(box).toContainText(/events\[3\]\.title:\s+is required/);
	await expect(box).toContainText(/events\[2\]\.end:\s+"2024-04-01" is before start "2024-05-01"/);
	await expect(box).toContainText('None of the 4 events');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
});

test('an address that cannot be fetched says why', async ({ page }) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/missing.json');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	await expect(alert(page)).toContainText('404');
	await page.goto('/?src=javascript:alert(1)');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	await expect(alert(page)).toContainText('Only http(s) addresses');
});

test('a hostile file runs nothing, through ?src=, Open data… and drag and drop', async ({
	page
}) => {
	const check = await guardAgainstScript(page);
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/hostile.json');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	// Markup from the data is shown as text, never interpreted.
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'<script>window.__pwned=2</script>'
	);
	await expect(page.locator('#event-h1')).toContainText('<img src=x onerror=window.__pwned=7>');
	await page.locator('[data-event-id="h1"] rect.span').hover({ force: true });
	await expect(page.getByRole('tooltip')).toContainText('<script>window.__pwned=6</script>');
	await check();

	// Open data…
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await openFile(page, 'hostile.json', fixture('hostile.json'), 'application/json');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Hostile');
	await check();

	// Drag and drop.
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await page.evaluate((text) => {
		const transfer = new DataTransfer();
		transfer.items.add(new File([text], 'hostile.json', { type: 'application/json' }));
		window.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }));
		window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }));
	}, fixture('hostile.json'));
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Hostile');
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(2);
	await check();

	// And the exported SVG of it is inert too.
	await page.getByRole('button', { name: /Export/ }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'SVG', exact: true }).click()
	]);
	const svg = readFileSync(await download.path(), 'utf8');
	expect(svg).not.toMatch(/<script|<foreignObject|<img|<iframe|\son\w+="/i);
	expect(svg).toContain('&lt;script&gt;window.__pwned=2&lt;/script&gt;');
});

test('a javascript: link in the data is refused by validation, never rendered', async ({
	page
}) => {
	const check = await guardAgainstScript(page);
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/hostile-link.json');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	await expect(alert(page)).toContainText('events[0].sources[0].url');
	await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
	await check();
});

test('a TimelineJS3 file loads through ?src=, as plain text with its precision', async ({
	page
}) => {
	const check = await guardAgainstScript(page);
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/import-timelinejs.json');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The River Project');
	await expect(page.locator('#event-ground-broken')).toContainText('Wednesday 12 May 2021, 09:30');
	await expect(page.locator('#event-ground-broken')).toContainText(
		'Work starts at the north bank.'
	);
	await check();
});

test('an Eventline CSV opens with Open data…', async ({ page }) => {
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await openFile(page, 'events.csv', fixture('import-eventline.csv'), 'text/csv');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(page.locator('[data-timeline] [data-event-id]').first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(dataset.title);
});

test('a file with some bad rows loads the rest at once, lists the set-aside rows and gives them back as CSV', async ({
	page
}) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/import-partly-broken.csv');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(4);
	const report = page.getByRole('region', { name: 'About the loaded file' });
	await expect(report).toContainText('2 of 6 events');
	await expect(report).toContainText('row 3');
	await expect(report).toContainText('2024-02-30');
	await expect(report).toContainText('row 6');
	const download = await downloadSetAside(report);
	expect(download.name).toBe('import-partly-broken-set-aside.csv');
	const lines = fixture('import-partly-broken.csv').trim().split('\n');
	expect(download.text).toBe([lines[0], lines[2], lines[5]].join('\n') + '\n');
	await expect(alert(page)).toBeEmpty();
});

test('a failed load names its file above the heading, and keeps the timeline', async ({ page }) => {
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await openFile(page, 'broken.json', '{"events": [');
	await expect(state(page)).toHaveAttribute('data-state', 'error');
	await expect(alert(page)).toContainText('Could not open broken.json.');
	const heading = page.getByRole('heading', { level: 1 });
	await expect(heading).toHaveText(dataset.title);
	const [box, title] = [await alert(page).boundingBox(), await heading.boundingBox()];
	expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(title?.y ?? 0);
	await expect(page.locator('[data-timeline] [data-event-id]')).toHaveCount(dataset.events.length);
});

test('Download data saves the loaded timeline, and opening that file gives the same timeline', async ({
	page
}) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/import-timelinejs.json');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	const ids = await page
		.locator('[data-timeline] [data-event-id]')
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')).sort());
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download data' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^the-river-project_.*\.json$/);
	const saved = readFileSync(await download.path(), 'utf8');
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await openFile(page, 'saved.json', saved);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('The River Project');
	await expect
		.poll(() =>
			page
				.locator('[data-timeline] [data-event-id]')
				.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')).sort())
		)
		.toEqual(ids);
});

test('the Content-Security-Policy allows no inline script', async ({ page }) => {
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	const policy =
		(await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ??
		'';
	const scriptSrc = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
	expect(scriptSrc).toContain("'self'");
	expect(scriptSrc).not.toContain('unsafe-inline');
	expect(scriptSrc).not.toContain('unsafe-eval');
	// An inline script added to the page does not run.
	await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__inline = 1';
		document.body.append(script);
	});
	expect(
		await page.evaluate(() => (window as unknown as { __inline?: number }).__inline)
	).toBeUndefined();
});
