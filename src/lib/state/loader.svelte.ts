/**
 * Loads data files from a URL or the reader's disk into a timeline view, one load at a time: a new
 * load (an address, Open data, a drop) aborts the one before, and a result that is no longer the
 * latest is dropped, so the last load started is the one on screen. Bytes are counted as they
 * stream in and handed to the data worker, which decodes, parses, checks and indexes them. A load
 * that fails, stalls or is cancelled leaves the timeline on screen exactly as it was.
 */
import type { IngestPhase, IngestResult } from '$lib/ingest/ingest';
import { maxFileBytes, readKindOfName, tooLargeMessage } from '$lib/ingest/limits';
import type { RejectedEvent } from '$lib/ingest/outcome';
import type { SetAsideFile } from '$lib/ingest/set-aside';
import type { DataIssue } from '$lib/ingest/validate';
import type { ImportOptions, MappingRequest } from '$lib/ingest/column-map';
import { googleSheetCsvUrl } from '$lib/ingest/google-sheets';
import { httpUrl } from '$lib/model/links';
import type { PreparedTimeline } from '$lib/model/timeline';
import type { Ingester } from './ingester';
import { endLoadPhase, startLoadTiming } from './load-timing';
import { readStream, TooLarge, Watchdog } from './read-stream';

/** How long a download may go without a byte before it counts as stalled. */
export const STALL_MS = 20_000;

/** A load that failed: which file, a one-line summary, and the problems found, in file order. */
export interface LoadFailure {
	source: string;
	summary: string;
	issues: DataIssue[];
	/** Events that could not be read, each with why (when none could). */
	rejected: RejectedEvent[];
}

/** What a successful load set aside or changed; absent when it loaded every event as it was. */
export interface LoadReport {
	source: string;
	/** Events loaded, and events in the file. */
	loaded: number;
	total: number;
	/** Events set aside, each with why. */
	rejected: RejectedEvent[];
	/** What was changed to load the file (text cut to its limit, characters that could not be read). */
	notices: DataIssue[];
	/** The set-aside events in the file's own format. */
	setAside?: SetAsideFile;
}

/** A file whose columns the reader is asked to map before it can load. */
export interface PendingMapping {
	source: string;
	request: MappingRequest;
	/** Loads the file again, read with `options`. */
	reopen: (options: ImportOptions) => Promise<LoadOutcome>;
}

/** Where a load is: receiving bytes (from a server or the disk), then parsing, then indexing. */
export type LoadPhase = 'download' | 'read' | IngestPhase;

/** How far the current load has got, for a progress bar. */
export interface LoadProgress {
	source: string;
	phase: LoadPhase;
	received: number;
	/** Bytes expected, when known or estimated. */
	total?: number;
	/** True when `total` is a guess (a compressed download's length header counts compressed bytes). */
	estimated: boolean;
}

/**
 * How a load ended: on screen, failed, cancelled by the reader, overtaken by a newer load, or waiting
 * for the reader to map its columns.
 */
export type LoadOutcome = 'loaded' | 'failed' | 'cancelled' | 'superseded' | 'mapping';

/** Where the loaded timeline came from: an address (`?src=`), or a file from the disk. */
export interface LoadOrigin {
	url?: string;
}

/** Why a load was aborted. */
class Superseded extends Error {}
class Cancelled extends Error {}
class Stalled extends Error {}
/** A load that went wrong in a way the reader should be told, in these words. */
class LoadProblem extends Error {}

/** One load: its number, what it reads, and how to stop it. */
interface Job {
	id: number;
	source: string;
	controller: AbortController;
	/** Said after any failure of this load (a Google Sheet that may not be published). */
	hint?: string;
}

/** The bytes a load reads, and how many it expects. */
interface Opened {
	stream: ReadableStream<Uint8Array>;
	total?: number;
	/** A guess at the total, when the length header counts compressed bytes. */
	estimate?: number;
}

/** Progress is redrawn at most this often: chunks arrive far more often than anyone can read. */
const PROGRESS_MS = 100;
/** A compressed JSON or CSV file is usually about a fifth of its size. */
const COMPRESSION_GUESS = 5;

