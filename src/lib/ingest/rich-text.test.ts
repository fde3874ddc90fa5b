import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Block } from '$lib/model/schema';
import { blocksText, isStructured, richText } from './rich-text';
import { urlResolver } from './media';

describe('richText reads the HTML a slide reader sees into blocks', () => {
	const rows: { name: string; html: string; expected: Block[] }[] = [
		{
			name: 'plain text',
			html: 'Just words',
			expected: [{ kind: 'p', spans: [{ text: 'Just words' }] }]
		},
		{
			name: 'paragraphs',
			html: '<p>One</p>\n<p>Two</p>',
			expected: [
				{ kind: 'p', spans: [{ text: 'One' }] },
				{ kind: 'p', spans: [{ text: 'Two' }] }
			]
		},
		{
			name: 'a line break',
			html: 'Line one<br>line two<br/>',
			expected: [{ kind: 'p', spans: [{ text: 'Line one\nline two' }] }]
		},
		{
			name: 'emphasis and strong text',
			html: '<p>An <em>early</em> and <b>bold</b> <i><strong>claim</strong></i></p>',
			expected: [
				{
					kind: 'p',
					spans: [
						{ text: 'An ' },
						{ text: 'early', em: true },
						{ text: ' and ' },
						{ text: 'bold', strong: true },
						{ text: ' ' },
						{ text: 'claim', em: true, strong: true }
					]
				}
			]
		},
		{
			name: 'links: http(s) and mailto kept, javascript dropped to its text',
			html: 'See <a href="https://a.example/x?y=1&amp;z=2">the report</a>, <a href=\'mailto:x@a.example\'>mail</a> or <a href="javascript:alert(1)">this</a>.',
			expected: [
				{
					kind: 'p',
					spans: [
						{ text: 'See ' },
						{ text: 'the report', href: 'https://a.example/x?y=1&z=2' },
						{ text: ', ' },
						{ text: 'mail', href: 'mailto:x@a.example' },
						{ text: ' or this.' }
					]
				}
			]
		},
		{
			name: 'lists',
			html: '<p>Steps:</p><ul><li>First</li><li>Second <em>one</em></li></ul><ol><li>A</li></ol>',
			expected: [
				{ kind: 'p', spans: [{ text: 'Steps:' }] },
				{
					kind: 'ul',
					items: [[{ text: 'First' }], [{ text: 'Second ' }, { text: 'one', em: true }]]
				},
				{ kind: 'ol', items: [[{ text: 'A' }]] }
			]
		},
		{
			name: 'a quotation',
			html: 'He said:<blockquote>Never again.</blockquote>',
			expected: [
				{ kind: 'p', spans: [{ text: 'He said:' }] },
				{ kind: 'quote', spans: [{ text: 'Never again.' }] }
			]
		},
		{
			name: 'scripts, styles, comments and unknown tags',
			html: '<div>A<script>alert(1)</script><style>p{}</style><!-- note --> <span class="x">B</span> <img src=x onerror=alert(1)>C &lt;D&gt;</div>',
			expected: [{ kind: 'p', spans: [{ text: 'A B C <D>' }] }]
		}
	];
	it.each(rows)('$name', ({ html, expected }) => expect(richText(html)).toEqual(expected));

	it('resolves relative links against the file they came from', () => {
		const blocks = richText(
			'<a href="../notes.html">notes</a>',
			urlResolver('https://a.example/data/t.json')
		);
		expect(blocks).toEqual([
			{ kind: 'p', spans: [{ text: 'notes', href: 'https://a.example/notes.html' }] }
		]);
	});

	it('gives the plain text of blocks, and says when they hold more than plain text', () => {
		const blocks = richText(
			'<p>A <a href="https://a.example">link</a></p><ul><li>x</li><li>y</li></ul>'
		);
		expect(blocksText(blocks)).toBe('A link\n\n• x\n• y');
		expect(isStructured(blocks)).toBe(true);
		expect(isStructured(richText('plain words'))).toBe(false);
	});

	it('never keeps a tag, and keeps every word of the text outside tags', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (a, b) => {
				const words = (text: string) => text.replace(/[<>&]/g, ' ').split(/\s+/).filter(Boolean);
				const html = `<p>${a.replace(/[<>&]/g, ' ')}</p><ul><li>${b.replace(/[<>&]/g, ' ')}</li></ul>`;
				const text = blocksText(richText(html));
				expect(text).not.toMatch(/<[a-z/]/i);
				expect(words(text.replace(/^• /gm, ''))).toEqual([...words(a), ...words(b)]);
			})
		);
	});
});
