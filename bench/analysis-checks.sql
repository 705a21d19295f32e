-- The analysis answers (issue 17) at 1,000,000 statements: where their SQL spends its time, and
-- the changes proposed in bench/README.md ("Analysis answers"), measured on the bench database:
--   npm run bench -- --statements 1000000 --sql bench/analysis-checks.sql
-- Everything runs in one transaction that is rolled back: nothing is left behind. The queries
-- are the ones the server ran at 6b350df / 1c065c6 (captured by the benchmark), with their
-- parameters written in: the actor–topic network of everything, and the congruence network
-- of 2020 (date_gte=2020-01-01&date_lte=2020-12-31&date_mode=within). Each runs once to warm
-- the cache, then once timed, its rows discarded (\o /dev/null). The server's sessions run
-- without parallel workers, and so do these.
\pset pager off
BEGIN;
SET LOCAL statement_timeout = 0;
SET LOCAL max_parallel_workers_per_gather = 0;
-- A database migrated with a later covering index: measure without it first.
DROP INDEX IF EXISTS idx_statements_live_analysis;

\echo '=== 1. As at 6b350df: nodes, then edges (a cursor in the server), each reading the 1 GB statements heap'
\o /dev/null
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity')
SELECT a.id, c.n FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id ORDER BY a.id;
\timing on
\echo '--- 1a. congruence 2020, nodes'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity')
SELECT a.id, c.n FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id ORDER BY a.id;
\echo '--- 1b. congruence 2020, edges (499,493)'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity'),
p AS (SELECT f.speaker_id AS actor, l.topic_id AS topic, bool_or(st.score > 0) AS pos, bool_or(st.score < 0) AS neg
      FROM f JOIN statement_topics l ON l.statement_id = f.id JOIN stances st ON st.id = f.stance_id WHERE st.score <> 0 GROUP BY f.speaker_id, l.topic_id),
ix AS (SELECT topic, (dense_rank() OVER (ORDER BY topic) - 1)::int AS bit FROM (SELECT DISTINCT topic FROM p) d),
z AS (SELECT repeat('0', count(*)::int)::varbit AS zeros FROM ix),
m AS (SELECT p.actor, bit_or(CASE WHEN p.pos THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS pos,
             bit_or(CASE WHEN p.neg THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS neg
      FROM p JOIN ix USING (topic) CROSS JOIN z GROUP BY p.actor)
SELECT e.*, count(*) OVER ()::int AS total FROM (
  SELECT x.actor AS from_id, y.actor AS to_id, bit_count((x.pos & y.pos) | (x.neg & y.neg))::int AS weight
  FROM m x JOIN m y ON x.actor < y.actor WHERE bit_count((x.pos & y.pos) | (x.neg & y.neg)) > 0) e ORDER BY from_id, to_id;
\echo '--- 1c. actor-topic, everything: nodes (its topic counts join the 2,000,000 topic links)'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL)
SELECT 'a' || a.id, c.n FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id
UNION ALL
SELECT 't' || t.id, c.n FROM (SELECT l.topic_id, count(*)::int AS n FROM f JOIN statement_topics l ON l.statement_id = f.id GROUP BY l.topic_id) c JOIN topics t ON t.id = c.topic_id;
\echo '--- 1d. actor-topic, everything: edges (40,000), eight aggregates over the 2,000,000 joined rows'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL)
SELECT e.*, count(*) OVER ()::int AS total FROM (
  SELECT f.speaker_id AS from_id, l.topic_id AS to_id, count(*)::int AS weight, count(st.score)::int AS "withStance", avg(st.score)::float8 AS "meanScore",
         count(*) FILTER (WHERE f.stance_id = 1)::int AS stance_1, count(*) FILTER (WHERE f.stance_id = 2)::int AS stance_2,
         count(*) FILTER (WHERE f.stance_id = 3)::int AS stance_3, count(*) FILTER (WHERE f.stance_id = 4)::int AS stance_4,
         count(*) FILTER (WHERE f.stance_id = 5)::int AS stance_5
  FROM f JOIN statement_topics l ON l.statement_id = f.id LEFT JOIN stances st ON st.id = f.stance_id
  GROUP BY f.speaker_id, l.topic_id) e ORDER BY from_id, to_id;
\timing off
\o

\echo '=== 2. Why: the year''s 31,587 statements are found by reading every row of the heap'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT speaker_id, count(*) FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity' GROUP BY speaker_id;

