/**
 * Reading a download or a file as a stream of bytes: counted as they arrive, stopped at a size limit
 * (on the bytes as they are, after any gzip is undone, whatever a length header said), given up when
 * nothing arrives for too long, and cancelled with the load's AbortSignal.
 */

/** The stream went past its size limit; `received` is how far it got. */
export class TooLarge extends Error {
	constructor(readonly received: number) {
		super(`more than ${received} bytes`);
		this.name = 'TooLarge';
	}
}

/**
 * Longest stretch (ms) of reading before the page gets a turn: chunks already queued (a fast local
 * server, a file from the disk) resolve one read after another without ever leaving the task.
 */
const SLICE_MS = 30;

/** Lets the page handle input and paint before reading on. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What {@link readStream} does with each chunk, and where it stops. */
export interface ReadOptions {
	signal: AbortSignal;
	/** Most bytes accepted: one more throws {@link TooLarge}. */
	limit: number;
	/** Called with every chunk and the bytes received so far, this chunk included. */
	onChunk: (bytes: Uint8Array, received: number) => void;
}

/**
 * Reads `stream` to its end, handing each chunk on; resolves with the number of bytes. Rejects with
 * the signal's reason once it aborts, and with {@link TooLarge} past the limit; the stream is
 * cancelled either way, so a download stops downloading.
 */
export async function readStream(
	stream: ReadableStream<Uint8Array>,
	{ signal, limit, onChunk }: ReadOptions
): Promise<number> {
	const reader = stream.getReader();
	// A file's stream does not listen to the signal; cancelling ends a pending read.
	const cancel = () => void reader.cancel(signal.reason).catch(() => {});
	signal.addEventListener('abort', cancel, { once: true });
	let received = 0;
	let slice = performance.now();
	try {
		for (;;) {
			if (performance.now() - slice > SLICE_MS) {
				await yieldToPage();
				slice = performance.now();
			}
			signal.throwIfAborted();
			const { done, value } = await reader.read();
			signal.throwIfAborted();
			if (done) return received;
			received += value.byteLength;
			if (received > limit) throw new TooLarge(received);
			onChunk(value, received);
		}
	} catch (error) {
		cancel();
		throw error;
	} finally {
		signal.removeEventListener('abort', cancel);
	}
}

/** A timer that fires `onQuiet` once nothing has kicked it for `ms`. */
export class Watchdog {
	#timer: ReturnType<typeof setTimeout> | undefined;
	#ms: number;
	#onQuiet: () => void;

	constructor(ms: number, onQuiet: () => void) {
		this.#ms = ms;
		this.#onQuiet = onQuiet;
		this.kick();
	}

	/** Something happened: the quiet time starts again. */
	kick() {
		clearTimeout(this.#timer);
		this.#timer = setTimeout(this.#onQuiet, this.#ms);
	}

	/** No more waiting. */
	stop() {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}
