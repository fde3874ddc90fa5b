/// <reference lib="webworker" />
/** Parses and validates data files off the main thread, so a large file never freezes the page. */
import { ingest, toMessage, type IngestMessage } from './ingest';
import { transferList } from './pack';

self.onmessage = (message: MessageEvent<{ text: string; name: string }>) => {
	const { text, name } = message.data;
	let reply: IngestMessage;
	try {
		reply = toMessage(ingest(text, name));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		reply = {
			format: undefined,
			fatal: [{ path: '', message: `Could not read the file: ${detail}` }],
			rejected: [],
			total: 0
		};
	}
	self.postMessage(reply, reply.packed ? transferList(reply.packed) : []);
};
