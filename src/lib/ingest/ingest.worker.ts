/// <reference lib="webworker" />
/**
 * Decodes, parses and validates data files off the main thread, so a large file never freezes the
 * page. The page sends the file's name, then its bytes as they arrive (transferred, not copied),
 * then `end`. The events go to the page in packed batches as they are accepted (NDJSON while the
 * file is still read, Parquet as its records are checked; other formats once read), so the page
 * resolves their times while this worker reads on; then the result, with what the page needs to order and index them.
 */
import { failedIngest, ingestMessage, type IngestMessage } from './ingest';
import { batchTransferList, EventSender } from './pack';
import type { ImportOptions } from './column-map';
import { startImport, type StreamImport } from './stream-import';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

let name = 'data';
let options: ImportOptions | undefined;
let reader: StreamImport | undefined;

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
	self.postMessage(reply, transfer);

const sender = new EventSender(
	(batch) => post({ type: 'events', batch }, batchTransferList(batch)),
	(zone) => post({ type: 'begin', zone })
);

self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
	if (data.type === 'start') {
		({ name, options } = data);
		return;
	}
	reader ??= startImport(name, options, { onEvents: (events) => sender.add(events) });
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
		message = ingestMessage(outcome, name, { notices, sent: sender.sent });
	} catch (error) {
		message = failure(error);
	}
	post({ type: 'result', result: message });
};

function failure(error: unknown): IngestMessage {
	const detail = error instanceof Error ? error.message : String(error);
	return failedIngest(`Could not read the file: ${detail}`);
}
