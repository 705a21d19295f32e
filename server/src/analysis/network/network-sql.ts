import { DataSource } from 'typeorm';
import { NetworkKind } from '../analysis-params';
import { analysedStatements, BoundQuery } from '../analysis-statements';
import { ScaleStance } from '../stance-scale';
import { StatementFilters } from '../../statements/statement-query';

/**
 * The SQL of each network kind: its nodes (all at once: at most the actors and topics) and its
 * edges (read through a cursor, with the edge count on every row so the answer can announce
 * it before streaming them). Everything is aggregated by PostgreSQL.
 */

const F_COLUMNS = { id: 's.id', speaker_id: 's.speaker_id', stance_id: 's.stance_id', responds_to_id: 's.responds_to_id' };

const withF = (f: BoundQuery, rest: string): BoundQuery => ({ sql: `WITH f AS (${f.sql}) ${rest}`, params: f.params });

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

/** Count columns per stance of the scale, and the mean score, over `f` joined to `stances st`. */
function stanceColumns(stances: ScaleStance[]): string {
  return [
    'count(st.score)::int AS "withStance"',
    'avg(st.score)::float8 AS "meanScore"',
    ...stances.map(({ id }) => `count(*) FILTER (WHERE f.stance_id = ${Number(id)})::int AS "stance_${Number(id)}"`),
  ].join(', ');
}

/** The speakers of `f`, each with its number of statements in `f` (and, for replies, the speakers replied to, with 0). */
const ACTOR_NODES = `
  SELECT 'a' || a.id AS id, 'actor' AS mode, a.id AS "actorId", NULL::int AS "topicId", a.name, a.native_name AS "nativeName",
         a.kind::text AS kind, a.country, c.n AS statements, 0 AS mode_order, a.id AS order_id
  FROM (SELECT speaker_id, count(*)::int AS n FROM f GROUP BY speaker_id) c JOIN actors a ON a.id = c.speaker_id`;

const topicNodes = (filters: StatementFilters) => `
  SELECT 't' || t.id, 'topic', NULL::int, t.id, t.name, NULL, 'topic', NULL, c.n, 1, t.id
  FROM (SELECT l.topic_id, count(*)::int AS n FROM f ${topicLinks(filters)} GROUP BY l.topic_id) c
  JOIN topics t ON t.id = c.topic_id`;

const REPLIED_TO_NODES = `
  SELECT 'a' || a.id, 'actor', a.id, NULL::int, a.name, a.native_name, a.kind::text, a.country, 0, 0, a.id
  FROM actors a
  WHERE a.id IN (SELECT r.speaker_id FROM f JOIN statements r ON r.id = f.responds_to_id AND r.deleted_at IS NULL)
    AND a.id NOT IN (SELECT speaker_id FROM f)`;

const NODE_ORDER = 'ORDER BY mode_order, order_id';

export function nodesQuery(dataSource: DataSource, filters: StatementFilters, kind: NetworkKind): BoundQuery {
  const f = analysedStatements(dataSource, filters, F_COLUMNS);
  const parts = [ACTOR_NODES, ...(kind === 'actor-topic' ? [topicNodes(filters)] : []), ...(kind === 'replies' ? [REPLIED_TO_NODES] : [])];
  return withF(
    f,
    `SELECT id, mode, "actorId", "topicId", name, "nativeName", kind, country, statements FROM (${parts.join(' UNION ALL ')}) n ${NODE_ORDER}`,
  );
}

/**
 * Per speaker, the topics on which it took at least one positive stance and at least one
 * negative one, as bit strings over the topics in play (neutral, score 0, takes no side).
 * Two speakers' shared topics are then a bitwise AND and a bit count: a million pairs in
 * about a second, where joining speaker–topic rows on the topic would make tens of millions.
 */
const sides = (filters: StatementFilters) => `
  p AS (
    SELECT f.speaker_id AS actor, l.topic_id AS topic, bool_or(st.score > 0) AS pos, bool_or(st.score < 0) AS neg
    FROM f ${topicLinks(filters)} JOIN stances st ON st.id = f.stance_id
    WHERE st.score <> 0 GROUP BY f.speaker_id, l.topic_id),
  ix AS (SELECT topic, (dense_rank() OVER (ORDER BY topic) - 1)::int AS bit FROM (SELECT DISTINCT topic FROM p) d),
  z AS (SELECT repeat('0', count(*)::int)::varbit AS zeros FROM ix),
  m AS (
    SELECT p.actor, bit_or(CASE WHEN p.pos THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS pos,
           bit_or(CASE WHEN p.neg THEN set_bit(z.zeros, ix.bit, 1) ELSE z.zeros END) AS neg
    FROM p JOIN ix USING (topic) CROSS JOIN z GROUP BY p.actor)`;

const SHARED: Record<'actor-congruence' | 'actor-conflict', string> = {
  'actor-congruence': 'bit_count((x.pos & y.pos) | (x.neg & y.neg))',
  'actor-conflict': 'bit_count((x.pos & y.neg) | (x.neg & y.pos))',
};

export function edgesQuery(dataSource: DataSource, filters: StatementFilters, kind: NetworkKind, stances: ScaleStance[]): BoundQuery {
  const f = analysedStatements(dataSource, filters, F_COLUMNS);
  const counted = (select: string, order: string) => `SELECT e.*, count(*) OVER ()::int AS total FROM (${select}) e ORDER BY ${order}`;
  switch (kind) {
    case 'actor-topic':
      return withF(
        f,
        counted(
          `SELECT f.speaker_id AS from_id, l.topic_id AS to_id, count(*)::int AS weight, ${stanceColumns(stances)}
           FROM f ${topicLinks(filters)} LEFT JOIN stances st ON st.id = f.stance_id
           GROUP BY f.speaker_id, l.topic_id`,
          'from_id, to_id',
        ),
      );
    case 'actor-congruence':
    case 'actor-conflict':
      return withF(
        f,
        `, ${sides(filters).trim()}
        ${counted(
          `SELECT x.actor AS from_id, y.actor AS to_id, ${SHARED[kind]}::int AS weight
           FROM m x JOIN m y ON x.actor < y.actor WHERE ${SHARED[kind]} > 0`,
          'from_id, to_id',
        )}`,
      );
    case 'replies':
      return withF(
        f,
        counted(
          `SELECT f.speaker_id AS from_id, r.speaker_id AS to_id, count(*)::int AS weight, ${stanceColumns(stances)}
           FROM f JOIN statements r ON r.id = f.responds_to_id AND r.deleted_at IS NULL LEFT JOIN stances st ON st.id = f.stance_id
           GROUP BY f.speaker_id, r.speaker_id`,
          'from_id, to_id',
        ),
      );
  }
}
