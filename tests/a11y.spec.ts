import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openTimeline } from './helpers';

/** Runs axe (WCAG 2.2 A and AA) on the page and expects no violations. */
async function expectNoViolations(page: Page, state: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const summary = results.violations.map(
		(v) =>
			`${v.id}: ${v.help} (${v.nodes
				.map((n) => n.target.join(' '))
				.slice(0, 3)
				.join(', ')})`
	);
	expect(summary, `axe violations in state "${state}"`).toEqual([]);
}

// One axe run per state: each is several seconds on a busy two-core machine.
test('no axe violations on first view', async ({ page }) => {
	await openTimeline(page);
	await expectNoViolations(page, 'initial');
});

test('no axe violations zoomed in', async ({ page }) => {
	await openTimeline(page);
	await page.getByRole('button', { name: 'Zoom in' }).click();
	await page.waitForTimeout(500);
	await expectNoViolations(page, 'zoomed');
});

test('no axe violations with a tooltip, then the detail panel open', async ({ page }) => {
	await openTimeline(page);
	const mark = page.locator('[data-timeline] [data-event-id]').first();
	await mark.locator('rect.span, path.point').first().hover({ force: true });
	await expect(page.getByRole('tooltip')).toBeVisible();
	await expectNoViolations(page, 'tooltip open');
	await mark.locator('rect.span, path.point').first().click({ force: true });
	await expect(page.getByRole('complementary', { name: 'Event details' })).toBeVisible();
	await page.mouse.move(0, 0);
	await expectNoViolations(page, 'detail panel open');
});

test('no axe violations while searching', async ({ page }) => {
	await openTimeline(page);
	await page.getByRole('searchbox', { name: 'Search events' }).fill('Poland');
	await expectNoViolations(page, 'search');
});

test('no axe violations in the dark theme', async ({ page }) => {
	await openTimeline(page);
	await page.getByRole('button', { name: 'Dark theme' }).click();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await expectNoViolations(page, 'dark theme');
});

test('no axe violations with an error shown', async ({ page }) => {
	await page.route(
		(url) => url.pathname === '/fixtures/bad.json',
		(route) =>
			route.fulfill({
				status: 200,
				contentType: 'application/json',
				body: '{"events": [{"id": 1}]}'
			})
	);
	await page.goto('/?src=/fixtures/bad.json');
	await expect(page.locator('html')).toHaveAttribute('data-state', 'error');
	await expectNoViolations(page, 'error shown');
});

test.describe('on a 390x844 phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
	test('no axe violations, and the controls fit the screen', async ({ page }) => {
		await openTimeline(page);
		await expectNoViolations(page, '390x844');
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		for (const name of ['Zoom in', 'Zoom out', 'Open data…', 'Dark theme']) {
			const box = await page.getByRole('button', { name, exact: true }).boundingBox();
			expect(box?.height, name).toBeGreaterThanOrEqual(44);
			expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(390);
		}
	});
});

test('keyboard only: from page load to an event’s details and an export', async ({ page }) => {
	await openTimeline(page);
	// Tab through the controls until focus reaches an event on the timeline.
	let onEvent = false;
	for (let i = 0; i < 40 && !onEvent; i++) {
		await page.keyboard.press('Tab');
		onEvent = await page.evaluate(
			() => document.activeElement?.hasAttribute('data-event-id') ?? false
		);
	}
	expect(onEvent).toBe(true);
	await page.keyboard.press('ArrowRight');
	await expect(page.getByRole('tooltip')).toBeVisible();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('complementary', { name: 'Event details' });
	await expect(panel.getByRole('heading', { level: 2 })).not.toBeEmpty();
	// Back to the Export control with Shift+Tab, open it with the keyboard and save an SVG.
	let onExport = false;
	for (let i = 0; i < 40 && !onExport; i++) {
		await page.keyboard.press('Shift+Tab');
		onExport = await page.evaluate(
			() => document.activeElement?.textContent?.includes('Export') ?? false
		);
	}
	expect(onExport).toBe(true);
	await page.keyboard.press('Enter');
	let onSvg = false;
	for (let i = 0; i < 10 && !onSvg; i++) {
		await page.keyboard.press('Tab');
		onSvg = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'SVG');
	}
	expect(onSvg).toBe(true);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.keyboard.press('Enter')
	]);
	expect(download.suggestedFilename()).toMatch(/\.svg$/);
});

test.describe('on a 360 px phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
	test('the controls fit, touch targets are 44 px, details open as a bottom sheet', async ({
		page
	}) => {
		await openTimeline(page);
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
		).toBeLessThanOrEqual(0);
		const controls = page.locator('button:visible, select:visible, input[type=search]:visible');
		for (const box of await controls.evaluateAll((els) =>
			els.map((el) => el.getBoundingClientRect().toJSON())
		)) {
			expect(box.height).toBeGreaterThanOrEqual(44);
			expect(box.right).toBeLessThanOrEqual(360);
		}
		const mark = page.locator('[data-timeline] [data-event-id]').first();
		await mark.scrollIntoViewIfNeeded();
		const box = await mark.locator('rect.span, path.point').first().boundingBox();
		if (!box) throw new Error('no mark');
		await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
		const sheet = page.getByRole('complementary', { name: 'Event details' });
		await expect(sheet).toBeVisible();
		const sheetBox = await sheet.boundingBox();
		expect(sheetBox?.width).toBeCloseTo(360, 0);
		expect((sheetBox?.y ?? 0) + (sheetBox?.height ?? 0)).toBeCloseTo(740, 0);
	});
});
