import { DataSource } from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { Stance } from '../stances/stance.entity';
import { filteredStatements, STATEMENT_TABLE } from '../statements/statement-query';
import { EXPORT_COLUMNS, REPORT_COLUMNS } from './export-columns';
import { EXPORT_FORMATS } from './export-formats';
import { ExportRequest } from './export-request';

/**
 * The export's SELECT: the shared statement filters and the list's ORDER BY (sort field,
 * then id) — the same rows in the same order as the list — with names joined in.
 */
export function buildExportQuery(dataSource: DataSource, request: ExportRequest): { sql: string; params: unknown[] } {
  const qb = filteredStatements(dataSource, request.filters)
    .innerJoin(Actor, 'speaker', 'speaker.id = s.speaker_id')
    .leftJoin(Stance, 'stance', 'stance.id = s.stance_id')
    .select([]);
  const columns: [string, string][] = EXPORT_FORMATS[request.format].flat
    ? request.columns.map((name) => [name, EXPORT_COLUMNS[name].sql])
    : Object.entries(REPORT_COLUMNS);
  for (const [alias, sql] of columns) qb.addSelect(sql, alias);
  qb.orderBy(STATEMENT_TABLE.sortSql[request.sort.field], request.sort.order).addOrderBy('s.id', request.sort.order);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}
