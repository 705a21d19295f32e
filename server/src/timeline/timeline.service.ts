import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { clauseParams, filterClauses, selectList } from '../records/list-query/collection-reader';
import { bindNamed, shapeKey, SqlShapes } from '../records/list-query/sql-shapes';
import { countMatching, exactCountLimit, plannerEstimate } from '../records/list-query/count-matching';
import { fieldColumns } from '../records/fields/field-rules';
import { filteredStatements, joinClauses, referenceJoins, STATEMENT_TABLE, StatementFilters } from '../statements/statement-query';
import { STATEMENT_FIELDS, StatementField } from '../statements/statement.fields';
import { encodeCursor, TimelineCursor, TimelineOrder } from './timeline-cursor';

// Nested values are `to_json` of sub-rows, never json_build_object or json_agg: those space
// their output (`"id" : 1`, `}, {`), and the page goes out as PostgreSQL writes it, which must
// be the text JSON.stringify would give (timeline.e2e-spec.ts checks).
const objectOf = (columns: string) => `(SELECT to_json(o) FROM (SELECT ${columns}) o)`;
const qualified = (alias: string, select: string[]) => select.map((column) => `${alias}.${column}`).join(', ');

/** The SQL of a timeline entry's key for one field, by its `timeline` role; undefined when it has none. */
function entryColumn(name: string, field: StatementField, read: Record<string, string>): [string, string] | undefined {
  const role = field.timeline;
  if (role === false) return undefined;
  if (role === true) return [name, read[name]];
  const { storage } = field;
  if (storage.kind === 'reference') {
    const object = objectOf(qualified(storage.relation, role.select));
    return [role.as, field.required ? object : `CASE WHEN ${storage.relation}.id IS NULL THEN NULL ELSE ${object} END`];
  }
  if (storage.kind === 'links') {
    return [
      role.as,
      `COALESCE((SELECT ('[' || string_agg(${objectOf(qualified('x', role.select))}::text, ',' ORDER BY l.position) || ']')::json
                 FROM ${storage.table} l JOIN ${storage.linkedTable} x ON x.id = l.${storage.linkedColumn}
                 WHERE l.${storage.recordColumn} = s.id), '[]'::json)`,
    ];
  }
  throw new Error(`${name}: a timeline role with \`as\` is for references and link lists`);
}

/**
 * Timeline columns: id, then each field by its `timeline` role (speaker, stance, participants and topics joined in),
 * then the entry's place in an exchange (respondsTo, replyCount).
 */
const TIMELINE_COLUMNS: Record<string, string> = {
  id: 's.id',
  ...Object.fromEntries(
    Object.entries(STATEMENT_FIELDS as Record<string, StatementField>).flatMap(([name, field]) => {
      const column = entryColumn(name, field, fieldColumns(STATEMENT_FIELDS, 's'));
      return column ? [column] : [];
    }),
  ),
  // The exchange: what the entry replies to (live statements only, as the card links to it), and how many reply to it.
  respondsTo: `(SELECT to_json(o) FROM (SELECT rt.id, rt.display_date AS "displayDate", rt.headline,
                 ${objectOf('ra.id, ra.name')} AS speaker
               FROM statements rt JOIN actors ra ON ra.id = rt.speaker_id
               WHERE rt.id = s.responds_to_id AND rt.deleted_at IS NULL) o)`,
  replyCount: '(SELECT count(*)::int FROM statements r WHERE r.responds_to_id = s.id AND r.deleted_at IS NULL)',
};

/** The records the entries name, joined: the speaker, the stance. */
const TIMELINE_JOINS = joinClauses(referenceJoins((field) => typeof field.timeline === 'object'));

export interface TimelineRequest {
  filters: StatementFilters;
  order: TimelineOrder;
  limit: number;
  after?: TimelineCursor;
}

/** Timeline and count SQL per shape of request (sql-shapes.ts). */
const pageShapes = new SqlShapes();
const countShapes = new SqlShapes();