\echo '=== 3. Proposal 1: the live date index widened to cover what an analysis reads (no new index)'
DROP INDEX idx_statements_live_date_start_id;
CREATE INDEX idx_statements_live_date_start_id ON statements (date_start, id) INCLUDE (date_end, speaker_id, stance_id, responds_to_id) WHERE deleted_at IS NULL;
SELECT pg_size_pretty(pg_relation_size('idx_statements_live_date_start_id')) AS widened_index;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT speaker_id, count(*) FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity' GROUP BY speaker_id;
\echo '--- the list''s pages still walk it (page 1 and offset 100,000, by date)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT s.id FROM statements s WHERE s.deleted_at IS NULL ORDER BY s.date_start, s.id LIMIT 25;
EXPLAIN (ANALYZE, COSTS OFF) SELECT s.id FROM statements s WHERE s.deleted_at IS NULL ORDER BY s.date_start, s.id LIMIT 25 OFFSET 100000;

\o /dev/null
\timing on
\echo '--- 3a. congruence 2020, nodes, widened index'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity')
SELECT a.id, c.n FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id ORDER BY a.id;
\echo '--- 3b. congruence 2020, edges, widened index'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity'),
p AS (SELECT f.speaker_id AS actor, l.topic_id AS topic, bool_or(st.score > 0) AS pos, bool_or(st.score < 0) AS neg
      FROM f JOIN statement_topics l ON l.statement_id = f.id JOIN stances st ON st.id = f.stance_id WHERE st.score <> 0 GROUP BY f.speaker_id, l.topic_id),
ix AS (SELECT topic, (dense_rank() OVER (ORDER BY topic) - 1)::int AS bit FROM (SELECT DISTINCT topic FROM p) d),
z AS (SELECT repeat('0', count(*)::int)::varbit AS zeros FROM ix),
m AS (SELECT p.actor, bit_or(CASE WHEN p.pos THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS pos,
             bit_or(CASE WHEN p.neg THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS neg
      FROM p JOIN ix USING (topic) CROSS JOIN z GROUP BY p.actor)
SELECT e.*, count(*) OVER ()::int AS total FROM (
  SELECT x.actor AS from_id, y.actor AS to_id, bit_count((x.pos & y.pos) | (x.neg & y.neg))::int AS weight
  FROM m x JOIN m y ON x.actor < y.actor WHERE bit_count((x.pos & y.pos) | (x.neg & y.neg)) > 0) e ORDER BY from_id, to_id;
\echo '--- 3c. the same edges without the total over all rows and the ORDER BY (what both cost)'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL AND s.date_start >= '2020-01-01' AND s.date_end < 'infinity' AND s.date_end <= '2020-12-31' AND s.date_start > '-infinity'),
p AS (SELECT f.speaker_id AS actor, l.topic_id AS topic, bool_or(st.score > 0) AS pos, bool_or(st.score < 0) AS neg
      FROM f JOIN statement_topics l ON l.statement_id = f.id JOIN stances st ON st.id = f.stance_id WHERE st.score <> 0 GROUP BY f.speaker_id, l.topic_id),
ix AS (SELECT topic, (dense_rank() OVER (ORDER BY topic) - 1)::int AS bit FROM (SELECT DISTINCT topic FROM p) d),
z AS (SELECT repeat('0', count(*)::int)::varbit AS zeros FROM ix),
m AS (SELECT p.actor, bit_or(CASE WHEN p.pos THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS pos,
             bit_or(CASE WHEN p.neg THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS neg
      FROM p JOIN ix USING (topic) CROSS JOIN z GROUP BY p.actor)
SELECT x.actor AS from_id, y.actor AS to_id, bit_count((x.pos & y.pos) | (x.neg & y.neg))::int AS weight
FROM m x JOIN m y ON x.actor < y.actor WHERE bit_count((x.pos & y.pos) | (x.neg & y.neg)) > 0;
\echo '--- 3d. actor-topic nodes, widened index'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL)
SELECT 'a' || a.id, c.n FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id
UNION ALL
SELECT 't' || t.id, c.n FROM (SELECT l.topic_id, count(*)::int AS n FROM f JOIN statement_topics l ON l.statement_id = f.id GROUP BY l.topic_id) c JOIN topics t ON t.id = c.topic_id;
\echo '--- 3e. actor-topic edges, widened index'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL)
SELECT e.*, count(*) OVER ()::int AS total FROM (
  SELECT f.speaker_id AS from_id, l.topic_id AS to_id, count(*)::int AS weight, count(st.score)::int AS "withStance", avg(st.score)::float8 AS "meanScore",
         count(*) FILTER (WHERE f.stance_id = 1)::int AS stance_1, count(*) FILTER (WHERE f.stance_id = 2)::int AS stance_2,
         count(*) FILTER (WHERE f.stance_id = 3)::int AS stance_3, count(*) FILTER (WHERE f.stance_id = 4)::int AS stance_4,
         count(*) FILTER (WHERE f.stance_id = 5)::int AS stance_5
  FROM f JOIN statement_topics l ON l.statement_id = f.id LEFT JOIN stances st ON st.id = f.stance_id
  GROUP BY f.speaker_id, l.topic_id) e ORDER BY from_id, to_id;
\echo '=== 4. Proposal 2: actor-topic in one statement (nodes, then edges; topic counts = their edges'' weights), edges counted in two steps'
\echo '--- 4a. widened index, f NOT MATERIALIZED (each reference its own index-only scan)'
WITH f AS NOT MATERIALIZED (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL),
c AS (SELECT f.speaker_id, l.topic_id, f.stance_id, count(*)::int AS n FROM f JOIN statement_topics l ON l.statement_id = f.id GROUP BY 1, 2, 3),
e AS MATERIALIZED (
  SELECT c.speaker_id AS from_id, c.topic_id AS to_id, sum(c.n)::int AS weight,
         COALESCE(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0)::int AS "withStance",
         sum(c.n * st.score)::float8 / NULLIF(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0) AS "meanScore",
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 1), 0)::int AS stance_1, COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 2), 0)::int AS stance_2,
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 3), 0)::int AS stance_3, COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 4), 0)::int AS stance_4,
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 5), 0)::int AS stance_5
  FROM c LEFT JOIN stances st ON st.id = c.stance_id GROUP BY c.speaker_id, c.topic_id),
