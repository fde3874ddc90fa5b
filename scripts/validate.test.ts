import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm run validate -- …` the way a newsroom's CI would, returning exit code and output. */
function validate(...files: string[]) {
	try {
		const out = execFileSync('npx', ['tsx', 'scripts/validate.ts', ...files], {
			encoding: 'utf8',
			stdio: 'pipe'
		});
		return { code: 0, out };
	} catch (error) {
		const e = error as { status: number; stdout: string; stderr: string };
		return { code: e.status, out: `${e.stdout}${e.stderr}` };
	}
}

describe('npm run validate', () => {
	it('passes the bundled dataset and every good format', () => {
		const { code, out } = validate(
			'src/lib/data/events.json',
			'tests/fixtures/import/timelinejs.json',
			'tests/fixtures/import/eventline.csv'
		);
		expect(out).toMatch(/events\.json: ok, \d+ events \(eventline\)/);
		expect(out).toMatch(/timelinejs\.json: ok, \d+ events \(timelinejs\)/);
		expect(code).toBe(0);
	}, 30_000);

	it('says what span each file covers, from deep time to the common era', () => {
		const { code, out } = validate(
			'tests/fixtures/cosmos.json',
			'tests/fixtures/roman-republic.json'
		);
		expect(out).toContain(
			'cosmos.json: ok, 14 events (eventline), 13.8 billion years ago – 1969 CE'
		);
		expect(out).toContain(
			'roman-republic.json: ok, 10 events (eventline), 1 January 133 BCE – 19 August 14 CE'
		);
		expect(code).toBe(0);
	}, 30_000);

	it('prints every problem with its location and exits 1', () => {
		const { code, out } = validate(
			'tests/fixtures/broken-schema.json',
			'tests/fixtures/import/partly-broken.csv'
		);
		expect(code).toBe(1);
		expect(out).toContain('events[0].start');
		expect(out).toContain('row 3');
	}, 30_000);

	it('reads UTF-8 with a byte order mark and UTF-16 in both byte orders, as the page does', () => {
		const dir = mkdtempSync(join(tmpdir(), 'eventline-validate-'));
		const text = readFileSync('tests/fixtures/import/eventline.csv', 'utf8');
		const utf16le = Buffer.from(`\uFEFF${text}`, 'utf16le');
		const files = {
			'bom.csv': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
			'le.csv': utf16le,
			'be.csv': Buffer.from(utf16le).swap16()
		};
		for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
		const { code, out } = validate(...Object.keys(files).map((name) => join(dir, name)));
		expect(out.match(/: ok, 3 events \(csv-eventline\)/g)).toHaveLength(3);
		expect(code).toBe(0);
	}, 30_000);

	it('exits 2 when a file cannot be read', () => {
		expect(validate('no/such/file.json').code).toBe(2);
	}, 30_000);
});
