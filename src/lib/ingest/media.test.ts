import { describe, expect, it } from 'vitest';
import { mediaKind, readMedia, urlResolver } from './media';

describe('media links are resolved against the data file, as a browser showing TimelineJS would', () => {
	const web = urlResolver('https://news.example/timelines/data.json');
	const disk = urlResolver('river.json');
	const rows: {
		name: string;
		resolve: (h: string) => string | undefined;
		input: string;
		expected: string | undefined;
	}[] = [
		{
			name: 'absolute',
			resolve: web,
			input: 'https://img.example/a.jpg',
			expected: 'https://img.example/a.jpg'
		},
		{
			name: 'relative',
			resolve: web,
			input: 'img/a.jpg',
			expected: 'https://news.example/timelines/img/a.jpg'
		},
		{
			name: 'site-relative',
			resolve: web,
			input: '/a.jpg',
			expected: 'https://news.example/a.jpg'
		},
		{
			name: 'protocol-relative',
			resolve: web,
			input: '//cdn.example/a.jpg',
			expected: 'https://cdn.example/a.jpg'
		},
		{
			name: 'protocol-relative from disk',
			resolve: disk,
			input: '//cdn.example/a.jpg',
			expected: 'https://cdn.example/a.jpg'
		},
		{ name: 'relative from disk', resolve: disk, input: 'img/a.jpg', expected: undefined },
		{ name: 'javascript', resolve: web, input: 'javascript:alert(1)', expected: undefined },
		{ name: 'data', resolve: web, input: 'data:image/png;base64,AAAA', expected: undefined }
	];
	it.each(rows)('$name', ({ resolve, input, expected }) => expect(resolve(input)).toBe(expected));
});

describe('readMedia', () => {
	const resolve = urlResolver('https://news.example/t/data.json');
	it('knows images, videos, posts and plain pages by their address', () => {
		expect(
			[
				'https://a.example/p.JPG?w=2',
				'https://www.youtube.com/watch?v=x',
				'https://twitter.com/a/status/1',
				'https://en.wikipedia.org/wiki/Nile',
				'https://upload.wikimedia.org/wikipedia/commons/a/a1/Nile'
			].map(mediaKind)
		).toEqual(['image', 'video', 'post', 'link', 'image']);
	});
	it('keeps a blockquote as a quotation, with its cite', () => {
		expect(readMedia('<blockquote>Words.<cite>Someone</cite></blockquote>', resolve)).toEqual({
			type: 'quote',
			text: '<blockquote>Words.</blockquote>',
			cite: 'Someone'
		});
	});
	it('turns an iframe embed into a link to its address, never the code', () => {
		expect(
			readMedia('<iframe src="//maps.example/embed?x=1&amp;y=2" onload="x()"></iframe>', resolve)
		).toEqual({
			type: 'link',
			kind: 'embed',
			url: 'https://maps.example/embed?x=1&y=2'
		});
	});
	it('says why a link cannot be kept', () => {
		expect(readMedia('pics/a.png', urlResolver(undefined))).toEqual({
			type: 'unusable',
			reason: 'a relative link (pics/a.png) with no web address of the file to resolve it against'
		});
	});
});

describe('embedded posts', () => {
	it('become a link to the post, with what it said for a caption', () => {
		const code =
			'<blockquote class="twitter-tweet"><p lang="en">Ships &amp; boats.</p>&mdash; A harbour (@harbour) <a href="https://twitter.com/harbour/status/123?ref=x">May 1, 2020</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>';
		expect(readMedia(code, urlResolver(undefined))).toEqual({
			type: 'link',
			kind: 'post',
			url: 'https://twitter.com/harbour/status/123?ref=x',
			text: 'Ships &amp; boats.'
		});
	});
});
