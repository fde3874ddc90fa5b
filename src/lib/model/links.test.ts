import { describe, expect, it } from 'vitest';
import { safeHref } from './links';

describe('safeHref lets only http(s) links through', () => {
	it.each([
		['https://example.org/a?b=c', 'https://example.org/a?b=c'],
		['http://example.org', 'http://example.org/'],
		['javascript:alert(1)', undefined],
		[' JavaScript:alert(1)', undefined],
		['data:text/html,<script>alert(1)</script>', undefined],
		['vbscript:msgbox', undefined],
		['/relative/path', undefined],
		['', undefined],
		[undefined, undefined]
	])('%s', (input, expected) => expect(safeHref(input)).toBe(expected));
});