const plural = (n: number, word: string) =>
	`${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The state of loading data: what is happening, and what the last load came to. */
export class DataLoader {
	/** How far the current load has got; undefined when idle. */
	progress: LoadProgress | undefined = $state.raw();
	/** Why the last load failed, while nothing newer has started. */
	failure: LoadFailure | undefined = $state.raw();
	/** What the load of the timeline on screen set aside or changed. */
	report: LoadReport | undefined = $state.raw();
	/** A file waiting for the reader to say which column holds what. */
	mapping: PendingMapping | undefined = $state.raw();
	/** One sentence for screen readers: a load started, ended or was cancelled (failures are alerts). */
	announcement = $state('');
	#apply: (timeline: PreparedTimeline, origin: LoadOrigin) => void;
	#job: Job | undefined;
	#jobs = 0;
	#shownAt = 0;

	/** `apply` puts a successfully loaded timeline on screen. */
	constructor(apply: (timeline: PreparedTimeline, origin: LoadOrigin) => void) {
		this.#apply = apply;
	}

	/** True while a file is being read or checked. */
	get busy() {
		return this.progress !== undefined;
	}

	/**
	 * Loads a data file from a URL (same origin, or a server that allows cross-origin requests), or
	 * the published CSV of the Google Sheet that `url` names in any form TimelineJS accepts.
	 */
	loadUrl(url: string, options?: ImportOptions): Promise<LoadOutcome> {
		const sheet = googleSheetCsvUrl(url);
		const resolved = httpUrl(sheet ?? url, location.href);
		const job = this.#begin(typeof resolved === 'string' || sheet ? url : resolved.href);
		if (sheet) {
			job.hint =
				'A Google Sheet can be read only once it is published to the web (in Google Sheets: File → Share → Publish to web)';
		}
		if (typeof resolved === 'string') return Promise.resolve(this.#fail(job, resolved));
		const reopen = (next: ImportOptions) => this.loadUrl(url, next);
		return this.#run(
			job,
			'download',
			{ url },
			(signal) => download(resolved, signal),
			options,
			reopen
		);
	}

	/** Loads a file the reader picked or dropped. */
	loadFile(file: File, options?: ImportOptions): Promise<LoadOutcome> {
		const job = this.#begin(file.name);
		const kind = readKindOfName(file.name);
		if (file.size > maxFileBytes(kind)) {
			return Promise.resolve(this.#fail(job, tooLargeMessage(file.size, kind)));
		}
		const reopen = (next: ImportOptions) => this.loadFile(file, next);
		return this.#run(
			job,
			'read',
			{},
			async () => ({ stream: file.stream(), total: file.size }),
			options,
			reopen
		);
	}

	/** Loads the file waiting for a mapping again, read with the reader's mapping. */
	applyMapping(options: ImportOptions): Promise<LoadOutcome> {
		const pending = this.mapping;
		if (!pending) return Promise.resolve('cancelled');
		return pending.reopen(options);
	}

	/** Gives up on the file waiting for a mapping; the timeline on screen stays. */
	dismissMapping() {
		this.mapping = undefined;
	}

	/** Stops the current load; the timeline on screen stays as it is. */
	cancel() {
		this.#job?.controller.abort(new Cancelled());
	}

	/** Forgets the last failure (the reader closed the message). */
	dismiss() {
		this.failure = undefined;
	}

	/** Forgets the report on the timeline on screen (the reader closed it). */
	dismissReport() {
		this.report = undefined;
	}

	/** Starts a load, aborting the one before. */
	#begin(source: string): Job {
		this.#job?.controller.abort(new Superseded());
		const job = { id: ++this.#jobs, source, controller: new AbortController() };
		this.#job = job;
		this.failure = undefined;
		this.mapping = undefined;
		this.progress = { source, phase: 'download', received: 0, estimated: false };
		this.announcement = `Loading ${source}…`;
		return job;
	}

	#current(job: Job) {
		return this.#job === job;
	}

	async #run(
		job: Job,
		phase: 'download' | 'read',
		origin: LoadOrigin,
		open: (signal: AbortSignal) => Promise<Opened>,
		options: ImportOptions | undefined,
		reopen: (options: ImportOptions) => Promise<LoadOutcome>
	): Promise<LoadOutcome> {
		const { signal } = job.controller;
		const name = job.source.split(/[?#]/)[0] ?? job.source;
		const kind = readKindOfName(name);
		// The reading machinery (worker, unpacking) loads with the first load, not with the page; the
		// worker starts while the download does, and chunks reach it in order once it is there.
		const ingester: Promise<Ingester> = import('./ingester').then((module) =>
			module.startIngester(name, options)
		);
		let received = 0;
		const stall = new Watchdog(STALL_MS, () => {
			const seconds = STALL_MS / 1000;
			const what = received
				? `stopped sending the file: nothing arrived for ${seconds} s`
				: `did not answer within ${seconds} s`;
			job.controller.abort(new Stalled(`The server ${what}. Try again later`));
		});
		this.progress = { source: job.source, phase, received: 0, estimated: false };
		startLoadTiming();
		try {
			const opened = await open(signal);
			stall.kick();
			let { total } = opened;
			const estimated = total === undefined && opened.estimate !== undefined;
			total ??= opened.estimate;
			this.#showProgress(job, { phase, received: 0, total, estimated }, true);
			await readStream(opened.stream, {
				signal,
				limit: maxFileBytes(kind),
				onChunk: (bytes, sofar) => {
					received = sofar;
					stall.kick();
					void ingester.then(
						(reader) => reader.push(bytes),
						() => {}
					);
					// A compressed file can outgrow its estimate, and a lying length header its total.
					if (total !== undefined && received > total) total = Math.round(received * 1.25);
					this.#showProgress(job, { phase, received, total, estimated });
				}
			});
			stall.stop();
			endLoadPhase(phase);
			this.#showProgress(job, { phase: 'parse', received: 0, estimated: false }, true);
			const result = await (
				await ingester
			).finish((next) => {
				if (next === 'index') endLoadPhase('parse');
				this.#showProgress(job, { phase: next, received: 0, estimated: false }, true);
			}, signal);
			if (!this.#current(job)) return 'superseded';
			if (result.mapping && !result.timeline) {
				this.mapping = { source: job.source, request: result.mapping, reopen };
				this.announcement = `The columns of ${job.source} need to be matched to Eventline's fields`;
				return 'mapping';
			}
			return this.#settle(job, result, origin);
		} catch (error) {
			return this.#stopped(job, error);
		} finally {
			stall.stop();
			void ingester.then((reader) => reader.stop()).catch(() => {});
			if (this.#current(job)) {
				this.#job = undefined;
				this.progress = undefined;
			}
		}
	}

	#showProgress(job: Job, progress: Omit<LoadProgress, 'source'>, now = false) {
		if (!this.#current(job)) return;
		const time = performance.now();
		if (!now && time - this.#shownAt < PROGRESS_MS) return;
		this.#shownAt = time;
		this.progress = { source: job.source, ...progress };
	}

	/** Puts a checked file on screen, or says why it cannot be. */
	#settle(job: Job, result: IngestResult, origin: LoadOrigin): LoadOutcome {
		const { source } = job;
		const { fatal, rejected, timeline, total, notices, setAside } = result;
		if (fatal.length) {
			const only = fatal.length === 1 && !fatal[0]?.path ? fatal[0] : undefined;
			const summary = only
				? only.message
				: `The file has ${plural(fatal.length, 'problem')}; nothing was loaded`;
			return this.#fail(job, summary, only ? [] : fatal);
		}
		if (!timeline) {
			return rejected.length
				? this.#fail(job, `None of the ${plural(total, 'event')} could be read`, [], rejected)
				: this.#fail(job, 'The file has no events');
		}
		const loaded = timeline.events.length;
		this.report =
			rejected.length || notices.length
				? { source, loaded, total, rejected, notices, setAside }
				: undefined;
		this.#apply(timeline, origin);
		this.announcement = `Loaded ${source}: ${plural(loaded, 'event')}${rejected.length ? `, ${rejected.length.toLocaleString('en')} set aside` : ''}`;
		return 'loaded';
	}

	/** Says why a load ended early, unless a newer one has taken its place. */
	#stopped(job: Job, error: unknown): LoadOutcome {
		const reason: unknown = job.controller.signal.aborted ? job.controller.signal.reason : error;
		if (!this.#current(job) || reason instanceof Superseded) return 'superseded';
		if (reason instanceof Cancelled) {
			this.announcement = `Stopped loading ${job.source}; the timeline is unchanged`;
			return 'cancelled';
		}
		if (reason instanceof Stalled || reason instanceof LoadProblem) {
			return this.#fail(job, reason.message);
		}
		if (reason instanceof TooLarge) {
			const kind = readKindOfName(job.source);
			return this.#fail(job, tooLargeMessage(maxFileBytes(kind), kind, true));
		}
		const detail = reason instanceof Error ? reason.message : String(reason);
		return this.#fail(job, `Something went wrong: ${detail}`);
	}

	#fail(
		job: Job,
		summary: string,
		issues: DataIssue[] = [],
		rejected: RejectedEvent[] = []
	): 'failed' {
		if (this.#current(job)) {
			this.progress = undefined;
			this.#job = undefined;
		}
		const hinted = job.hint ? `${summary.replace(/\.?$/, '.')} ${job.hint}` : summary;
		this.failure = { source: job.source, summary: hinted, issues, rejected };
		this.announcement = '';
		return 'failed';
	}
}