n AS (
  SELECT 'a' || a.id AS id, c.n AS statements, 0 AS k1, a.id AS k2 FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id
  UNION ALL
  SELECT 't' || t.id, c.n, 1, t.id FROM (SELECT to_id, sum(weight)::int AS n FROM e GROUP BY to_id) c JOIN topics t ON t.id = c.to_id)
SELECT * FROM (
  SELECT 0 AS part, n.id, n.statements, n.k1, n.k2, NULL::int AS weight, NULL::int AS "withStance", NULL::float8 AS "meanScore",
         NULL::int AS stance_1, NULL::int AS stance_2, NULL::int AS stance_3, NULL::int AS stance_4, NULL::int AS stance_5 FROM n
  UNION ALL
  SELECT 1, NULL, NULL, e.from_id, e.to_id, e.weight, e."withStance", e."meanScore", e.stance_1, e.stance_2, e.stance_3, e.stance_4, e.stance_5 FROM e) r
ORDER BY part, k1, k2;
\echo '--- 4b. the same with f materialised (as 9609bea writes it: f is read twice, so PostgreSQL writes all of it to disk first)'
WITH f AS (SELECT s.id, s.speaker_id, s.stance_id, s.responds_to_id FROM statements s WHERE s.deleted_at IS NULL),
c AS (SELECT f.speaker_id, l.topic_id, f.stance_id, count(*)::int AS n FROM f JOIN statement_topics l ON l.statement_id = f.id GROUP BY 1, 2, 3),
e AS MATERIALIZED (
  SELECT c.speaker_id AS from_id, c.topic_id AS to_id, sum(c.n)::int AS weight,
         COALESCE(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0)::int AS "withStance",
         sum(c.n * st.score)::float8 / NULLIF(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0) AS "meanScore",
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 1), 0)::int AS stance_1, COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 2), 0)::int AS stance_2,
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 3), 0)::int AS stance_3, COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 4), 0)::int AS stance_4,
         COALESCE(sum(c.n) FILTER (WHERE c.stance_id = 5), 0)::int AS stance_5
  FROM c LEFT JOIN stances st ON st.id = c.stance_id GROUP BY c.speaker_id, c.topic_id),
n AS (
  SELECT 'a' || a.id AS id, c.n AS statements, 0 AS k1, a.id AS k2 FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id
  UNION ALL
  SELECT 't' || t.id, c.n, 1, t.id FROM (SELECT to_id, sum(weight)::int AS n FROM e GROUP BY to_id) c JOIN topics t ON t.id = c.to_id)
SELECT * FROM (
  SELECT 0 AS part, n.id, n.statements, n.k1, n.k2, NULL::int AS weight, NULL::int AS "withStance", NULL::float8 AS "meanScore",
         NULL::int AS stance_1, NULL::int AS stance_2, NULL::int AS stance_3, NULL::int AS stance_4, NULL::int AS stance_5 FROM n
  UNION ALL
  SELECT 1, NULL, NULL, e.from_id, e.to_id, e.weight, e."withStance", e."meanScore", e.stance_1, e.stance_2, e.stance_3, e.stance_4, e.stance_5 FROM e) r
ORDER BY part, k1, k2;
\timing off
\o
ROLLBACK;
