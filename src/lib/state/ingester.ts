/**
 * The data worker's lifetime, for one load: started when the load starts (its code loads and
 * compiles while the file arrives), given the file's bytes as they come, and stopped whatever happens.
 * In a browser without workers, the same steps run on this thread.
 */
import type { IngestPhase, IngestResult } from '$lib/ingest/ingest';
import { timelineAssembler, type TimelineAssembler } from '$lib/ingest/pack';
import { assembleTimeline, type DatasetHeader } from '$lib/model/timeline-times';
import type { HelperEvents, WorkerReply, WorkerRequest } from '$lib/ingest/worker-protocol';
import type { ImportOptions } from '$lib/ingest/column-map';
import { endLoadPhase, noteLoad } from './load-timing';

/** Reads one file: its bytes as they arrive, then its result. */
export interface Ingester {
	/** Hands on the next bytes of the file; they may be transferred, so the caller must not reuse them. */
	push(bytes: Uint8Array): void;
	/**
	 * The file is complete: finish parsing, check and index it. `onPhase` hears each later phase;
	 * rejects with the signal's reason if it aborts first.
	 */
	finish(onPhase: (phase: IngestPhase) => void, signal: AbortSignal): Promise<IngestResult>;
	/** Stops the worker, if any. */
	stop(): void;
}

/** Bytes the worker can take without a copy: a whole, ordinary ArrayBuffer. */
function transferable(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	const { buffer } = bytes;
	return buffer instanceof ArrayBuffer &&
		bytes.byteOffset === 0 &&
		bytes.byteLength === buffer.byteLength
		? new Uint8Array(buffer)
		: bytes.slice();
}

/** An ingester on this thread, for browsers without workers (and unit tests). */
async function localIngester(name: string, options?: ImportOptions): Promise<Ingester> {
	// Loaded on demand: the decoder, importers and validator are not needed for the bundled timeline.
	const [{ startImport }, { ingestOutcome }] = await Promise.all([
		import('$lib/ingest/stream-import'),
		import('$lib/ingest/ingest')
	]);
	const reader = startImport(name, options);
	return {
		push: (bytes) => reader.push(bytes),
		async finish(onPhase, signal) {
			signal.throwIfAborted();
			onPhase('parse');
			const { outcome, notices } = await reader.finish();
			signal.throwIfAborted();
			return ingestOutcome(outcome, name, { notices, onPhase });
		},
		stop: () => {}
	};
}

/**
 * A large Parquet file is shared between two data workers only on a machine with this many logical
 * cores: on two, the page and one worker already keep both busy, and sharing measured slower (docs/decisions.md, 35).
 */
const SHARE_FROM_CORES = 4;

function workerIngester(name: string, options?: ImportOptions): Ingester {
	const worker = new Worker(new URL('../ingest/ingest.worker.ts', import.meta.url), {
		type: 'module'
	});
	const send = (request: WorkerRequest, transfer: Transferable[] = []) =>
		worker.postMessage(request, transfer);
	send({
		type: 'start',
		name,
		...(options ? { options } : {}),
		share: (navigator.hardwareConcurrency ?? 1) >= SHARE_FROM_CORES
	});
	// Batches of events come while the file still arrives: each is rebuilt and resolved at once.
	let assembler: TimelineAssembler | undefined;
	let onReply: ((reply: WorkerReply & { type: 'phase' | 'result' }) => void) | undefined;
	// A helper's events come through a port of their own, until it says it is done.
	let helper: { port: MessagePort; done: Promise<void> } | undefined;
	const take = (data: HelperEvents | WorkerReply, source: number) => {
		if (data.type === 'begin') assembler ??= timelineAssembler(data.zone);
		else if (data.type === 'events') assembler?.add(data.batch, source);
	};
	worker.onmessage = ({ data }: MessageEvent<WorkerReply>) => {
		if (data.type === 'begin' || data.type === 'events') take(data, 0);
		else if (data.type === 'helper') {
			helper = helperEvents(data.port, take);
			noteLoad('shared');
		} else if (data.type === 'restart') {
			noteLoad('read-again');
			assembler = undefined;
			helper?.port.close();
			helper = undefined;
		} else onReply?.(data);
	};
	return {
		push(bytes) {
			const own = transferable(bytes);
			send({ type: 'chunk', bytes: own }, [own.buffer]);
		},
		finish: (onPhase, signal) =>
			new Promise<IngestResult>((resolve, reject) => {
				signal.throwIfAborted();
				signal.addEventListener('abort', () => reject(signal.reason), { once: true });
				onReply = async (reply) => {
					if (reply.type === 'phase') return onPhase(reply.phase);
					// The helper's last events may still be on their way.
					await helper?.done;
					if (signal.aborted) return;
					// Nothing more is needed of the worker: stopped now, its heap (a whole file's
					// garbage) is not collected alongside the page's last steps.
					worker.terminate();
					const { header, count, ...result } = reply.result;
					if (!header) {
						endLoadPhase('parse');
						resolve(result);
					} else if (!assembler || assembler.count !== count) {
						const got = assembler?.count ?? 0;
						reject(new Error(`${count} events were read but ${got} reached the page`));
					} else {
						// The result: the page orders and indexes the events.
						onPhase('index');
						timelineOf(assembler, header, signal).then(
							(timeline) => resolve({ ...result, timeline }),
							reject
						);
					}
				};
				worker.onerror = (event) => reject(new Error(event.message || 'the data worker failed'));
				send({ type: 'end' });
			}),
		stop: () => worker.terminate()
	};
}

/** Takes a helper's events from `port` as `take` takes the data worker's, until its `done`. */
function helperEvents(
	port: MessagePort,
	take: (data: HelperEvents, source: number) => void
): { port: MessagePort; done: Promise<void> } {
	const done = new Promise<void>((resolve) => {
		port.onmessage = ({ data }: MessageEvent<HelperEvents>) => {
			if (data.type === 'done') resolve();
			else take(data, 1);
		};
	});
	return { port, done };
}

/** A task's end: the page can paint and answer input before the next step of a load. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

/**
 * Every batch is in, its events resolved and prepared as it came: the events in time order and
 * indexed, then drawn in a task of its own.
 */
async function timelineOf(
	assembler: TimelineAssembler,
	header: DatasetHeader,
	signal: AbortSignal
) {
	await nextTask();
	signal.throwIfAborted();
	const times = assembler.index(header);
	endLoadPhase('index');
	await nextTask();
	signal.throwIfAborted();
	const timeline = assembleTimeline(times);
	endLoadPhase('transfer');
	await nextTask();
	return timeline;
}

/**
 * Starts reading a file called `name` (its path or address: its extension says how to read it):
 * on a worker when there is one.
 */
export function startIngester(name: string, options?: ImportOptions): Ingester {
	if (typeof Worker !== 'undefined') return workerIngester(name, options);
	// Chunks that arrive before the modules have loaded wait for them, in order.
	const ready = localIngester(name, options);
	let queue = Promise.resolve();
	return {
		push(bytes) {
			queue = queue.then(async () => (await ready).push(bytes));
		},
		async finish(onPhase, signal) {
			await queue;
			return (await ready).finish(onPhase, signal);
		},
		stop: () => {}
	};
}