/** Opens a download, or says why it could not be opened in words a reader can act on. */
async function download(url: URL, signal: AbortSignal): Promise<Opened> {
	let response: Response;
	try {
		response = await fetch(url, { credentials: 'omit', signal });
	} catch (error) {
		if (signal.aborted) throw signal.reason;
		throw new LoadProblem(await whyUnreachable(url, signal, error));
	}
	if (!response.ok) {
		throw new LoadProblem(`The server answered ${response.status} ${response.statusText}`.trim());
	}
	const header = response.headers.get('content-length');
	const length = header === null ? undefined : Number(header);
	const known = length !== undefined && Number.isFinite(length) && length >= 0;
	// With gzip, the length counts compressed bytes; the stream gives them uncompressed.
	const encoding = response.headers.get('content-encoding');
	const compressed = encoding !== null && encoding !== 'identity';
	const kind = readKindOfName(url.pathname);
	if (known && !compressed && length > maxFileBytes(kind)) {
		await response.body?.cancel();
		throw new LoadProblem(tooLargeMessage(length, kind));
	}
	return {
		stream: response.body ?? new Blob([]).stream(),
		...(known && !compressed ? { total: length } : {}),
		...(known && compressed ? { estimate: length * COMPRESSION_GUESS } : {})
	};
}

