import { once } from 'node:events';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { createDataSourceOptions, DEFAULT_DATABASE_TUNING } from '../database/data-source-options';
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
import { deferredConstraints } from '../database/deferred-constraints';
import { copyableColumns, resetSequences, RunQuery, tablesInLoadOrder } from './schema-catalog';

export interface RestoreOptions {
  databaseUrl: string;
  /** The backup, already decompressed. */
  input: Readable;
  /** Discard what the database holds (its schema is reverted by the migrations' own `down`). */
  replace: boolean;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: Record<string, number>;
}

const COPY_BATCH_CHARS = 1 << 16;

async function* linesOf(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let carry = '';
  for await (const chunk of input) {
    const parts = (carry + (chunk as string)).split('\n');
    carry = parts.pop()!;
    yield* parts;
  }
  if (carry) yield carry;
}

function parseLine<T>(line: string | undefined, what: string): T {
  if (line === undefined) throw new BackupError(`The backup ends early (expected ${what}): the file is truncated.`);
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(`The backup is damaged: expected ${what}, found "${line.slice(0, 80)}".`);
  }
}

function checkHeader(header: BackupHeader): void {
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Chronicle backup.');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `Backup format version ${header.formatVersion} is not supported (this Chronicle reads ${BACKUP_FORMAT_VERSION}).`,
    );
  }
  const known = MIGRATIONS.map((migration) => migration.name);
  const unknown = header.migrations.find((name, i) => known[i] !== name);
  if (unknown)
    throw new BackupError(
      `The backup's schema includes migration ${unknown}, which this version of Chronicle does not know: restore it with the version that made it.`,
    );
}

/**
 * Loads a backup into the database as one transaction: the schema is brought to the backup's
 * migrations, foreign keys, secondary indexes and triggers are set aside while the rows
 * stream in through COPY (each key checked and each index built once, set-based, not row by
 * row; the rows bring what the triggers computed), sequences move
 * past the restored ids, and the row counts must match the backup's closing line. Anything
 * wrong, a truncated file included, rolls it all back: the database is as it was.
 * A newer Chronicle applies its later migrations at its next start, as for any older database.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreSummary> {
  const lines = linesOf(options.input);
  const next = async () => (await lines.next()).value as string | undefined;
  const header = parseLine<BackupHeader>(await next(), 'the header');
  checkHeader(header);

  const backupMigrations = MIGRATIONS.slice(0, header.migrations.length);
  // No statement timeout: loading a million rows is one long COPY, not a stuck query.
  const connection = createDataSourceOptions(options.databaseUrl, { ...DEFAULT_DATABASE_TUNING, poolSize: 1, statementTimeoutMs: 0 });
  const dataSource = new DataSource({ ...connection, migrations: backupMigrations });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.startTransaction();
    try {
      const query: RunQuery = <T>(sql: string, parameters?: unknown[]) => runner.query(sql, parameters) as Promise<T[]>;
      await emptySchema(runner, query, options.replace);
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'none';
      await executor.executePendingMigrations();

      await query(`SET LOCAL maintenance_work_mem = '512MB'`);
      const tables = await tablesInLoadOrder(query);
      const deferred = await deferredConstraints(query, tables);
      for (const { drop } of [...deferred.foreignKeys, ...deferred.indexes]) await query(drop);
      // The rows carry what the triggers would compute (statements' search_text), as they were.
      for (const table of tables) await query(`ALTER TABLE public.${quoteIdentifier(table)} DISABLE TRIGGER USER`);
      const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
      const rows: Record<string, number> = {};
      for (;;) {
        const section = parseLine<TableHeader | BackupTrailer>(await next(), 'a table or the closing line');
        if (typeof section !== 'object' || section === null) {
          throw new BackupError(`The backup is damaged: expected a table or the closing line, found ${JSON.stringify(section)}.`);
        }
        if ('end' in section) {
          checkCounts(section.rows, rows);
          break;
        }
        checkTable(section, tables, rows);
        rows[section.table] = await copyTable(client, query, section, next);
      }
      for (const table of tables) await query(`ALTER TABLE public.${quoteIdentifier(table)} ENABLE TRIGGER USER`);
      for (const { restore } of [...deferred.indexes, ...deferred.foreignKeys]) await query(restore);
      await resetSequences(query, tables);
      await runner.commitTransaction();
      // Freshly loaded tables have no visibility map yet: without a VACUUM every index-only
      // scan (list pages, counts) reads the heap as well until autovacuum gets round to it.
      await query('VACUUM (ANALYZE)');
      return { header, rows };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/** Leaves the database without Chronicle's tables, refusing to discard data unless told to. */
