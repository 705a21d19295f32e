import { DataSource } from 'typeorm';
import { Grouping, Interval } from '../analysis-params';
import { analysedStatements, BoundQuery } from '../analysis-statements';
import { ScaleStance } from '../stance-scale';
import { StatementFilters } from '../../statements/statement-query';

/** At most this many ids of imprecise statements per group are listed (the count is always exact). */
export const IMPRECISE_IDS_LISTED = 1000;

/** The group a statement falls in, as text: its speaker's id, its speaker's country (`none` without one), or `all`. */
const GROUP_SQL: Record<Grouping, string> = {
  speaker: 's.speaker_id::text',
  country: "COALESCE((SELECT a.country FROM actors a WHERE a.id = s.speaker_id), 'none')",
  none: "'all'",
};

/**
 * `b`: the filtered statements with their group, stance score and bucket. The bucket is the
 * start of the one interval holding the statement's whole date range, or NULL when the range
 * does not fit in one (a year-only date by month, a season, a range across two months, an
 * open start or end): such a statement is imprecise for this interval, never forced into one.
 */
function bucketed(dataSource: DataSource, filters: StatementFilters, interval: Interval, groupBy: Grouping): BoundQuery {
  const f = analysedStatements(dataSource, filters, {
    id: 's.id',
    g: GROUP_SQL[groupBy],
    date_start: 's.date_start',
    date_end: 's.date_end',
    stance_id: 's.stance_id',
    score: '(SELECT st.score FROM stances st WHERE st.id = s.stance_id)',
  });
  // `interval` is one of three words (parsed), so it is written into the SQL: a literal unit lets
  // PostgreSQL fold date_trunc's unit once instead of reading a parameter per row.
  const trunc = (column: string) => `date_trunc('${interval}', ${column}::timestamp)`;
  return {
    sql: `WITH f AS (${f.sql}),
      b AS MATERIALIZED (
        SELECT f.*, CASE WHEN f.date_start > '-infinity' AND f.date_end < 'infinity' AND ${trunc('f.date_start')} = ${trunc('f.date_end')}
                         THEN to_char(${trunc('f.date_start')}, 'YYYY-MM-DD') END AS bucket
        FROM f)`,
    params: f.params,
  };
}

/**
 * One row per group and non-empty interval: counts, mean and median score, a count column per
 * stance (`stance_<id>`), and the shift from the group's previous interval with a mean, when
 * the means differ by a point or more. The comparison is exact, in integers:
 * |sum/k − prevSum/prevK| ≥ 1 ⇔ |sum·prevK − prevSum·k| ≥ k·prevK. Only a shift's two
 * intervals list their statements.
 */
export function pointsQuery(
  dataSource: DataSource,
  filters: StatementFilters,
  interval: Interval,
  groupBy: Grouping,
  stances: ScaleStance[],
): BoundQuery {
  const { sql, params } = bucketed(dataSource, filters, interval, groupBy);
  const perStance = stances.map(({ id }) => `count(*) FILTER (WHERE stance_id = ${Number(id)})::int AS "stance_${Number(id)}"`);
  const idsOf = (bucket: string) =>
    `(SELECT array_agg(x.id ORDER BY x.id) FROM b x WHERE x.g = p.g AND x.bucket = ${bucket} AND x.score IS NOT NULL)`;
  return {
    sql: `${sql},
      a AS (
        SELECT g, bucket, count(*)::int AS statements, count(score)::int AS "withStance", sum(score)::bigint AS total,
               avg(score)::float8 AS "meanScore", (percentile_cont(0.5) WITHIN GROUP (ORDER BY score))::float8 AS "medianScore"
               ${perStance.map((column) => `, ${column}`).join('')}
        FROM b WHERE bucket IS NOT NULL GROUP BY g, bucket),
      l AS (
        SELECT a.*, lag(bucket) OVER w AS previous, lag(total) OVER w AS "previousTotal", lag("withStance") OVER w AS "previousWithStance",
               lag("meanScore") OVER w AS "previousMean"
        FROM a WHERE "withStance" > 0 WINDOW w AS (PARTITION BY g ORDER BY bucket)),
      p AS (
        SELECT a.*, l.previous, l."meanScore" - l."previousMean" AS delta,
               COALESCE(abs(l.total * l."previousWithStance" - l."previousTotal" * l."withStance") >= l."withStance" * l."previousWithStance", false) AS shifted
        FROM a LEFT JOIN l USING (g, bucket))
      SELECT p.*, CASE WHEN shifted THEN ${idsOf('p.previous')} END AS before, CASE WHEN shifted THEN ${idsOf('p.bucket')} END AS after
      FROM p ORDER BY g, bucket`,
    params,
  };
}

/** One row per group: its counts and the (first) ids of its imprecise statements, with the speaker's names when grouped by speaker. */
export function groupsQuery(dataSource: DataSource, filters: StatementFilters, interval: Interval, groupBy: Grouping): BoundQuery {
  const { sql, params } = bucketed(dataSource, filters, interval, groupBy);
  const speaker = groupBy === 'speaker';
  return {
    sql: `${sql},
      g AS (
        SELECT g, count(*)::int AS statements, count(bucket)::int AS placed, count(*) FILTER (WHERE score IS NULL)::int AS "withoutStance",
               count(*) FILTER (WHERE bucket IS NULL)::int AS imprecise,
               (array_agg(id ORDER BY id) FILTER (WHERE bucket IS NULL))[1:${IMPRECISE_IDS_LISTED}] AS "impreciseIds"
        FROM b GROUP BY g)
      SELECT g.*, ${speaker ? 'a.name, a.native_name AS "nativeName", a.country' : 'NULL AS name, NULL AS "nativeName", NULL AS country'}
      FROM g ${speaker ? 'JOIN actors a ON a.id = g.g::int' : ''}`,
    params,
  };
}
