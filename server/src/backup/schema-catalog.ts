import { quoteIdentifier } from './backup-format';

import type { RunQuery } from '../database/deferred-constraints';

export type { RunQuery };

/**
 * Chronicle's tables in the public schema, parents before children. Not TypeORM's
 * `migrations` and `typeorm_metadata` (the expressions of generated columns): replaying the
 * backup's migrations writes both.
 */
export async function tablesInLoadOrder(query: RunQuery): Promise<string[]> {
  const tables = (
    await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('migrations', 'typeorm_metadata') ORDER BY c.relname`,
    )
  ).map((row) => row.name);
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const edge of await query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint k
     JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace`,
  )) {
    if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  }
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    for (const parent of parents.get(table) ?? []) visit(parent, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/** Columns a COPY can write back: generated columns are computed, not stored from input. */
export async function copyableColumns(query: RunQuery, table: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${quoteIdentifier(table)}`],
  );
  return rows.map((row) => row.name);
}

/** Moves every serial/identity sequence past the highest id restored, so new rows never collide. */
export async function resetSequences(query: RunQuery, tables: string[]): Promise<void> {
  for (const table of tables) {
    const sequences = await query<{ column: string; sequence: string }>(
      `SELECT a.attname AS column, pg_get_serial_sequence($1, a.attname) AS sequence FROM pg_attribute a
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND pg_get_serial_sequence($1, a.attname) IS NOT NULL`,
      [`public.${quoteIdentifier(table)}`],
    );
    for (const { column, sequence } of sequences) {
      await query(
        `SELECT setval($1, COALESCE((SELECT max(${quoteIdentifier(column)}) FROM public.${quoteIdentifier(table)}), 0) + 1, false)`,
        [sequence],
      );
    }
  }
}
