import { once } from 'node:events';
import { Writable } from 'node:stream';
import type { ClientBase } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  BackupHeader,
  BackupTrailer,
  END_OF_TABLE,
  quoteIdentifier,
  TableHeader,
} from './backup-format';
import { copyableColumns, RunQuery, tablesInLoadOrder } from './schema-catalog';

export interface BackupSummary {
  migrations: string[];
  rows: Record<string, number>;
}

async function write(out: Writable, data: string | Buffer): Promise<void> {
  if (!out.write(data)) await once(out, 'drain');
}

/**
 * Writes every table of the database to `out` (uncompressed; the caller gzips) from one
 * snapshot: a REPEATABLE READ, READ ONLY transaction, so a backup taken while curators work
 * is the database as it was at one instant, and it blocks none of their writes.
 */
export async function writeBackup(client: ClientBase, out: Writable): Promise<BackupSummary> {
  const query: RunQuery = async <T>(sql: string, parameters?: unknown[]) => (await client.query(sql, parameters)).rows as T[];
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const [{ exists }] = await query<{ exists: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`);
    if (!exists) throw new BackupError('This database has no Chronicle schema (no migrations table): nothing to back up.');
    const migrations = (await query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).map((row) => row.name);
    const [{ version }] = await query<{ version: string }>('SELECT version()');
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
      server: version,
    };
    await write(out, `${JSON.stringify(header)}\n`);

    const rows: Record<string, number> = {};
    for (const table of await tablesInLoadOrder(query)) {
      const columns = await copyableColumns(query, table);
      const tableHeader: TableHeader = { table, columns };
      await write(out, `${JSON.stringify(tableHeader)}\n`);
      const stream = client.query(copyTo(`COPY public.${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) TO STDOUT`));
      for await (const chunk of stream) await write(out, chunk as Buffer);
      rows[table] = stream.rowCount;
      await write(out, `${END_OF_TABLE}\n`);
    }
    const trailer: BackupTrailer = { end: true, rows };
    await write(out, `${JSON.stringify(trailer)}\n`);
    await client.query('COMMIT');
    return { migrations, rows };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
