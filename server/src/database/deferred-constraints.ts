/** Anything that runs a query and returns its rows: a pg client or a TypeORM query runner. */
export type RunQuery = <T>(sql: string, parameters?: unknown[]) => Promise<T[]>;

export interface Deferred {
  drop: string;
  restore: string;
}

/**
 * Foreign keys and secondary indexes of the given tables, to drop before a large load and
 * restore after it: checked and built once, set-based, instead of row by row (a million rows
 * into GIN indexes one by one takes minutes). Their definitions are read from the database, so
 * what is restored is exactly what was there. Indexes behind a constraint (primary keys,
 * unique constraints) stay. Run inside the load's transaction: a failure puts everything back.
 */
export async function deferredConstraints(query: RunQuery, tables: string[]): Promise<{ foreignKeys: Deferred[]; indexes: Deferred[] }> {
  const foreignKeys = await query<Deferred>(
    `SELECT format('ALTER TABLE %I DROP CONSTRAINT %I', t.relname, c.conname) AS drop,
            format('ALTER TABLE %I ADD CONSTRAINT %I %s', t.relname, c.conname, pg_get_constraintdef(c.oid)) AS restore
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace AND t.relname = ANY($1)
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  const indexes = await query<Deferred>(
    `SELECT format('DROP INDEX %I', i.indexname) AS drop, i.indexdef AS restore FROM pg_indexes i
       JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = 'public'::regnamespace
       JOIN pg_index x ON x.indexrelid = c.oid
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
  return { foreignKeys, indexes };
}
