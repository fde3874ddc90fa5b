import { describe, expect, it } from 'vitest';
import { httpUrl, safeHref } from './links';

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

describe('httpUrl resolves addresses to load data from', () => {
	const base = 'https://eventline.test/app/';
	it.each([
		['data/events.json', 'https://eventline.test/app/data/events.json'],
		['https://other.test/a.json', 'https://other.test/a.json'],
		['javascript:alert(1)', 'Only http(s) addresses can be loaded, not “javascript:”'],
		['file:///etc/passwd', 'Only http(s) addresses can be loaded, not “file:”'],
		['http://[bad', '“http://[bad” is not a web address']
	])('%s', (input, expected) => {
		const result = httpUrl(input, base);
		expect(typeof result === 'string' ? result : result.href).toBe(expected);
	});
});
