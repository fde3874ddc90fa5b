/**
 * The messages between the page and the data worker (ingest.worker.ts). A large timeline crosses in
 * parts: the result with its typed arrays (transferred, no copy) but no events, then the events in
 * batches of columns (pack.ts). Each message is a task of its own on the page, so a million events
 * never block it for long, and the page rebuilds each batch as it arrives.
 */
import type { IngestMessage, IngestPhase } from './ingest';
import type { ImportOptions } from './column-map';
import type { EventBatch } from './pack';

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
 * then the events of that timeline, in order, a batch at a time.
 */
export type WorkerReply =
	| { type: 'phase'; phase: IngestPhase }
	| { type: 'result'; result: IngestMessage }
	| { type: 'events'; batch: EventBatch };
