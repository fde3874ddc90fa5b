/// <reference lib="webworker" />
/**
 * Decodes, parses and validates data files off the main thread, so a large file never freezes the
 * page. The page sends the file's name, then its bytes as they arrive (transferred, not copied),
 * then `end`; NDJSON and CSV are parsed as they arrive. The worker says when it starts each later
 * phase, then posts the result.
 */
import { failedIngest, ingestOutcome, toMessage, type IngestMessage } from './ingest';
import { transferList } from './pack';
import type { ImportOptions } from './column-map';
import { startImport, type StreamImport } from './stream-import';
import { EVENT_BATCH, type WorkerReply, type WorkerRequest } from './worker-protocol';

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
	let result: IngestMessage;
	try {
		post({ type: 'phase', phase: 'parse' });
		const { outcome, notices } = await reader.finish();
		result = toMessage(
			ingestOutcome(outcome, name, { notices, onPhase: (phase) => post({ type: 'phase', phase }) })
		);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		result = toMessage(failedIngest(`Could not read the file: ${detail}`));
	}
	const { packed, ...rest } = result;
	if (!packed) return post({ type: 'result', result: rest });
	const { events, ...frame } = packed;
	post(
		{ type: 'result', result: { ...rest, packed: { ...frame, events: [] } } },
		transferList(packed)
	);
	for (let at = 0; at < events.length; at += EVENT_BATCH) {
		post({ type: 'events', events: events.slice(at, at + EVENT_BATCH) });
	}
};
