import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainLine, plainText } from './plain-text';

describe('plainText keeps the words of HTML and never a tag', () => {
	const rows: { name: string; input: string; expected: string }[] = [
		{
			name: 'plain text stays',
			input: 'Opened to foot traffic.',
			expected: 'Opened to foot traffic.'
		},
		{ name: 'inline tags go', input: 'The <b>north</b> <em>bank</em>', expected: 'The north bank' },
		{ name: 'paragraphs become lines', input: '<p>One</p><p>Two</p>', expected: 'One\nTwo' },
		{ name: 'br becomes a line break', input: 'One<br>Two<br/>Three', expected: 'One\nTwo\nThree' },
		{
			name: 'links keep their text only',
			input: 'See <a href="javascript:alert(1)" onclick="x()">the report</a>.',
			expected: 'See the report.'
		},
		{
			name: 'script and style go with their content',
			input: 'a<script>alert(1)</script>b<style>p{}</style>c',
			expected: 'abc'
		},
		{ name: 'comments go', input: 'a<!-- hidden -->b', expected: 'ab' },
		{
			name: 'an unclosed tag at the end goes',
			input: 'text <img src=x onerror=alert(1)',
			expected: 'text'
		},
		{
			name: 'basic entities are decoded',
			input: 'A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; f&nbsp;g',
			expected: 'A & B <c> "d" \'e\' f\u00a0g'
		},
		{ name: 'numeric entities are decoded', input: '&#8212; &#x2014;', expected: '— —' },
		{ name: 'entities decode once', input: '&amp;lt;b&amp;gt;', expected: '&lt;b&gt;' },
		{ name: 'unknown entities stay', input: '&bogus; &#xD800;', expected: '&bogus; &#xD800;' },
		{ name: 'spaces collapse', input: '  many   spaces\t here  ', expected: 'many spaces here' },
		{ name: 'a lone less-than sign stays', input: '3 < 4', expected: '3 < 4' },
		{
			name: 'blank paragraphs collapse',
			input: '<p>a</p><p></p><p></p><p>b</p>',
			expected: 'a\n\nb'
		}
	];
	it.each(rows)('$name', ({ input, expected }) => expect(plainText(input)).toBe(expected));

	it('plainLine puts everything on one line', () => {
		expect(plainLine('<h1>The</h1><p>River  <br> Project</p>')).toBe('The River Project');
	});
});

describe('plainText on any input', () => {
	const markup = fc.oneof(
		fc.constantFrom(
			'<b>',
			'</p>',
			'<br/>',
			'<a href="javascript:x">',
			'<script>',
			'<!--',
			'<img src=x',
			'&amp;'
		),
		// Free text without '<': a stray '<' is text (a browser shows "<<b>A" as "<A"), and it can
		// join with what follows once a tag between them is removed. That case is pinned below.
		fc.string({ maxLength: 8 }).map((text) => text.replaceAll('<', ''))
	);
	it('keeps a stray less-than sign as text, as a browser shows it', () => {
		expect(plainText('<<b>A')).toBe('<A');
	});
	it('leaves no tag behind unless the text spelled one out with entities', () => {
		fc.assert(
			fc.property(fc.array(markup, { maxLength: 12 }), (parts) => {
				const html = parts.join('').replaceAll('&', '');
				expect(plainText(html)).not.toMatch(/<[a-z!?/]/i);
			})
		);
	});
	it('is already plain once it has been made plain, when there is nothing left to decode', () => {
		fc.assert(
			fc.property(fc.array(markup, { maxLength: 12 }), (parts) => {
				const once = plainText(parts.join('').replaceAll('&', ''));
				expect(plainText(once)).toBe(once);
			})
		);
	});
});