/**
 * Why a fetch failed. Browsers give every failure the same TypeError; two cheap probes tell a server
 * that redirects without end, or one that answers but does not share its files (CORS), from silence.
 */
async function whyUnreachable(url: URL, signal: AbortSignal, error: unknown): Promise<string> {
	const probe = async (init: RequestInit): Promise<Response | undefined> => {
		const controller = new AbortController();
		const stop = () => controller.abort();
		signal.addEventListener('abort', stop, { once: true });
		try {
			const response = await fetch(url, {
				...init,
				credentials: 'omit',
				signal: controller.signal
			});
			return response;
		} catch {
			return undefined;
		} finally {
			// Only the headers are wanted: the body, if any, is not downloaded.
			controller.abort();
			signal.removeEventListener('abort', stop);
		}
	};
	const redirects = (await probe({ redirect: 'manual' }))?.type === 'opaqueredirect';
	if (signal.aborted) throw signal.reason;
	const answers = (await probe({ mode: 'no-cors' })) !== undefined;
	if (signal.aborted) throw signal.reason;
	if (answers) {
		return `The server answered, but does not allow other sites to read the file (CORS)`;
	}
	if (redirects) {
		return `The server redirects the address in a loop, or too many times`;
	}
	const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
	return `The server did not answer${detail}: check the address and the connection`;
}
