/**
 * Loads data files from a URL or the reader's disk into a timeline view. Parsing and validation run in
 * a worker; a failed load reports what and where, and leaves the timeline on screen exactly as it was.
 */
import type { RejectedEvent } from '$lib/ingest/outcome';
import type { IngestMessage, IngestResult } from '$lib/ingest/ingest';
import { MAX_FILE_CHARS } from '$lib/ingest/limits';
import { httpUrl } from '$lib/model/links';
import { unpackTimeline } from '$lib/ingest/pack';
import type { PreparedTimeline } from '$lib/model/timeline';
import type { DataIssue } from '$lib/ingest/validate';

/** A load that failed: a one-line summary and the problems found, in file order. */
export interface LoadFailure {
	source: string;
	summary: string;
	issues: DataIssue[];
	/** Events left out, each with why. */
	rejected: RejectedEvent[];
	/** The valid rest, which the reader may load deliberately. */
	validRest?: PreparedTimeline;
}

/** Something that reads the text of a data file: {@link ingest}, on a worker when there is one. */
interface Ingester {
	run(text: string, name: string): Promise<IngestResult>;
	/** Stops the worker, if the file never comes. */
	stop(): void;
}

/**
 * Starts a data worker now, so that loading and compiling its code overlaps the download, or, in a
 * browser without workers, reads on this thread.
 */
function startIngester(): Ingester {
	if (typeof Worker === 'undefined') {
		return {
			// Loaded on demand: the importers and validator are not needed to show the bundled timeline.
			run: async (text, name) => (await import('$lib/ingest/ingest')).ingest(text, name),
			stop: () => {}
		};
	}
	const worker = new Worker(new URL('../ingest/ingest.worker.ts', import.meta.url), {
		type: 'module'
	});
	return {
		async run(text, name) {
			try {
				return await new Promise<IngestResult>((resolve, reject) => {
					worker.onmessage = ({ data: { packed, ...rest } }: MessageEvent<IngestMessage>) =>
						resolve(packed ? { ...rest, timeline: unpackTimeline(packed) } : rest);
					worker.onerror = (event) => reject(new Error(event.message || 'the data worker failed'));
					worker.postMessage({ text, name });
				});
			} finally {
				worker.terminate();
			}
		},
		stop: () => worker.terminate()
	};
}

/** Runs `work` with an ingester started now, and stops it whatever happens. */
async function withIngester<T>(work: (ingester: Ingester) => Promise<T>): Promise<T> {
	const ingester = startIngester();
	try {
		return await work(ingester);
	} finally {
		ingester.stop();
	}
}

/** The state of loading data: what is happening, and what went wrong last. */
export class DataLoader {
	/** What the loader is doing, for a progress line; empty when idle. */
	progress = $state('');
	failure: LoadFailure | undefined = $state.raw();
	#apply: (timeline: PreparedTimeline) => void;

	/** `apply` puts a successfully loaded timeline on screen. */
	constructor(apply: (timeline: PreparedTimeline) => void) {
		this.#apply = apply;
	}

	/** True while a file is being fetched or checked. */
	get busy() {
		return this.progress !== '';
	}

	/** Loads a data file from a URL (same origin, or a server that allows cross-origin requests). */
	async loadUrl(url: string): Promise<boolean> {
		const resolved = httpUrl(url, location.href);
		if (typeof resolved === 'string') return this.#fail(url, resolved, []);
		return withIngester((ingester) => this.#download(resolved, ingester));
	}

	/** Fetches `resolved` and hands its text to `ingester`, or says why it could not. */
	async #download(resolved: URL, ingester: Ingester): Promise<boolean> {
		this.progress = `Downloading ${resolved.href}…`;
		let response: Response;
		try {
			response = await fetch(resolved, { credentials: 'omit' });
		} catch {
			return this.#fail(
				resolved.href,
				`Could not reach ${resolved.href}: the server did not answer, or it does not allow other sites to read the file (CORS)`,
				[]
			);
		}
		if (!response.ok) {
			return this.#fail(
				resolved.href,
				`Could not load ${resolved.href}: the server answered ${response.status} ${response.statusText}`.trim(),
				[]
			);
		}
		const length = Number(response.headers.get('content-length') ?? 0);
		if (length > MAX_FILE_CHARS * 2) {
			return this.#fail(
				resolved.href,
				`The file is ${Math.round(length / 1024 / 1024)} MB; Eventline reads files up to ${MAX_FILE_CHARS / 1024 / 1024} MB`,
				[]
			);
		}
		return this.loadText(await response.text(), resolved.href, ingester);
	}

	/** Loads a file the reader picked or dropped. */
	async loadFile(file: File): Promise<boolean> {
		if (file.size > MAX_FILE_CHARS * 2) {
			return this.#fail(
				file.name,
				`${file.name} is ${Math.round(file.size / 1024 / 1024)} MB; Eventline reads files up to ${MAX_FILE_CHARS / 1024 / 1024} MB`,
				[]
			);
		}
		this.progress = `Reading ${file.name}…`;
		return withIngester(async (ingester) => this.loadText(await file.text(), file.name, ingester));
	}

	/** Checks and loads the text of a data file named `source`. */
	async loadText(text: string, source: string, ingester = startIngester()): Promise<boolean> {
		this.progress = `Checking ${source} (${(text.length / 1024).toFixed(0)} KB)…`;
		const result = await ingester.run(text, source.split(/[?#]/)[0] ?? source);
		const { fatal, rejected, timeline, total } = result;
		if (fatal.length) {
			const only = fatal.length === 1 && !fatal[0]?.path ? fatal[0] : undefined;
			const summary = only
				? `${source}: ${only.message}`
				: `${source} has ${fatal.length} problem${fatal.length === 1 ? '' : 's'}; nothing was loaded`;
			return this.#fail(source, summary, only ? [] : fatal);
		}
		if (rejected.length) {
			// Never drop rows silently: say which were rejected and let the reader load the rest.
			const kept = timeline?.events.length ?? 0;
			const summary = kept
				? `${rejected.length} of ${total} events in ${source} have problems; nothing was loaded yet`
				: `None of the ${total} events in ${source} could be read`;
			return this.#fail(source, summary, [], rejected, timeline);
		}
		if (!timeline) return this.#fail(source, `${source} has no events`, []);
		this.failure = undefined;
		this.progress = '';
		this.#apply(timeline);
		return true;
	}

	/** Loads the valid events of a file that had some rejected ones, at the reader's request. */
	loadValidRest(): boolean {
		const rest = this.failure?.validRest;
		if (!rest) return false;
		this.failure = undefined;
		this.#apply(rest);
		return true;
	}

	/** Forgets the last failure (the reader closed the message). */
	dismiss() {
		this.failure = undefined;
	}

	#fail(
		source: string,
		summary: string,
		issues: DataIssue[],
		rejected: RejectedEvent[] = [],
		validRest?: PreparedTimeline
	): false {
		this.progress = '';
		this.failure = { source, summary, issues, rejected, validRest };
		return false;
	}
}
