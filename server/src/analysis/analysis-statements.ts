import { DataSource } from 'typeorm';
import { filteredStatements, StatementFilters } from '../statements/statement-query';

/** SQL with positional parameters ($1 …), as `pg` takes it. */
export interface BoundQuery {
  sql: string;
  params: unknown[];
}

/**
 * The statements an analysis reads: the live statements matching the list's filters (the same
 * builder as the list, the timeline and the exports), as SQL to use as a CTE, with `columns`
 * (alias → SQL over `s`) selected. Later parameters of the caller start at `params.length + 1`.
 */
export function analysedStatements(dataSource: DataSource, filters: StatementFilters, columns: Record<string, string>): BoundQuery {
  const qb = filteredStatements(dataSource, filters).select([]);
  for (const [alias, sql] of Object.entries(columns)) qb.addSelect(sql, alias);
  const [sql, params] = qb.getQueryAndParameters();
  return { sql, params };
}
