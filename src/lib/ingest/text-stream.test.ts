import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeBytes } from './decode';
import { TextStream } from './text-stream';

function streamed(bytes: Uint8Array, cuts: number[]) {
	let text = '';
	const stream = new TextStream((piece) => (text += piece));
	const sorted = [...new Set(cuts.map((c) => Math.min(c, bytes.length)))].sort((a, b) => a - b);
	let from = 0;
	for (const cut of sorted) {
		stream.push(bytes.subarray(from, cut));
		from = cut;
	}
	stream.push(bytes.subarray(from));
	const notices = stream.finish();
	return { text, notices };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('TextStream', () => {
	it('drops a UTF-8 byte order mark split over two chunks', () => {
		const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('title\n')]);
		expect(streamed(bytes, [1, 2]).text).toBe('title\n');
	});

	it('reads UTF-16 with a byte order mark', () => {
		const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62, 0x00]);
		expect(streamed(bytes, [3]).text).toBe('ab');
	});

	it('decodes as the whole-file decoder does wherever the bytes are cut', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'binary', maxLength: 30 }),
				fc.boolean(),
				fc.array(fc.nat({ max: 120 }), { maxLength: 6 }),
				(text, bom, cuts) => {
					const bytes = new Uint8Array([...(bom ? [0xef, 0xbb, 0xbf] : []), ...utf8(text)]);
					const whole = decodeBytes(bytes);
					expect(streamed(bytes, cuts)).toEqual({ text: whole.text, notices: whole.notices });
				}
			)
		);
	});

	it('reports bytes that are not UTF-8', () => {
		const { notices } = streamed(new Uint8Array([0x61, 0xff, 0x62, 0x63]), [2]);
		expect(notices[0]?.message).toMatch(/^1 character could not be read as UTF-8/);
	});
});
