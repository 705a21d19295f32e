import { DataSource } from 'typeorm';
import { NetworkKind } from '../analysis-params';
import { analysedStatements, BoundQuery } from '../analysis-statements';
import { ScaleStance } from '../stance-scale';
import { StatementFilters } from '../../statements/statement-query';

/*
 * The SQL of each network kind: one statement that reads the filtered statements once and
 * answers the nodes first (part 0: at most the actors and topics), then the edges (part 1), each
 * row with the number of edges, so that the answer can announce it before streaming them
 * through a cursor. Everything is aggregated by PostgreSQL.
 */

const F_COLUMNS = { id: 's.id', speaker_id: 's.speaker_id', stance_id: 's.stance_id', responds_to_id: 's.responds_to_id' };

/**
 * Which topic links count. A topic filter selects the statements on those topics, and the
 * network of a topic set holds those topics only: Abe and Lavrov opposing each other on
 * sovereignty must not count the residents' question their statements also touch. The ids
 * are parsed integers, written into the SQL.
 */
const topicLinks = (filters: StatementFilters) =>
  filters.topicId?.length
    ? `JOIN statement_topics l ON l.statement_id = f.id AND l.topic_id IN (${filters.topicId.map(Number).join(', ')})`
    : 'JOIN statement_topics l ON l.statement_id = f.id';

/**
 * Edges with stance counts, in two steps: first a bare count per (from, to, stance) over the
 * joined rows, then per (from, to) the weight, the mean score and a count per stance over those
 * few groups. Measured at 1,000,000 statements: the FILTER aggregates over the 2,000,000
 * statement–topic rows themselves took 1.8 s, in two steps 1.2 s.
 */
function countedEdges(pairs: string, stances: ScaleStance[]): string {
  const perStance = stances.map(
    ({ id }) => `COALESCE(sum(c.n) FILTER (WHERE c.stance_id = ${Number(id)}), 0)::int AS "stance_${Number(id)}"`,
  );
  return `
  c AS (SELECT ${pairs} GROUP BY 1, 2, 3),
  e AS MATERIALIZED (
    SELECT c.from_id, c.to_id, sum(c.n)::int AS weight,
           COALESCE(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0)::int AS "withStance",
           sum(c.n * st.score)::float8 / NULLIF(sum(c.n) FILTER (WHERE st.score IS NOT NULL), 0) AS "meanScore"
           ${perStance.map((column) => `, ${column}`).join('')}
    FROM c LEFT JOIN stances st ON st.id = c.stance_id
    GROUP BY c.from_id, c.to_id)`;
}

/**
 * Per speaker, the topics on which it took at least one positive stance and at least one
 * negative one, as bit strings over the topics in play (neutral, score 0, takes no side).
 * Two speakers' shared topics are then a bitwise AND and a bit count: a million pairs in
 * about a second, where joining speaker–topic rows on the topic would make tens of millions.
 */
function sides(filters: StatementFilters, shared: string): string {
  return `
  p AS (
    SELECT f.speaker_id AS actor, l.topic_id AS topic, bool_or(st.score > 0) AS pos, bool_or(st.score < 0) AS neg
    FROM f ${topicLinks(filters)} JOIN stances st ON st.id = f.stance_id
    WHERE st.score <> 0 GROUP BY f.speaker_id, l.topic_id),
  ix AS (SELECT topic, (dense_rank() OVER (ORDER BY topic) - 1)::int AS bit FROM (SELECT DISTINCT topic FROM p) d),
  z AS (SELECT repeat('0', count(*)::int)::varbit AS zeros FROM ix),
  m AS (
    SELECT p.actor, bit_or(CASE WHEN p.pos THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS pos,
           bit_or(CASE WHEN p.neg THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS neg
    FROM p JOIN ix USING (topic) CROSS JOIN z GROUP BY p.actor),
  e AS MATERIALIZED (
    SELECT x.actor AS from_id, y.actor AS to_id, ${shared}::int AS weight
    FROM m x JOIN m y ON x.actor < y.actor WHERE ${shared} > 0)`;
}

const SHARED: Record<'actor-congruence' | 'actor-conflict', string> = {
  'actor-congruence': 'bit_count((x.pos & y.pos) | (x.neg & y.neg))',
  'actor-conflict': 'bit_count((x.pos & y.neg) | (x.neg & y.pos))',
};

