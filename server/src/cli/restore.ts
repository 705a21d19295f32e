/**
 * `npm run restore -- FILE [--replace]`: loads a backup made by `npm run backup` into the
 * database (DATABASE_URL, or the embedded one under DATA_DIR), all or nothing. An empty
 * database is filled; one that holds Chronicle data is replaced only with --replace.
 * Stop the server first: requests during a restore wait on its locks, then see the new data.
 */
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { BackupError } from '../backup/backup-format';
import { restoreBackup } from '../backup/restore-backup';
import { ConfigError, loadConfig } from '../config/app-config';
import { EmbeddedDatabaseError } from '../database/embedded-postgres';
import { openDatabase } from '../database/open-database';

async function main(): Promise<void> {
  const started = Date.now();
  const args = process.argv.slice(2);
  const file = args.find((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--replace');
  if (!file || unknown.length) throw new ConfigError('Usage: npm run restore -- <file.backup.gz> [--replace]');
  const config = loadConfig();
  const { url, embedded } = await openDatabase(config, (message) => console.error(message), { shareRunning: true });
  try {
    const input = createGunzip();
    pipeline(createReadStream(path.resolve(file)), input, () => undefined);
    const { header, rows } = await restoreBackup({ databaseUrl: url, input, replace: args.includes('--replace') });
    const counts = Object.entries(rows)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ');
    console.log(
      `Restored ${file} (taken ${header.createdAt}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n  schema: ${header.migrations.at(-1)}\n  rows: ${counts}`,
    );
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  console.error('Restore failed; the database is unchanged:', known ? error.message : error);
  process.exit(1);
});