@Injectable()
export class TimelineService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One page of the chronological timeline, continued by keyset on (dateStart, id), as the
   * JSON the API sends. PostgreSQL writes the entries (as for collection lists,
   * readPageAsJson): one row holding them, how many ids there were (one more than the page
   * says whether another follows), the last entry's key for the cursor and, when the planner
   * expects few matches, the exact total — one statement per page.
   */
  async page({ filters, order, limit, after }: TimelineRequest): Promise<string> {
    const clauses = filterClauses(filters, STATEMENT_TABLE.filterSql);
    const filterShape = shapeKey(...clauses.map((clause) => clause.sql));
    const params = {
      ...clauseParams(clauses),
      pageLimit: limit + 1,
      entryLimit: limit,
      ...(after ? { afterDate: after.dateStart, afterId: after.id } : {}),
    };
    const matchingText = countShapes.text(filterShape, () => filteredStatements(this.dataSource, filters).select('1').getQuery());
    const matching = bindNamed(this.dataSource, matchingText, params);
    const first = !after;
    const estimate = await plannerEstimate(this.dataSource, matching);
    // A first page expected to hold every match is its own total: no count in PostgreSQL.
    const counted = estimate <= exactCountLimit() && !(first && estimate < limit);
    const text = pageShapes.text(shapeKey(order, Boolean(after), counted, filterShape), () => {
      const direction = order === 'asc' ? 'ASC' : 'DESC';
      const ids = filteredStatements(this.dataSource, filters).select('s.id');
      if (after) ids.andWhere(`(s.date_start, s.id) ${order === 'asc' ? '>' : '<'} (CAST(:afterDate AS date), :afterId)`);
      ids.orderBy('s.date_start', direction).addOrderBy('s.id', direction);
      const shown = 'FILTER (WHERE page.ord <= :entryLimit)';
      // Late row lookup, as for lists: the page's ids by index, then the joins for those rows only.
      return (
        `SELECT '[' || COALESCE(string_agg(page.row::text, ',' ORDER BY page.ord) ${shown}, '') || ']' AS "json",` +
        ` count(*)::int AS "returned",` +
        ` (array_agg(page.date_start::text ORDER BY page.ord DESC) ${shown})[1] AS "lastDateStart",` +
        ` (array_agg(page.id ORDER BY page.ord DESC) ${shown})[1] AS "lastId"` +
        (counted ? `, (SELECT count(*)::int FROM (${matchingText}) matching) AS "counted"` : '') +
        ` FROM (SELECT ids.ord, s.id, s.date_start, (SELECT to_json(r) FROM (SELECT ${selectList(TIMELINE_COLUMNS)}) r) AS row` +
        ` FROM unnest(ARRAY(${ids.getQuery()} LIMIT :pageLimit)) WITH ORDINALITY AS ids(id, ord)` +
        ` JOIN statements s ON s.id = ids.id ${TIMELINE_JOINS}) page`
      );
    });
    const page = bindNamed(this.dataSource, text, params);
    const [row] = await this.dataSource.query<TimelinePageRow[]>(page.sql, page.values);
    const hasMore = row.returned > limit;
    const nextCursor =
      hasMore && row.lastDateStart !== null ? encodeCursor({ dateStart: row.lastDateStart, id: row.lastId!, order }) : null;
    const proven = first && !hasMore;
    // The estimate was wrong about a first page: count now, as lists do.
    const count =
      proven || row.counted !== undefined || estimate > exactCountLimit() ? undefined : await countMatching(this.dataSource, matching);
    const total = proven ? row.returned : (row.counted ?? count?.total ?? estimate);
    const estimated = !proven && row.counted === undefined && !count;
    // Key order as TimelinePage declares it: entries, nextCursor, total, totalEstimated.
    return `{"entries":${row.json},"nextCursor":${JSON.stringify(nextCursor)},"total":${total}${estimated ? ',"totalEstimated":true' : ''}}`;
  }
}

interface TimelinePageRow {
  json: string;
  returned: number;
  lastDateStart: string | null;
  lastId: number | null;
  counted?: number;
}
