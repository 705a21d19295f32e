import { Injectable } from '@nestjs/common';
import { DataSource, ObjectLiteral } from 'typeorm';
import { clauseParams, filterClauses, selectList } from '../common/list-query/collection-reader';
import { bindNamed, shapeKey, SqlShapes } from '../common/list-query/sql-shapes';
import { countMatching } from '../common/list-query/count-matching';
import { filteredStatements, STATEMENT_TABLE, StatementFilters } from '../statements/statement-query';
import { encodeCursor, TimelineCursor, TimelineOrder } from './timeline-cursor';
import { TimelineEntry, TimelinePage } from './timeline.dto';

const namedList = (linkTable: string, column: string, table: string) =>
  `COALESCE((SELECT json_agg(json_build_object('id', x.id, 'name', x.name) ORDER BY l.position)
             FROM ${linkTable} l JOIN ${table} x ON x.id = l.${column} WHERE l.statement_id = s.id), '[]'::json)`;

/** Timeline columns: the statement with its speaker, stance, participants and topics joined in. */
const TIMELINE_COLUMNS: Record<string, string> = {
  id: 's.id',
  date: 's.date',
  dateStart: 's.date_start',
  dateEnd: 's.date_end',
  displayDate: 's.display_date',
  type: 's.type',
  status: 's.status',
  headline: 's.headline',
  quote: 's.quote',
  quoteLanguage: 's.quote_language',
  summary: 's.summary',
  speaker: `json_build_object('id', speaker.id, 'name', speaker.name, 'nativeName', speaker.native_name)`,
  speakerTitle: 's.speaker_title',
  participants: namedList('statement_participants', 'actor_id', 'actors'),
  stance: `CASE WHEN stance.id IS NULL THEN NULL
           ELSE json_build_object('id', stance.id, 'name', stance.name, 'score', stance.score, 'color', stance.color) END`,
  topics: namedList('statement_topics', 'topic_id', 'topics'),
  respondsToId: 's.responds_to_id',
  venue: 's.venue',
  location: 's.location',
  reviewStatus: 's.review_status',
};

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

  /** One page of the chronological timeline, continued by keyset on (dateStart, id). */
  async page({ filters, order, limit, after }: TimelineRequest): Promise<TimelinePage> {
    const clauses = filterClauses(filters, STATEMENT_TABLE.filterSql);
    const filterShape = shapeKey(...clauses.map((clause) => clause.sql));
    const params = {
      ...clauseParams(clauses),
      pageLimit: limit + 1,
      ...(after ? { afterDate: after.dateStart, afterId: after.id } : {}),
    };
    const text = pageShapes.text(shapeKey(order, Boolean(after), filterShape), () => {
      const direction = order === 'asc' ? 'ASC' : 'DESC';
      const ids = filteredStatements(this.dataSource, filters).select('s.id');
      if (after) ids.andWhere(`(s.date_start, s.id) ${order === 'asc' ? '>' : '<'} (CAST(:afterDate AS date), :afterId)`);
      ids.orderBy('s.date_start', direction).addOrderBy('s.id', direction);
      // Late row lookup, as for lists: the page's ids by index, then the joins for those rows only.
      return (
        `SELECT ${selectList(TIMELINE_COLUMNS)} FROM statements s` +
        ' JOIN actors speaker ON speaker.id = s.speaker_id LEFT JOIN stances stance ON stance.id = s.stance_id' +
        ` WHERE s.id = ANY(ARRAY(${ids.getQuery()} LIMIT :pageLimit))` +
        ` ORDER BY s.date_start ${direction}, s.id ${direction}`
      );
    });
    const page = bindNamed(this.dataSource, text, params);

    const entries = (await this.dataSource.query(page.sql, page.values)) as TimelineEntry[];
    const hasMore = entries.length > limit;
    if (hasMore) entries.pop();
    const last = entries.at(-1);
    // A first page that holds everything is its own count; otherwise counted as lists are.
    const count = !after && !hasMore ? { total: entries.length, estimated: false } : await this.count(filters, filterShape, params);
    return {
      entries,
      nextCursor: hasMore && last ? encodeCursor({ dateStart: last.dateStart, id: last.id, order }) : null,
      total: count.total,
      ...(count.estimated ? { totalEstimated: true } : {}),
    };
  }

  private count(filters: StatementFilters, filterShape: string, params: ObjectLiteral) {
    const text = countShapes.text(filterShape, () => filteredStatements(this.dataSource, filters).select('1').getQuery());
    return countMatching(this.dataSource, bindNamed(this.dataSource, text, params));
  }
}