/** The edges of a kind, as the CTE `e` (from_id, to_id, weight and, for some kinds, stance counts). */
function edges(kind: NetworkKind, filters: StatementFilters, stances: ScaleStance[]): string {
  switch (kind) {
    case 'actor-topic':
      return countedEdges(
        `f.speaker_id AS from_id, l.topic_id AS to_id, f.stance_id, count(*)::int AS n FROM f ${topicLinks(filters)}`,
        stances,
      );
    case 'actor-congruence':
    case 'actor-conflict':
      return sides(filters, SHARED[kind]);
    case 'replies':
      return countedEdges(
        `f.speaker_id AS from_id, r.speaker_id AS to_id, f.stance_id, count(*)::int AS n
         FROM f JOIN statements r ON r.id = f.responds_to_id AND r.deleted_at IS NULL`,
        stances,
      );
  }
}

/** The speakers of `f`, each with its number of statements in `f`. */
const SPEAKER_NODES = `
  SELECT 'a' || a.id AS id, 'actor' AS mode, a.id AS "actorId", NULL::int AS "topicId", a.name, a.native_name AS "nativeName",
         a.kind::text AS kind, a.country, c.n AS statements, 0 AS k1, a.id AS k2
  FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id`;

/** The topics of the actor–topic network, each with its statements: the sum of its edges' weights. */
const TOPIC_NODES = `
  SELECT 't' || t.id, 'topic', NULL::int, t.id, t.name, NULL, 'topic', NULL, c.n, 1, t.id
  FROM (SELECT to_id, sum(weight)::int AS n FROM e GROUP BY to_id) c JOIN topics t ON t.id = c.to_id`;

/** Speakers replied to whose own statements the filter leaves out: nodes with no statements. */
const REPLIED_TO_NODES = `
  SELECT 'a' || a.id, 'actor', a.id, NULL::int, a.name, a.native_name, a.kind::text, a.country, 0, 0, a.id
  FROM actors a WHERE a.id IN (SELECT to_id FROM e) AND a.id NOT IN (SELECT speaker_id FROM f)`;

/** The edge columns beside from_id, to_id and weight. */
export const stanceCountColumns = (stances: ScaleStance[]) => [
  ['withStance', 'int'],
  ['meanScore', 'float8'],
  ...stances.map(({ id }) => [`stance_${Number(id)}`, 'int']),
];

/**
 * (`f` is read twice, by the edges and the speakers' counts: NOT MATERIALIZED lets each read
 * it from the covering index rather than PostgreSQL spooling a million rows to disk first —
 * 1.80 s to 1.63 s for the actor–topic network of a million statements.)
 *
 * The network of a kind as one statement: nodes (part 0, each as one JSON object, with `total`,
 * the number of edges; ordered by kind then id, carried in from_id and to_id), then edges
 * (part 1, by their two ends). Edge rows stay narrow: a congruence network has half a million
 * of them to sort, send and read.
 */
export function networkQuery(dataSource: DataSource, filters: StatementFilters, kind: NetworkKind, stances: ScaleStance[]): BoundQuery {
  const f = analysedStatements(dataSource, filters, F_COLUMNS);
  const nodes = [SPEAKER_NODES, ...(kind === 'actor-topic' ? [TOPIC_NODES] : []), ...(kind === 'replies' ? [REPLIED_TO_NODES] : [])];
  const extra = kind === 'actor-topic' || kind === 'replies' ? stanceCountColumns(stances) : [];
  const sql = `WITH f AS NOT MATERIALIZED (${f.sql}), ${edges(kind, filters, stances).trim()},
    n AS (${nodes.join(' UNION ALL ')})
    SELECT 0 AS part, json_build_object('id', n.id, 'mode', n.mode, 'actorId', n."actorId", 'topicId', n."topicId",
             'name', n.name, 'nativeName', n."nativeName", 'kind', n.kind, 'country', n.country, 'statements', n.statements) AS node,
           (SELECT count(*)::int FROM e) AS total,
           n.k1 AS from_id, n.k2 AS to_id, NULL::int AS weight${extra.map(([name, type]) => `, NULL::${type} AS "${name}"`).join('')}
    FROM n
    UNION ALL
    SELECT 1, NULL, NULL, e.from_id, e.to_id, e.weight${extra.map(([name]) => `, e."${name}"`).join('')}
    FROM e
    ORDER BY 1, from_id, to_id`;
  return { sql, params: f.params };
}
