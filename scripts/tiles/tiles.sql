-- Eventline's tile pyramid (docs/tiles.md), in plain SQL. `npm run tiles` runs this file as it is,
-- statement by statement, on DuckDB; README.md ("Scaling") says what changes on a distributed
-- engine. Each statement starts with a numbered comment: the builder shows it as the phase.
--
-- Input: the staging table `events`, one row per accepted event, as the app's own importer and
-- date rules made it (scripts/tiles/stage.ts):
--   ord BIGINT (input order), id VARCHAR, place VARCHAR (where it is in the input),
--   lane VARCHAR, s DOUBLE, e DOUBLE (outer start and end, wall-clock ms),
--   p UTINYINT (precision: 0 minute, 1 hour, 2 part-of-day, 3 day, 4 month, 5 year),
--   certainty UTINYINT (0 confirmed, 1 reported, 2 alleged, 3 none), sources INTEGER (how many),
--   summary INTEGER (its length), event VARCHAR (the event as one line of Eventline NDJSON).
-- Variables: work (a folder for the tile lines), buckets (per count tile), top (events per bucket),
-- max_tile_events (how many events the deepest level's densest event tile may hold),
-- min_tile_events (how many its tiles must hold on average),
-- unit_ms (the shortest tile: tiles are unit_ms·4^k long).
--
-- Output: work/counts.tsv and work/events.tsv, the lines of every tile, each tagged with its level,
-- tile and part (z, t, part, line) and in tile order, which the builder cuts into counts/Z/T.json
-- (a count row is its part-0 line and its top events) and events/Z/T.ndjson; and the tables
-- pyramid, levels and lanes for the manifest.

-- 0. Milliseconds as JSON numbers: whole ones without a decimal point, deep time as it comes.
CREATE OR REPLACE MACRO ms_json(ms) AS
	CASE WHEN ms = floor(ms) AND abs(ms) < 9007199254740992 THEN to_json(ms::BIGINT) ELSE to_json(ms) END;

-- 1. The extent, and level 0's tile: the shortest unit_ms·4^k longer than the extent.
CREATE OR REPLACE TABLE pyramid AS
WITH extent AS (
	SELECT min(s) AS lo, max(e) AS hi, count(*) AS n, getvariable('unit_ms')::DOUBLE AS unit
	FROM events
),
guess AS (
	SELECT *, CASE WHEN hi - lo < unit THEN 0 ELSE ceil(ln((hi - lo) / unit) / ln(4))::INTEGER END AS k
	FROM extent
)
SELECT lo AS origin, lo, hi, n, unit,
	-- the guess from logarithms, corrected where rounding put it one off
	CASE WHEN unit * pow(4, k) <= hi - lo THEN k + 1
		WHEN k > 0 AND unit * pow(4, k - 1) > hi - lo THEN k - 1
		ELSE k END AS finest
FROM guess;

-- 2. Each event's deepest possible level: the deepest whose tiles are at least as long as it is.
CREATE OR REPLACE TABLE placed AS
WITH guess AS (
	SELECT ev.ord, ev.s, ev.e, ev.lane, py.finest, py.unit, py.origin,
		CASE WHEN ev.e - ev.s <= py.unit THEN py.finest
			ELSE py.finest - ceil(ln((ev.e - ev.s) / py.unit) / ln(4))::INTEGER END AS z
	FROM events ev, pyramid py
)
SELECT ord, s, e, lane, origin, unit, finest,
	greatest(0, CASE WHEN z < finest AND unit * pow(4, finest - z - 1) >= e - s THEN z + 1
		WHEN unit * pow(4, finest - z) < e - s THEN z - 1
		ELSE z END) AS deepest
FROM guess;

-- 3. How many events the densest tile of each level would store if it were the deepest level,
-- and how many its tiles would store on average.
CREATE OR REPLACE TABLE density AS
WITH RECURSIVE tiles(z, deepest, t, n) AS (
	SELECT finest, deepest, floor((s - origin) / unit)::BIGINT, count(*)
	FROM placed GROUP BY ALL
	UNION ALL
	SELECT z - 1, deepest, t // 4, sum(n)::BIGINT FROM tiles WHERE z > 0 GROUP BY ALL
)
SELECT z, max(stored) AS densest, avg(stored) AS average
FROM (SELECT z, t, sum(n) FILTER (WHERE deepest >= z) AS stored FROM tiles GROUP BY z, t)
WHERE stored > 0
GROUP BY z;

-- 4. The levels: down to the first whose densest event tile holds at most max_tile_events, but
-- not past the last whose tiles hold min_tile_events on average (deeper, a bucket holds one event
-- and the count tiles would only repeat the event tiles).
CREATE OR REPLACE TABLE depth AS
SELECT least(
	coalesce(min(z) FILTER (WHERE densest <= getvariable('max_tile_events')), max(z)),
	coalesce(max(z) FILTER (WHERE average >= getvariable('min_tile_events')), 0)
) AS levels_deepest
FROM density;

-- 5. Where each event is stored: its deepest possible level, at most the deepest level, in the
-- tile holding its start.
CREATE OR REPLACE TABLE stored AS
SELECT ord, z, floor((s - origin) / (unit * pow(4, finest - z)))::BIGINT AS t
FROM (SELECT pl.*, least(pl.deepest, d.levels_deepest) AS z FROM placed pl, depth d);

-- 6. The deepest level's buckets: counts, precision mix, first start, last end, and the top
-- events by rank (certainty, then sources, then length of summary, then id), each event in the
-- bucket holding its midpoint. A top event is kept as its rank key, which orders as the rank does.
CREATE OR REPLACE TABLE finest_buckets AS
WITH bucketed AS (
	SELECT ev.lane, ev.s, ev.e, ev.p, d.levels_deepest AS z,
		{'certainty': ev.certainty, 'sources': -ev.sources, 'summary': -ev.summary, 'id': ev.id,
			'ord': ev.ord} AS rank,
		floor(((ev.s + ev.e) / 2 - py.origin)
			/ (py.unit * pow(4, py.finest - d.levels_deepest) / getvariable('buckets')))::BIGINT AS b
	FROM events ev, pyramid py, depth d
),
ranked AS (
	SELECT *, row_number() OVER (PARTITION BY lane, b ORDER BY rank) AS place FROM bucketed
)
SELECT z, lane, b, count(*) AS n,
	count(*) FILTER (WHERE p = 0) AS p0, count(*) FILTER (WHERE p = 1) AS p1,
	count(*) FILTER (WHERE p = 2) AS p2, count(*) FILTER (WHERE p = 3) AS p3,
	count(*) FILTER (WHERE p = 4) AS p4, count(*) FILTER (WHERE p = 5) AS p5,
	min(s) AS first, max(e) AS last,
	list(rank ORDER BY place) FILTER (WHERE place <= getvariable('top')) AS top
FROM ranked
GROUP BY z, lane, b;

-- 7. Every level's buckets, four of a level's buckets making one of the level above; the top
-- events of a bucket are the first by rank among its four buckets' top events.
CREATE OR REPLACE TABLE buckets AS
WITH RECURSIVE up(z, lane, b, n, p0, p1, p2, p3, p4, p5, first, last, top) AS (
	SELECT * FROM finest_buckets
	UNION ALL
	SELECT z - 1, lane, b // 4, sum(n)::BIGINT,
		sum(p0)::BIGINT, sum(p1)::BIGINT, sum(p2)::BIGINT, sum(p3)::BIGINT, sum(p4)::BIGINT, sum(p5)::BIGINT,
		min(first), max(last), list_slice(list_sort(flatten(list(top))), 1, getvariable('top'))
	FROM up WHERE z > 0
	GROUP BY z, lane, b // 4
)
SELECT * FROM up;

-- 8. The count tiles' lines, tagged with their tile and in tile order: for each lane and non-empty
-- bucket a line opening its row (part 0), then a line per top event in full (parts 1 to top).
COPY (
	WITH heads AS (
		SELECT z, b // getvariable('buckets') AS t, b, lane, 0 AS part,
			'{"lane":' || to_json(lane) || ',"b":' || b % getvariable('buckets') || ',"n":' || n
			|| ',"p":[' || concat_ws(',', p0, p1, p2, p3, p4, p5) || ']'
			|| ',"first":' || ms_json(first) || ',"last":' || ms_json(last) || ',"top":[' AS line
		FROM buckets
	),
	picks AS (
		SELECT z, b // getvariable('buckets') AS t, b, lane, pick.part, pick.rank.ord AS ord
		FROM buckets, unnest(top) WITH ORDINALITY AS pick(rank, part)
	)
	SELECT z, t, part, line FROM (
		SELECT * FROM heads
		UNION ALL
		SELECT picks.z, picks.t, picks.b, picks.lane, picks.part, ev.event
		FROM picks JOIN events ev USING (ord)
	)
	ORDER BY z, t, b, lane, part
) TO (getvariable('work') || '/counts.tsv') (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\t');

-- 9. The event tiles' lines, tagged with their tile and in tile order: every event once, in time
-- order (start, end, id) within its tile.
COPY (
	SELECT st.z, st.t, 0 AS part, ev.event
	FROM stored st JOIN events ev USING (ord)
	ORDER BY st.z, st.t, ev.s, ev.e, ev.id
) TO (getvariable('work') || '/events.tsv') (FORMAT csv, HEADER false, QUOTE '', ESCAPE '', DELIMITER '\t');

-- 10. The levels for the manifest: tile and bucket lengths, count tiles, events stored.
CREATE OR REPLACE TABLE levels AS
SELECT lv.z, py.unit * pow(4, py.finest - lv.z) AS tile_ms,
	py.unit * pow(4, py.finest - lv.z) / getvariable('buckets') AS bucket_ms,
	(SELECT count(DISTINCT b // getvariable('buckets')) FROM buckets bk WHERE bk.z = lv.z) AS tiles,
	(SELECT count(*) FROM stored st WHERE st.z = lv.z) AS events
FROM range(0, (SELECT levels_deepest + 1 FROM depth)) AS lv(z), pyramid py
ORDER BY lv.z;

-- 11. The lanes for the manifest, in the order the page lists them: by their first event.
CREATE OR REPLACE TABLE lanes AS
SELECT lane, count(*) AS events, min({'s': s, 'e': e, 'id': id}) AS first
FROM events GROUP BY lane
ORDER BY first;
