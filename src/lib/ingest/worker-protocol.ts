/**
 * The messages between the page and the data worker (ingest.worker.ts). A large timeline crosses in
 * parts: the events in batches of columns (pack.ts) as the worker accepts them, then the result
 * with the dataset's header. Each message is a task of its own on the page, so a million events
 * never block it for long, and the page rebuilds each batch and resolves its times as it arrives,
 * while the worker reads on.
 */
import type { IngestMessage, IngestPhase } from './ingest';
import type { ImportOptions } from './column-map';
import type { EventBatch } from './pack';
import type { ImportOutcome } from './outcome';

/**
 * Page → worker: the file's name and how to read it (first, so the worker can choose how to read it
 * as bytes arrive), with whether it may start a helper (`share`: the machine has cores to spare);
 * the next bytes of the file, or its end.
 */
export type WorkerRequest =
	| { type: 'start'; name: string; options?: ImportOptions; share?: boolean }
	| { type: 'chunk'; bytes: Uint8Array }
	| { type: 'end' };

/**
 * Data worker → its helper (a second data worker, on the same script): get ready to read Parquet;
 * then read records [from, to) of the file in `bytes`, sending the events to the page through
 * `port`.
 */
export type HelperRequest =
	| { type: 'prepare' }
	| { type: 'share'; bytes: ArrayBuffer; from: number; to: number; port: MessagePort };

/**
 * Helper → data worker: it has begun; then what it made of its records, and how many events it
 * sent, or why it failed.
 */
export type HelperReply =
	| { type: 'started' }
	| { type: 'shared'; outcome: ImportOutcome; sent: number }
	| { type: 'failed'; message: string };

/**
 * Helper → page, through the port the data worker handed on: the zone, the events in batches, and
 * the number sent, once all are.
 */
export type HelperEvents =
	| { type: 'begin'; zone: string }
	| { type: 'events'; batch: EventBatch }
	| { type: 'done'; count: number };

/**
 * Worker → page: a phase has started; the zone the events' dates are read in, before the first
 * batch; the accepted events, in file order, a batch at a time; then the result (with the dataset's
 * header and the number of events sent, when there is a timeline). A failure after some batches
 * is a result without a header: the batches are dropped. A large Parquet file is shared with a
 * helper, whose events come through the `port` of `helper` ({@link HelperEvents}) until its `done`;
 * `restart` drops every event had so far, of either worker: the file is read again by this one.
 */
export type WorkerReply =
	| { type: 'phase'; phase: IngestPhase }
	| { type: 'begin'; zone: string }
	| { type: 'events'; batch: EventBatch }
	| { type: 'helper'; port: MessagePort }
	| { type: 'restart' }
	| { type: 'result'; result: IngestMessage };
