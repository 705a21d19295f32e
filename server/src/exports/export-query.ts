import { DataSource } from 'typeorm';
import { filterClauses } from '../records/list-query/collection-reader';
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
    : reportColumns(request);
  return statementRowsQuery(dataSource, request, columns);
}

/**
 * What a report reads per entry (REPORT_COLUMNS), and whether the statement it replies to is in
 * the same report: whether it matches the same filters. A correlated EXISTS, one lookup by id per
 * reply, so that a report streams without first collecting its ids. Inside it the filters' `s`
 * is the statement replied to; the outer row's reference comes in through a derived table (a
 * FROM item that is not LATERAL sees the outer query's `s`, not its sibling's). The filters'
 * parameters are the outer query's, by the same names and with the same values.
 */
export function reportColumns(request: Pick<ExportRequest, 'filters'> & { withTrashed?: boolean }): [string, string][] {
  const conditions = [
    ...(request.withTrashed ? [] : ['s.deleted_at IS NULL']),
    ...filterClauses(request.filters, STATEMENT_TABLE.filterSql).map((clause) => `(${clause.sql})`),
  ];
  const inReport =
    'SELECT 1 FROM (SELECT s.responds_to_id AS id) reply_target JOIN statements s ON s.id = reply_target.id' +
    (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');
  return [
    ...Object.entries(REPORT_COLUMNS),
    ['respondsToInReport', `CASE WHEN s.responds_to_id IS NULL THEN NULL ELSE EXISTS (${inReport}) END`],
  ];
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
