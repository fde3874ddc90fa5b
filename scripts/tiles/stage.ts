/**
 * The staging table tiles.sql reads: one row per accepted event, its times resolved by the app's
 * own date rules (`eventTime`, `toWallClock`, as `prepareTimeline` does) and its rank keys.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { eventTime, toWallClock } from '$lib/model/dates';
import type { TimelineEvent } from '$lib/model/schema';
import { PRECISION_ORDER, UNCATEGORISED } from '$lib/model/timeline';

/** The staging table (its columns are described at the top of tiles.sql). */
export const STAGING_TABLE = `CREATE TABLE events (
	ord BIGINT, id VARCHAR, place VARCHAR, lane VARCHAR, s DOUBLE, e DOUBLE, p UTINYINT,
	certainty UTINYINT, sources INTEGER, summary INTEGER, event VARCHAR
)`;

/** Certainty in rank order: what tops a bucket first. An event that names none comes last. */
export const CERTAINTY_RANK = ['confirmed', 'reported', 'alleged'] as const;

/** One staging row. */
export interface StagedEvent {
	ord: number;
	id: string;
	place: string;
	lane: string;
	start: number;
	end: number;
	precision: number;
	certainty: number;
	sources: number;
	summary: number;
	event: string;
}

/**
 * The staging row of an accepted event, or undefined when its dates cannot be placed in time (the
 * page leaves such an event out too). `zone` is the dataset's zone: these files name none, so the
 * page shows their clock times in UTC, as written.
 */
export function stageEvent(
	event: TimelineEvent,
	ord: number,
	place: string,
	zone = 'UTC'
): StagedEvent | undefined {
	const time = eventTime(event, event.timeZone ?? zone);
	if (!time) return undefined;
	const certainty = CERTAINTY_RANK.indexOf(event.certainty as (typeof CERTAINTY_RANK)[number]);
	return {
		ord,
		id: event.id,
		place,
		lane: event.category ?? UNCATEGORISED.id,
		start: toWallClock(time.outer.start, zone),
		end: toWallClock(time.outer.end, zone),
		precision: PRECISION_ORDER.indexOf(time.precision),
		certainty: certainty === -1 ? CERTAINTY_RANK.length : certainty,
		sources: event.sources?.length ?? 0,
		summary: event.summary?.length ?? 0,
		event: JSON.stringify(event)
	};
}

/** Appends one staging row, in the table's column order. */
export function appendStaged(appender: DuckDBAppender, row: StagedEvent) {
	appender.appendBigInt(BigInt(row.ord));
	appender.appendVarchar(row.id);
	appender.appendVarchar(row.place);
	appender.appendVarchar(row.lane);
	appender.appendDouble(row.start);
	appender.appendDouble(row.end);
	appender.appendUTinyInt(row.precision);
	appender.appendUTinyInt(row.certainty);
	appender.appendInteger(row.sources);
	appender.appendInteger(row.summary);
	appender.appendVarchar(row.event);
	appender.endRow();
}
