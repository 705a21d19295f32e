import { DataSource } from 'typeorm';
import { filteredStatements, referenceJoins, STATEMENT_TABLE } from '../statements/statement-query';
import { EXPORT_COLUMNS, exportsReferenceColumns, REPORT_COLUMNS } from './export-columns';
import { EXPORT_FORMATS } from './export-formats';
import { ExportRequest } from './export-request';

/** The speaker and the stance, and any other reference whose columns the export reads. */
const JOINS = referenceJoins(exportsReferenceColumns);

/**
 * The export's SELECT: the shared statement filters and the list's ORDER BY (sort field,
 * then id) — the same rows in the same order as the list — with names joined in.
 */
export function buildExportQuery(dataSource: DataSource, request: ExportRequest): { sql: string; params: unknown[] } {
  const columns: [string, string][] = EXPORT_FORMATS[request.format].flat
    ? request.columns.map((name) => [name, EXPORT_COLUMNS[name].sql])
    : Object.entries(REPORT_COLUMNS);
  return statementRowsQuery(dataSource, request, columns);
}

/**
 * The statements matching `filters`, in the list's order, with the speaker, stance and other
 * references joined in (as `speaker.name`, `stance.name`, …) and `columns` (alias, SQL) selected:
 * what every export, and a snapshot, reads.
 */
export function statementRowsQuery(
  dataSource: DataSource,
  request: Pick<ExportRequest, 'filters' | 'sort'> & { withTrashed?: boolean },
  columns: [string, string][],
): { sql: string; params: unknown[] } {
  const qb = filteredStatements(dataSource, request.filters, request.withTrashed).select([]);
  for (const join of JOINS) {
    if (join.inner) qb.innerJoin(join.table, join.alias, join.on);
    else qb.leftJoin(join.table, join.alias, join.on);
  }
  for (const [alias, sql] of columns) qb.addSelect(sql, alias);
  const { field, order, idOrder } = request.sort;
  if (idOrder) qb.orderBy('array_position(CAST(:idOrder AS int[]), s.id)', 'ASC').setParameter('idOrder', [...idOrder]);
  else qb.orderBy(STATEMENT_TABLE.sortSql[field], order).addOrderBy('s.id', order);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}
