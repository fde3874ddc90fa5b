/// <reference lib="webworker" />
/** Parses and validates data files off the main thread, so a large file never freezes the page. */
import { ingest } from './ingest';

self.onmessage = (message: MessageEvent<{ id: number; text: string }>) => {
	const { id, text } = message.data;
	try {
		self.postMessage({ id, result: ingest(text) });
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		self.postMessage({
			id,
			result: { ok: false, issues: [{ path: '', message: `Could not read the file: ${detail}` }] }
		});
	}
};
