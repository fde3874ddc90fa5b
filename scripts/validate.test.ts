import { execFileSync } from 'node:child_process';
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

	it('prints every problem with its location and exits 1', () => {
		const { code, out } = validate(
			'tests/fixtures/broken-schema.json',
			'tests/fixtures/import/partly-broken.csv'
		);
		expect(code).toBe(1);
		expect(out).toContain('events[0].start');
		expect(out).toContain('row 3');
	}, 30_000);

	it('exits 2 when a file cannot be read', () => {
		expect(validate('no/such/file.json').code).toBe(2);
	}, 30_000);
});
