/**
 * The messages between the page and the data worker (ingest.worker.ts). A large timeline crosses in
 * parts: the result with its typed arrays (transferred, no copy) but no events, then the events in
 * batches. Each message is a task of its own on the page, so copying 300,000 events in never
 * blocks it for long, and the page rebuilds each batch as it arrives.
 */
import type { TimelineEvent } from '$lib/model/schema';
import type { IngestMessage, IngestPhase } from './ingest';
import type { ImportOptions } from './column-map';

/** Events per message: a few milliseconds of copying and rebuilding on the page. */
export const EVENT_BATCH = 5_000;

/**
 * Page → worker: the file's name and how to read it (first, so the worker can choose how to read it
 * as bytes arrive), the next bytes of the file, or its end.
 */
export type WorkerRequest =
	| { type: 'start'; name: string; options?: ImportOptions }
	| { type: 'chunk'; bytes: Uint8Array }
	| { type: 'end' };

/**
 * Worker → page: a phase has started; the result (its packed timeline, if any, without events);
 * then the events of that timeline, in order, {@link EVENT_BATCH} at a time.
 */
export type WorkerReply =
	| { type: 'phase'; phase: IngestPhase }
	| { type: 'result'; result: IngestMessage }
	| { type: 'events'; events: TimelineEvent[] };
