import { afterEach, describe, expect, it, vi } from 'vitest';
import { readStream, TooLarge, Watchdog } from './read-stream';

/** A stream of `count` chunks of `size` bytes, made as they are read, that says when it is cancelled. */
function chunks(count: number, size: number) {
	let sent = 0;
	const state = { cancelled: false };
	const stream = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent++ < count) controller.enqueue(new Uint8Array(size));
			else controller.close();
		},
		cancel: () => void (state.cancelled = true)
	});
	return { stream, state };
}

describe('readStream', () => {
	afterEach(() => vi.useRealTimers());

	it('hands on every chunk and counts the bytes', async () => {
		const seen: number[] = [];
		const { stream } = chunks(3, 10);
		const total = await readStream(stream, {
			signal: new AbortController().signal,
			limit: 100,
			onChunk: (_bytes, received) => seen.push(received)
		});
		expect(total).toBe(30);
		expect(seen).toEqual([10, 20, 30]);
	});

	it('stops at the limit, whatever a header said, and stops the download', async () => {
		const { stream, state } = chunks(1000, 10);
		const reading = readStream(stream, {
			signal: new AbortController().signal,
			limit: 55,
			onChunk: () => {}
		});
		await expect(reading).rejects.toEqual(new TooLarge(60));
		expect(state.cancelled).toBe(true);
	});

	it('ends with the abort reason when the load is aborted, even mid-read', async () => {
		const controller = new AbortController();
		const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
		const reading = readStream(never, { signal: controller.signal, limit: 10, onChunk: () => {} });
		const reason = new Error('superseded');
		controller.abort(reason);
		await expect(reading).rejects.toBe(reason);
	});

	it('a watchdog fires only after a quiet spell', () => {
		vi.useFakeTimers();
		const quiet = vi.fn();
		const dog = new Watchdog(1000, quiet);
		vi.advanceTimersByTime(900);
		dog.kick();
		vi.advanceTimersByTime(900);
		expect(quiet).not.toHaveBeenCalled();
		vi.advanceTimersByTime(100);
		expect(quiet).toHaveBeenCalledOnce();
		dog.stop();
	});
});
