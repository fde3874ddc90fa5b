import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { maxFileBytes } from '$lib/ingest/limits';
import type { PreparedTimeline } from '$lib/model/timeline';
import { DataLoader, STALL_MS } from './loader.svelte';

const good = (title: string) =>
	JSON.stringify({ title, events: [{ id: 'a', title: 'A', start: '2024-05-01' }] });
const BROKEN = '{"events": [';

/** A stream whose bytes arrive only when the test says so. */
function gate() {
	let push: (text: string | undefined) => void = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			push = (text) => {
				// A cancelled load has stopped reading: what the server sends next goes nowhere.
				try {
					if (text === undefined) controller.close();
					else controller.enqueue(new TextEncoder().encode(text));
				} catch {
					// The stream was cancelled.
				}
			};
		}
	});
	return { stream, send: (text: string) => (push(text), push(undefined)) };
}

/** A file from the disk whose bytes arrive when the test says so (a slow disk, a huge file). */
function slowFile(name: string) {
	const { stream, send } = gate();
	const file = { name, size: 100, stream: () => stream } as unknown as File;
	return { file, send };
}

const file = (name: string, text: string | Uint8Array<ArrayBuffer>) => new File([text], name);

/** Answers fetch() from a table of address → response maker; unknown addresses never answer. */
function serve(routes: Record<string, (init?: RequestInit) => Response | Promise<Response>>) {
	const fetch = vi.fn((input: URL | RequestInfo, init?: RequestInit) => {
		const url = String(input);
		const route = routes[url];
		return new Promise<Response>((resolve, reject) => {
			init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
			if (route) Promise.resolve(route(init)).then(resolve, reject);
		});
	});
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

function setup() {
	const shown: PreparedTimeline[] = [];
	const loader = new DataLoader((timeline) => shown.push(timeline));
	return { loader, titles: () => shown.map((t) => t.title) };
}

beforeEach(() => vi.stubGlobal('location', new URL('https://app.test/')));
afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('one load at a time: the latest wins', () => {
	it('a slow download that finishes after a local file is dropped, not shown', async () => {
		const slow = gate();
		serve({ 'https://app.test/slow.json': () => new Response(slow.stream) });
		const { loader, titles } = setup();
		const download = loader.loadUrl('/slow.json');
		const local = await loader.loadFile(file('local.json', good('Local')));
		expect(local).toBe('loaded');
		slow.send(good('Slow'));
		expect(await download).toBe('superseded');
		expect(titles()).toEqual(['Local']);
		expect(loader.busy).toBe(false);
	});

	it('a fast failure keeps its message when an older load finishes later', async () => {
		const { loader, titles } = setup();
		const older = slowFile('big.json');
		const first = loader.loadFile(older.file);
		expect(await loader.loadFile(file('broken.json', BROKEN))).toBe('failed');
		older.send(good('Big'));
		expect(await first).toBe('superseded');
		expect(titles()).toEqual([]);
		expect(loader.failure?.source).toBe('broken.json');
	});

	it('Cancel stops the load and leaves the timeline as it was', async () => {
		const { loader, titles } = setup();
		const slow = slowFile('slow.json');
		const loading = loader.loadFile(slow.file);
		expect(loader.progress?.source).toBe('slow.json');
		loader.cancel();
		expect(await loading).toBe('cancelled');
		slow.send(good('Slow'));
		expect(titles()).toEqual([]);
		expect(loader.failure).toBeUndefined();
		expect(loader.busy).toBe(false);
		expect(loader.announcement).toMatch(/Stopped loading slow\.json/);
	});
});

describe('nothing hangs', () => {
	it('a server that never answers ends in an error after the stall time', async () => {
		vi.useFakeTimers();
		serve({});
		const { loader } = setup();
		const loading = loader.loadUrl('https://data.test/never.json');
		await vi.advanceTimersByTimeAsync(STALL_MS);
		expect(await loading).toBe('failed');
		expect(loader.failure?.summary).toMatch(/did not answer within 20 s/);
		expect(loader.busy).toBe(false);
	});

	it('a download that stops sending ends in an error after the stall time', async () => {
		vi.useFakeTimers();
		const stuck = new ReadableStream<Uint8Array>({
			start: (controller) => controller.enqueue(new TextEncoder().encode('{"events": [')),
			pull: () => new Promise(() => {})
		});
		serve({ 'https://data.test/stuck.json': () => new Response(stuck) });
		const { loader } = setup();
		const loading = loader.loadUrl('https://data.test/stuck.json');
		await vi.advanceTimersByTimeAsync(STALL_MS + 10);
		expect(await loading).toBe('failed');
		expect(loader.failure?.summary).toMatch(/stopped sending the file: nothing arrived for 20 s/);
	});

	const huge = () => {
		let sent = 0;
		return new ReadableStream<Uint8Array>({
			pull(controller) {
				// A megabyte of spaces past the JSON limit, a megabyte at a time, as a server streams.
				if (sent++ <= maxFileBytes('text') / 2 ** 20) {
					controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
				} else controller.close();
			}
		});
	};

	it.each<{ name: string; headers: Record<string, string> }>([
		{ name: 'without a length header', headers: {} },
		{ name: 'gzip-compressed', headers: { 'content-encoding': 'gzip', 'content-length': '1000' } }
	])(
		'a file over the limit $name is refused as too large, not read as empty',
		async ({ headers }) => {
			serve({ 'https://data.test/huge.json': () => new Response(huge(), { headers }) });
			const { loader, titles } = setup();
			expect(await loader.loadUrl('https://data.test/huge.json')).toBe('failed');
			expect(loader.failure?.summary).toBe(
				'The file is larger than 256 MB: Eventline can hold a JSON file of up to 256 MB in ' +
					"this tab's memory; save it as NDJSON (one event per line) or Parquet to open more events"
			);
			expect(titles()).toEqual([]);
		}
	);

	it('a length header over the limit is refused at once, with the real size', async () => {
		serve({
			'https://data.test/big.json': () =>
				new Response('{}', { headers: { 'content-length': String(300 * 1024 * 1024) } })
		});
		const { loader } = setup();
		expect(await loader.loadUrl('https://data.test/big.json')).toBe('failed');
		expect(loader.failure?.summary).toMatch(/^The file is 300 MB: Eventline can hold a JSON file/);
	});
});

describe('reading', () => {
	it('a UTF-16 file loads through an address as it does from the disk', async () => {
		const text = good('Été');
		const bytes = new Uint8Array(2 + text.length * 2);
		bytes.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
		for (let i = 0; i < text.length; i++) bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
		serve({ 'https://app.test/utf16.json': () => new Response(bytes) });
		const { loader, titles } = setup();
		expect(await loader.loadUrl('/utf16.json')).toBe('loaded');
		expect(await loader.loadFile(file('utf16.json', bytes))).toBe('loaded');
		expect(titles()).toEqual(['Été', 'Été']);
	});

	it('a partly valid file loads its valid events at once and reports the rest', async () => {
		const { loader, titles } = setup();
		const csv = 'title,start\nGood,2024-01-01\nBad,2024-02-30\n';
		expect(await loader.loadFile(file('rows.csv', csv))).toBe('loaded');
		expect(titles()).toEqual(['Untitled timeline']);
		expect(loader.report).toMatchObject({ source: 'rows.csv', loaded: 1, total: 2 });
		expect(loader.report?.rejected.map((r) => r.where)).toEqual(['row 3']);
		expect(loader.report?.setAside?.text).toBe('title,start\nBad,2024-02-30\n');
		expect(loader.announcement).toBe('Loaded rows.csv: 1 event, 1 set aside');
	});

	it('progress goes from bytes to checking, and ends', async () => {
		const { loader } = setup();
		const slow = slowFile('slow.json');
		const loading = loader.loadFile(slow.file);
		await Promise.resolve();
		expect(loader.progress).toMatchObject({ phase: 'read', received: 0, total: 100 });
		slow.send(good('Slow'));
		await loading;
		expect(loader.progress).toBeUndefined();
	});
});

describe('a failed download says why in words a reader can act on', () => {
	const typeError = () => Promise.reject(new TypeError('Failed to fetch'));
	it('a redirect loop is not reported as CORS', async () => {
		serve({
			'https://data.test/loop.json': (init) =>
				init?.redirect === 'manual' ? ({ type: 'opaqueredirect' } as Response) : typeError()
		});
		const { loader } = setup();
		expect(await loader.loadUrl('https://data.test/loop.json')).toBe('failed');
		expect(loader.failure?.summary).toBe(
			'The server redirects the address in a loop, or too many times'
		);
	});

	it('a server that answers but does not allow other sites is CORS', async () => {
		serve({
			'https://data.test/private.json': (init) =>
				init?.mode === 'no-cors' ? new Response('') : typeError()
		});
		const { loader } = setup();
		await loader.loadUrl('https://data.test/private.json');
		expect(loader.failure?.summary).toMatch(/does not allow other sites to read the file \(CORS\)/);
	});

	it('a server that does not answer at all', async () => {
		serve({ 'https://data.test/down.json': typeError });
		const { loader } = setup();
		await loader.loadUrl('https://data.test/down.json');
		expect(loader.failure?.summary).toMatch(/^The server did not answer/);
	});
});

describe('ways in: a file whose columns need mapping, a Google Sheet', () => {
	const FETE = 'Jour;Intitulé\n14/07/2024;Défilé\n15/07/2024;Tournoi';

	it('waits for the mapping, keeping the timeline, then loads the same file read with it', async () => {
		const { loader, titles } = setup();
		expect(await loader.loadFile(file('fete.csv', FETE))).toBe('mapping');
		expect(titles()).toEqual([]);
		expect(loader.failure).toBeUndefined();
		expect(loader.mapping?.source).toBe('fete.csv');
		expect(loader.mapping?.request.guess).toEqual({ start: 'Jour', title: 'Intitulé' });
		expect(await loader.applyMapping({ map: { start: 'Jour', title: 'Intitulé' } })).toBe('loaded');
		expect(loader.mapping).toBeUndefined();
		expect(titles()).toHaveLength(1);
	});

	it('fetches a Google Sheet address as its published CSV', async () => {
		const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcde';
		serve({
			[`https://docs.google.com/spreadsheets/d/${id}/pub?output=csv`]: () =>
				new Response('Year,Headline\n2021,Ground broken')
		});
		const { loader, titles } = setup();
		expect(await loader.loadUrl(`https://docs.google.com/spreadsheets/d/${id}/pubhtml`)).toBe(
			'loaded'
		);
		expect(titles()).toHaveLength(1);
	});

	it('says a Google Sheet must be published when its address fails', async () => {
		const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abcde';
		serve({
			[`https://docs.google.com/spreadsheets/d/${id}/pub?output=csv`]: () =>
				new Response('<!doctype html><title>Sign in</title>', { status: 401 })
		});
		const { loader } = setup();
		expect(await loader.loadUrl(id)).toBe('failed');
		expect(loader.failure?.summary).toMatch(/published to the web/);
	});
});