async function emptySchema(runner: QueryRunner, query: RunQuery, replace: boolean): Promise<void> {
  const [{ exists }] = await query<{ exists: boolean }>(`SELECT to_regclass('public.migrations') IS NOT NULL AS exists`);
  if (!exists) return;
  const held: string[] = [];
  for (const table of await tablesInLoadOrder(query)) {
    const [{ count }] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM public.${quoteIdentifier(table)}`);
    if (count > 0) held.push(`${count} ${table}`);
  }
  if (held.length && !replace) {
    throw new BackupError(
      `The database already holds Chronicle data (${held.join(', ')}): restore into an empty database, or pass --replace to discard it.`,
    );
  }
  const executed = (await query<{ name: string }>('SELECT name FROM migrations ORDER BY id DESC')).map((row) => row.name);
  for (const name of executed) {
    const migration = MIGRATIONS.find((candidate) => candidate.name === name);
    if (!migration) throw new BackupError(`The database has run migration ${name}, unknown to this Chronicle: it cannot be reverted here.`);
    await new migration().down(runner);
    await query('DELETE FROM migrations WHERE name = $1', [name]);
  }
  // Empty now: the replayed migrations get the ids they had in the backed-up database.
  await query('TRUNCATE migrations RESTART IDENTITY');
}

/**
 * A section may load only one of the tables the backup's migrations made (not TypeORM's own
 * `migrations` or `typeorm_metadata`, which the replay wrote), and each once: a file that
 * adds rows elsewhere, or lists a table twice to slip rows past the closing line's count, is
 * damaged or forged, and refused whole.
 */
function checkTable(section: TableHeader, tables: string[], loaded: Record<string, number>): void {
  const { table, columns } = section;
  if (typeof table !== 'string' || !tables.includes(table)) {
    throw new BackupError(
      `The backup has a table ${JSON.stringify(table)}, which is not one of Chronicle's tables (${tables.join(', ')}): the file is damaged.`,
    );
  }
  if (Object.hasOwn(loaded, table)) throw new BackupError(`The backup lists table ${table} twice: the file is damaged.`);
  if (!Array.isArray(columns) || !columns.every((column) => typeof column === 'string')) {
    throw new BackupError(`The backup's table ${table} names no list of columns: the file is damaged.`);
  }
}

async function copyTable(
  client: PoolClient,
  query: RunQuery,
  section: TableHeader,
  next: () => Promise<string | undefined>,
): Promise<number> {
  const present = await copyableColumns(query, section.table).catch(() => [] as string[]);
  const missing = section.columns.filter((column) => !present.includes(column));
  if (!present.length || missing.length) {
    throw new BackupError(
      `The backup's table ${section.table} (${missing.join(', ') || 'the table'}) does not fit the schema of its migrations: the file is damaged.`,
    );
  }
  const copy = client.query(
    copyFrom(`COPY public.${quoteIdentifier(section.table)} (${section.columns.map(quoteIdentifier).join(', ')}) FROM STDIN`),
  );
  const done = finished(copy);
  done.catch(() => undefined);
  try {
    let batch = '';
    for (;;) {
      const line = await next();
      if (line === undefined) throw new BackupError(`The backup ends inside table ${section.table}: the file is truncated.`);
      if (line === END_OF_TABLE) break;
      batch += `${line}\n`;
      if (batch.length >= COPY_BATCH_CHARS) {
        if (!copy.write(batch)) await Promise.race([once(copy, 'drain'), done]);
        batch = '';
      }
    }
    copy.end(batch);
    await done;
    return copy.rowCount;
  } catch (error) {
    // Whatever stopped the rows (a truncated file, gzip's "invalid distance" in a damaged one),
    // the COPY must be abandoned (CopyFail) before anything else is sent on this connection:
    // the ROLLBACK that follows would otherwise queue behind a COPY that never ends, and the
    // restore would hang holding its locks.
    copy.destroy();
    await done.catch(() => undefined);
    throw error;
  }
}

function checkCounts(expected: Record<string, number>, restored: Record<string, number>): void {
  for (const table of new Set([...Object.keys(expected), ...Object.keys(restored)])) {
    if (expected[table] !== restored[table]) {
      throw new BackupError(
        `Table ${table}: the backup says ${expected[table] ?? 0} rows, ${restored[table] ?? 0} were read: the file is damaged.`,
      );
    }
  }
}
