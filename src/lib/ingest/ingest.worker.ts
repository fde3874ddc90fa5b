/// <reference lib="webworker" />
/**
 * Decodes, parses and validates data files off the main thread, so a large file never freezes the
 * page. The page sends the file's bytes as they arrive (transferred, not copied), then `end`; the
 * worker says when it starts each later phase, then posts the result.
 */
import { TextAssembler } from './decode';
import { failedIngest, ingest, toMessage, type IngestMessage } from './ingest';
import { transferList } from './pack';
import { EVENT_BATCH, type WorkerReply, type WorkerRequest } from './worker-protocol';

const text = new TextAssembler();

self.onmessage = ({ data }: MessageEvent<WorkerRequest>) => {
	if (data.type === 'chunk') {
		text.push(data.bytes);
		return;
	}
	const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
		self.postMessage(reply, transfer);
	let result: IngestMessage;
	try {
		const decoded = text.finish();
		result = toMessage(
			ingest(decoded.text, data.name, {
				notices: decoded.notices,
				options: data.options,
				onPhase: (phase) => post({ type: 'phase', phase })
			})
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
