import { expect, test, type Page } from '@playwright/test';
import { fixture, openFile, serveFixtures } from './helpers';

const state = (page: Page) => page.locator('html');
const marks = (page: Page) => page.locator('[data-timeline] [data-event-id]');

test('a semicolon CSV with French headers goes through the column mapping with the keyboard', async ({
	page
}) => {
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	// Saved as a spreadsheet on Windows saves it: Windows-1252, so "é" is one byte that is not UTF-8.
	const bytes = Buffer.from(fixture('import-fete-village.csv'), 'latin1');
	await openFile(page, 'fete-village.csv', bytes, 'text/csv');

	const step = page.getByRole('region', { name: 'Match the columns of fete-village.csv' });
	await expect(step).toBeVisible();
	await expect(step.getByRole('heading')).toHaveText(
		'Which column holds what in fete-village.csv?'
	);
	// Guessed from the French header.
	await expect(step.getByLabel('Start date (needed)')).toHaveValue('Quand');
	await expect(step.getByLabel('Title (needed)')).toHaveValue('Intitulé');
	await expect(step.getByLabel('Description')).toHaveValue('Texte');
	await expect(step.getByLabel('Place')).toHaveValue('Lieu');
	await expect(step.getByLabel('Category (lane)')).toHaveValue('');
	// 01/07/2024 could be either: only "vers 1890" reads until the reader says which.
	await expect(step).toContainText('1 event of 5 rows would load');
	await expect(step).toContainText('say whether the day or the month comes first');

	// Keyboard only: type to pick the lane column, Tab on to the day-first choice, Space, then Enter.
	await step.getByLabel('Category (lane)').focus();
	await page.keyboard.type('Rub');
	await expect(step.getByLabel('Category (lane)')).toHaveValue('Rubrique');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(step.getByRole('radio', { name: '1 February (day first)' })).toBeFocused();
	await page.keyboard.press('Space');
	await expect(step).toContainText('5 events of 5 rows would load');
	await page.keyboard.press('Tab');
	await expect(step.getByRole('button', { name: 'Load events' })).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(step).toBeHidden();
	await expect(marks(page)).toHaveCount(5);
	const list = page.locator('.event-list');
	await expect(list).toContainText('Bal populaire');
	await expect(list).toContainText('Première fête du village');
	await expect(page.locator('[data-timeline]')).toContainText(/Musique/i);
	// Read as Windows-1252, and said so.
	await expect(page.getByRole('region', { name: 'About the loaded file' })).toContainText(
		'read as Windows-1252'
	);
});

test('a vis-timeline DataSet opens through ?src=, its groups as lanes, its background as an era', async ({
	page
}) => {
	await serveFixtures(page);
	await page.goto('/?src=/fixtures/import-vis-library.json');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(marks(page)).toHaveCount(4);
	const figure = page.locator('[data-timeline]');
	await expect(figure).toContainText('Closed for works');
	await expect(figure).toContainText(/Reading room/i);
	await expect(figure).toContainText(/Archive/i);
	await expect(page.locator('.event-list')).toContainText('Talk: old maps');
	await expect(page.getByRole('region', { name: 'About the loaded file' })).toContainText(
		'Item fields that Eventline does not read were left out: className'
	);
});

test('a Google Sheet address in Open address… is fetched as the sheet’s published CSV', async ({
	page
}) => {
	const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcde';
	let asked = '';
	await page.route('https://docs.google.com/**', (route) => {
		asked = route.request().url();
		return route.fulfill({
			status: 200,
			headers: { 'access-control-allow-origin': '*', 'content-type': 'text/csv' },
			body: 'Year,Month,Day,Headline\n2021,5,12,Ground broken\n2022,1,3,Roof on'
		});
	});
	await page.goto('/');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await page.getByText('Open address…').click();
	await page
		.getByLabel('Address of a data file, or of a published Google Sheet')
		.fill(`https://docs.google.com/spreadsheets/d/${id}/edit#gid=42`);
	await page.keyboard.press('Enter');
	await expect(state(page)).toHaveAttribute('data-state', 'ready');
	await expect(marks(page)).toHaveCount(2);
	expect(asked).toBe(
		`https://docs.google.com/spreadsheets/d/${id}/pub?gid=42&single=true&output=csv`
	);
	// The address the reader gave is the one the page's URL keeps, so the view can be shared.
	await expect(page).toHaveURL(/src=https%3A%2F%2Fdocs\.google\.com%2Fspreadsheets%2Fd%2F/);
});
