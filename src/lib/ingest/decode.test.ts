import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, detectEncoding, TextAssembler } from './decode';

const text = '{"events":[{"id":"é","title":"Kyiv – Київ 🚀","start":"2024"}]}';

/** `text` as UTF-16 in the given byte order, with or without its byte order mark. */
function utf16(source: string, order: 'le' | 'be', bom: boolean): Uint8Array {
	const units = (bom ? '\uFEFF' : '') + source;
	const bytes = new Uint8Array(units.length * 2);
	for (let i = 0; i < units.length; i++) {
		const unit = units.charCodeAt(i);
		const [first, second] = order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff];
		bytes[i * 2] = first;
		bytes[i * 2 + 1] = second;
	}
	return bytes;
}

const utf8 = (source: string) => new TextEncoder().encode(source);
const withBom = (bytes: Uint8Array) => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);

/** Every way a file of this text can be saved. */
const encodings = [
	{ name: 'UTF-8', bytes: utf8(text), encoding: 'utf-8' },
	{ name: 'UTF-8 with a byte order mark', bytes: withBom(utf8(text)), encoding: 'utf-8' },
	{ name: 'UTF-16 LE with a mark', bytes: utf16(text, 'le', true), encoding: 'utf-16le' },
	{ name: 'UTF-16 BE with a mark', bytes: utf16(text, 'be', true), encoding: 'utf-16be' },
	{ name: 'UTF-16 LE without a mark', bytes: utf16(text, 'le', false), encoding: 'utf-16le' },
	{ name: 'UTF-16 BE without a mark', bytes: utf16(text, 'be', false), encoding: 'utf-16be' }
];

describe('decodeBytes reads every encoding a newsroom saves in as the same text', () => {
	it.each(encodings)('$name', ({ bytes, encoding }) => {
		const decoded = decodeBytes(bytes);
		expect(decoded.text).toBe(text);
		expect(decoded.encoding).toBe(encoding);
		expect(decoded.notices).toEqual([]);
	});

	it('reads CSV the same way', () => {
		const csv = 'title,start\nÉté,2024';
		expect(decodeBytes(utf16(csv, 'le', false)).text).toBe(csv);
		expect(decodeBytes(utf16(csv, 'be', true)).text).toBe(csv);
	});

	it('gives the same text however the bytes are split into chunks', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...encodings),
				fc.array(fc.nat(), { maxLength: 8 }),
				({ bytes }, cuts) => {
					const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
						(a, b) => a - b
					);
					const assembler = new TextAssembler();
					let from = 0;
					for (const to of [...points, bytes.length]) {
						assembler.push(bytes.slice(from, to));
						from = to;
					}
					expect(assembler.finish().text).toBe(text);
				}
			)
		);
	});

	it('says how many characters could not be read, rather than dropping them silently', () => {
		const broken = new Uint8Array([...utf8('{"a":"é'), 0xff, 0xfe, 0x80, ...utf8('x"}')]);
		const decoded = decodeBytes(broken);
		expect(decoded.text).toContain('\uFFFD');
		expect(decoded.notices).toHaveLength(1);
		expect(decoded.notices[0]?.message).toMatch(/^3 characters could not be read as UTF-8/);
	});

	it('reads a file of Western European letters that is not UTF-8 as Windows-1252, and says so', () => {
		// "Événement;Année" and "Fête – été" as a spreadsheet on Windows saves them.
		const bytes = new Uint8Array([
			0xc9,
			...utf8('v'),
			0xe9,
			...utf8('nement;Ann'),
			0xe9,
			...utf8('e\nF'),
			0xea,
			...utf8('te '),
			0x96,
			...utf8(' '),
			0xe9,
			...utf8('t'),
			0xe9,
			...utf8(';1900')
		]);
		const decoded = decodeBytes(bytes);
		expect(decoded.text).toBe('Événement;Année\nFête – été;1900');
		expect(decoded.encoding).toBe('windows-1252');
		expect(decoded.notices[0]?.message).toMatch(/read as Windows-1252/);
	});

	it('keeps a UTF-8 file that holds the replacement character itself as UTF-8', () => {
		const decoded = decodeBytes(utf8('title,start\n\uFFFD,2024'));
		expect(decoded.encoding).toBe('utf-8');
	});

	it('reads an empty file as empty text', () => {
		expect(decodeBytes(new Uint8Array()).text).toBe('');
	});

	it('takes a binary file for UTF-8 (its NUL bytes then mark it as not text)', () => {
		expect(detectEncoding(utf8('PK\u0003\u0004\u0000\u0000'))).toBe('utf-8');
		expect(decodeBytes(utf8('PK\u0003\u0004\u0000\u0000')).text).toContain('\u0000');
	});
});
