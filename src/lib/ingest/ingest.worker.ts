/// <reference lib="webworker" />
/**
 * Decodes, parses and validates data files off the main thread, so a large file never freezes the
 * page. The page sends the file's name, then its bytes as they arrive (transferred, not copied),
 * then `end`. The events go to the page in packed batches as they are accepted (NDJSON while the
 * file is still read, Parquet as its records are checked; other formats once read), so the page
 * resolves their times while this worker reads on; then the result, with what the page needs to order and index them.
 *
 * A large Parquet file is shared with a helper: a second worker on this same script, which reads the
 * later records and sends its events to the page through a port of its own (worker-protocol.ts).
 */
import { failedIngest, ingestMessage, type IngestMessage } from './ingest';
import { batchTransferList, EventSender, type EventBatch } from './pack';
import type { ImportOptions } from './column-map';
import type { ParquetHelper, ShareOutcome } from './parquet';
import { startImport, type StreamImport } from './stream-import';
import type {
	HelperEvents,
	HelperReply,
	HelperRequest,
	WorkerReply,
	WorkerRequest
} from './worker-protocol';

let name = 'data';
let options: ImportOptions | undefined;
/** Whether this load may start a helper (the page says so when the machine has cores to spare). */
let share = false;
let reader: StreamImport | undefined;

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
	self.postMessage(reply, transfer);

/**
 * Packs accepted events for `send`, which posts them to the page (by this worker or a port). When
 * `resolve`, their times are resolved here too: a file shared by two workers has the page keep up
 * with both.
 */
const senderTo = (
	send: (events: Exclude<HelperEvents, { type: 'done' }>, transfer?: Transferable[]) => void,
	resolve = false
) =>
	new EventSender(
		(batch: EventBatch) => send({ type: 'events', batch }, batchTransferList(batch)),
		(zone) => send({ type: 'begin', zone }),
		{ resolve }
	);

let sender = senderTo(post);
/** The helper of this load, when it has one, and the events it has sent. */
let helper: WorkerHelper | undefined;

/** A second data worker, started when the file turns out to be Parquet, in case it is large. */
class WorkerHelper implements ParquetHelper {
	#worker: Worker | undefined = new Worker(self.location.href, { type: 'module' });
	sent = 0;

	constructor() {
		this.#send({ type: 'prepare' });
	}

	#send(request: HelperRequest, transfer: Transferable[] = []) {
		this.#worker?.postMessage(request, transfer);
	}

	read(bytes: ArrayBuffer, from: number, to: number) {
		const worker = this.#worker;
		if (!worker) {
			const stopped = Promise.reject(new Error('the helper has stopped'));
			return { started: stopped, outcome: stopped };
		}
		const channel = new MessageChannel();
		post({ type: 'helper', port: channel.port1 }, [channel.port1]);
		// Nothing is sent before the records are read, so this worker's events can still be resolved here.
		sender = senderTo(post, true);
		let begin = () => {};
		const started = new Promise<void>((resolve) => (begin = resolve));
		const outcome = new Promise<ShareOutcome>((resolve, reject) => {
			worker.onmessage = ({ data }: MessageEvent<HelperReply>) => {
				if (data.type === 'started') return begin();
				if (data.type === 'failed') return reject(new Error(data.message));
				this.sent = data.sent;
				resolve(data);
			};
			worker.onerror = (event) => {
				event.preventDefault();
				reject(new Error(event.message || 'the helper failed'));
			};
			this.#send({ type: 'share', bytes, from, to, port: channel.port2 }, [bytes, channel.port2]);
		});
		return { started, outcome };
	}

	discard(): void {
		this.release();
		this.sent = 0;
		sender = senderTo(post);
		post({ type: 'restart' });
	}

	release(): void {
		this.#worker?.terminate();
		this.#worker = undefined;
	}
}

/** Starts this load's helper (where a worker can start another). */
function parquetHelper(): ParquetHelper {
	helper = new WorkerHelper();
	return helper;
}

self.onmessage = async ({ data }: MessageEvent<WorkerRequest | HelperRequest>) => {
	if (data.type === 'start') {
		({ name, options } = data);
		share = data.share === true && typeof Worker !== 'undefined';
		return;
	}
	if (data.type === 'prepare') {
		void import('./parquet');
		return;
	}
	if (data.type === 'share') return readShare(data);
	reader ??= startImport(name, options, {
		onEvents: (events) => sender.add(events),
		...(share ? { parquetHelper } : {})
	});
	if (data.type === 'chunk') {
		reader.push(data.bytes);
		return;
	}
	let message: IngestMessage;
	try {
		post({ type: 'phase', phase: 'parse' });
		const { outcome, notices } = await reader.finish();
		// A file read whole holds its events; those read as they arrived were sent already.
		if (outcome.dataset?.timeZone) sender.zone = outcome.dataset.timeZone;
		sender.add(outcome.dataset?.events ?? []);
		sender.flush();
		const sent = sender.sent + (helper?.sent ?? 0);
		message = ingestMessage(outcome, name, { notices, sent });
	} catch (error) {
		message = failure(error);
	}
	post({ type: 'result', result: message });
};

/** As a helper: reads the records asked for, sending the events through the port. */
async function readShare({ bytes, from, to, port }: Extract<HelperRequest, { type: 'share' }>) {
	const reply = (message: HelperReply) => self.postMessage(message);
	try {
		const { importParquetRecords } = await import('./parquet');
		reply({ type: 'started' });
		const events = senderTo((message, transfer = []) => port.postMessage(message, transfer), true);
		const outcome = await importParquetRecords(bytes, from, to, (accepted) => events.add(accepted));
		events.flush();
		port.postMessage({ type: 'done', count: events.sent } satisfies HelperEvents);
		reply({ type: 'shared', outcome, sent: events.sent });
	} catch (error) {
		reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
}

function failure(error: unknown): IngestMessage {
	const detail = error instanceof Error ? error.message : String(error);
	return failedIngest(`Could not read the file: ${detail}`);
}
