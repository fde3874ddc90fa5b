/// <reference lib="webworker" />
/**
 * Decodes, parses and validates data files off the main thread, so a large file never freezes the
 * page. The page sends the file's name, then its bytes as they arrive (transferred, not copied),
 * then `end`; NDJSON and CSV are parsed as they arrive. The worker says when it starts each later
 * phase, then posts the result.
 */
import { failedIngest, ingestMessage, type IngestMessage } from './ingest';
import { batchTransferList, transferList, type EventBatch } from './pack';
import type { ImportOptions } from './column-map';
import { startImport, type StreamImport } from './stream-import';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

let name = 'data';
let options: ImportOptions | undefined;
let reader: StreamImport | undefined;

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
	self.postMessage(reply, transfer);

self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
	if (data.type === 'start') {
		({ name, options } = data);
		return;
	}
	reader ??= startImport(name, options);
	if (data.type === 'chunk') {
		reader.push(data.bytes);
		return;
	}
	let message: IngestMessage;
	let batches: Iterable<EventBatch> = [];
	try {
		post({ type: 'phase', phase: 'parse' });
		const { outcome, notices } = await reader.finish();
		({ message, batches } = ingestMessage(outcome, name, {
			notices,
			onPhase: (phase) => post({ type: 'phase', phase })
		}));
	} catch (error) {
		message = failure(error);
	}
	post({ type: 'result', result: message }, message.packed ? transferList(message.packed) : []);
	// Each batch is packed while the page rebuilds the one before.
	try {
		for (const batch of batches) post({ type: 'events', batch }, batchTransferList(batch));
	} catch (error) {
		// A second result, without a timeline, replaces the first on the page.
		post({ type: 'result', result: failure(error) });
	}
};

function failure(error: unknown): IngestMessage {
	const detail = error instanceof Error ? error.message : String(error);
	return failedIngest(`Could not read the file: ${detail}`);
}
