-- Checks of the proposals in bench/FINDINGS.md, on the 1,000,000-statement bench database:
--   npm run bench -- --statements 1000000 --sql bench/proposal-checks.sql
-- (builds or reuses the database, then runs this file through psql on it).
-- Everything runs in one transaction that is rolled back: nothing is left behind. Speaker 71,
-- topic 1 and stance 1 are the parameters the benchmark picks on that database (seed 1).
-- Every statement query the server sends since accounts (issue 5) also has `deleted_at IS NULL`.
\pset pager off
\timing off
BEGIN;
SET LOCAL statement_timeout = 0;

\echo '=== 1a. Deep page: page of ids first, then the columns for those 25 rows (today''s indexes: the ids need the heap for deleted_at)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH page AS MATERIALIZED (
  SELECT s.id, s.date_start FROM statements s WHERE s.deleted_at IS NULL ORDER BY s.date_start, s.id LIMIT 25 OFFSET 100000
)
SELECT s.id FROM page JOIN statements s ON s.id = page.id ORDER BY page.date_start, page.id;

\echo '=== 0. Indexes for what lists show (deleted_at IS NULL): the checks below use them'
CREATE INDEX proposal_live_date ON statements (date_start, id) WHERE deleted_at IS NULL;
CREATE INDEX proposal_live_speaker ON statements (speaker_id, date_start, id) WHERE deleted_at IS NULL;

\echo '=== 1b. Deep page: page of ids first (index-only on the partial index), then the columns for those 25 rows'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH page AS MATERIALIZED (
  SELECT s.id, s.date_start FROM statements s WHERE s.deleted_at IS NULL ORDER BY s.date_start, s.id LIMIT 25 OFFSET 100000
)
SELECT s.id, s.headline, s.date_start,
       ARRAY(SELECT l.actor_id FROM statement_participants l WHERE l.statement_id = s.id ORDER BY l.position) AS participant_ids,
       ARRAY(SELECT l.topic_id FROM statement_topics l WHERE l.statement_id = s.id ORDER BY l.position) AS topic_ids,
       ARRAY(SELECT l.source_id FROM statement_sources l WHERE l.statement_id = s.id ORDER BY l.position) AS source_ids
  FROM page JOIN statements s ON s.id = page.id
 ORDER BY page.date_start, page.id;

\echo '=== 2a. Capped count: q=islands (134,591 matches) counted up to 10,001'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM (SELECT 1 FROM statements s WHERE s.deleted_at IS NULL AND to_tsvector('simple', s.search_text) @@ to_tsquery('simple', 'islands:*') LIMIT 10001) capped;
\echo '=== 2b. ... and the planner''s estimate the API would answer instead (rows=)'
EXPLAIN SELECT 1 FROM statements s WHERE s.deleted_at IS NULL AND to_tsvector('simple', s.search_text) @@ to_tsquery('simple', 'islands:*');
\echo '=== 2c. Capped count: topic 1 + stance 1 (7,908 matches: under the cap, so the count is exact and complete)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM (SELECT 1 FROM statements s WHERE s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM statement_topics l WHERE l.statement_id = s.id AND l.topic_id = ANY('{1}'))
   AND s.stance_id = ANY('{1}') LIMIT 10001) capped;
\echo '=== 2d. Unfiltered: the estimate from pg_class (no scan at all)'
SELECT reltuples::bigint AS estimated_statements FROM pg_class WHERE oid = 'statements'::regclass;

\echo '=== 2e. With the indexes of section 0, counts are index-only again'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM statements s WHERE s.deleted_at IS NULL;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT count(*) FROM statements s WHERE s.deleted_at IS NULL AND s.speaker_id = ANY('{71}');

\echo '=== 3. One speaker as = instead of = ANY(array): ordered index scan, 25 rows read'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, s.headline FROM statements s WHERE s.deleted_at IS NULL AND s.speaker_id = 71 ORDER BY s.date_start, s.id LIMIT 25;
\echo '=== 3b. Timeline of one speaker with =, names joined by key'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, speaker.name, stance.name FROM statements s JOIN actors speaker ON speaker.id = s.speaker_id LEFT JOIN stances stance ON stance.id = s.stance_id
 WHERE s.deleted_at IS NULL AND s.speaker_id = 71 ORDER BY s.date_start, s.id LIMIT 51;

\echo '=== 4. Rare word: bitmap index scan + top-N sort instead of walking the date index'
SET LOCAL enable_indexscan = off;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT s.id, s.headline FROM statements s WHERE s.deleted_at IS NULL AND to_tsvector('simple', s.search_text) @@ to_tsquery('simple', 'windy:*') ORDER BY s.date_start, s.id LIMIT 25;
RESET enable_indexscan;

\echo '=== 5. Topic + stance count with an index on statements (stance_id, id) and a larger work_mem'
CREATE INDEX proposal_statements_stance_id_id ON statements (stance_id, id) WHERE deleted_at IS NULL;
SET LOCAL work_mem = '16MB';
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT count(*) FROM statements s WHERE s.deleted_at IS NULL AND EXISTS (SELECT 1 FROM statement_topics l WHERE l.statement_id = s.id AND l.topic_id = ANY('{1}')) AND s.stance_id = ANY('{1}');
RESET work_mem;

\echo '=== 6. Exports: link names aggregated once per table (hash joins) instead of three subqueries per row'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
WITH p AS (SELECT l.statement_id, string_agg(x.name, '; ' ORDER BY l.position) AS names FROM statement_participants l JOIN actors x ON x.id = l.actor_id GROUP BY l.statement_id),
     t AS (SELECT l.statement_id, string_agg(x.name, '; ' ORDER BY l.position) AS names FROM statement_topics l JOIN topics x ON x.id = l.topic_id GROUP BY l.statement_id),
     so AS (SELECT l.statement_id, string_agg(concat_ws(' — ', x.title, x.publisher, x.url), '; ' ORDER BY l.position) AS names FROM statement_sources l JOIN sources x ON x.id = l.source_id GROUP BY l.statement_id)
SELECT s.id, s.date, s.headline, s.quote, s.summary, speaker.name, stance.name, p.names, t.names, so.names
  FROM statements s JOIN actors speaker ON speaker.id = s.speaker_id LEFT JOIN stances stance ON stance.id = s.stance_id
  LEFT JOIN p ON p.statement_id = s.id LEFT JOIN t ON t.statement_id = s.id LEFT JOIN so ON so.statement_id = s.id
 WHERE s.deleted_at IS NULL
 ORDER BY s.date_start, s.id;

ROLLBACK;
