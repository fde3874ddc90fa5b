import { describe, expect, it } from 'vitest';
import { claimId, generatedId, slugify } from './ids';

describe('slugify', () => {
	const rows: { input: string; expected: string }[] = [
		{ input: 'First flood season', expected: 'first-flood-season' },
		{ input: '  Żółta Łódź! ', expected: 'zolta-lodz' },
		{ input: 'Київ', expected: '' },
		{ input: 'a'.repeat(100), expected: 'a'.repeat(48) },
		{ input: '__proto__', expected: 'proto' }
	];
	it.each(rows)('$input → $expected', ({ input, expected }) =>
		expect(slugify(input)).toBe(expected)
	);
});

describe('ids the file does not give', () => {
	it('are the title slug and the position, apart from ids already taken', () => {
		const taken = new Set(['flood-3']);
		expect(generatedId('Flood', 3, taken)).toBe('flood-3-2');
		expect(generatedId('Київ', 4, taken)).toBe('event-4');
		expect(generatedId('Phase one', 5, taken, 'era-')).toBe('era-phase-one-5');
		expect(claimId('flood-3', taken)).toBe('flood-3-3');
	});
});
