/// <reference lib="webworker" />
/** Parses and validates data files off the main thread, so a large file never freezes the page. */
import { ingest } from './ingest';

self.onmessage = (message: MessageEvent<{ text: string; name: string }>) => {
	const { text, name } = message.data;
	try {
		self.postMessage(ingest(text, name));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		self.postMessage({
			format: undefined,
			fatal: [{ path: '', message: `Could not read the file: ${detail}` }],
			rejected: [],
			total: 0
		});
	}
};
