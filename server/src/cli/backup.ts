/**
 * `npm run backup [-- --out FILE]`: the whole database (DATABASE_URL, or the embedded one under
 * DATA_DIR, also while Chronicle runs) as one consistent snapshot, gzipped, to
 * backups/chronicle-<time>.backup.gz. The file holds password and token hashes: it is
 * written readable by its owner only.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { BackupError } from '../backup/backup-format';
import { writeBackup } from '../backup/write-backup';
import { ConfigError, loadConfig } from '../config/app-config';
import { EmbeddedDatabaseError } from '../database/embedded-postgres';
import { openDatabase } from '../database/open-database';

function outputFile(args: string[]): string {
  const at = args.indexOf('--out');
  if (at >= 0) {
    if (!args[at + 1]) throw new ConfigError('--out needs a file name');
    return path.resolve(args[at + 1]);
  }
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return path.resolve('backups', `chronicle-${stamp}.backup.gz`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const file = outputFile(process.argv.slice(2));
  const config = loadConfig();
  const { url, embedded } = await openDatabase(config, (message) => console.error(message), { shareRunning: true });
  const client = new Client({ connectionString: url, application_name: 'chronicle-backup' });
  // A connection lost mid-backup fails the running query (reported below); unheard, its 'error' event would end the process first.
  client.on('error', () => undefined);
  const partial = `${file}.partial`;
  try {
    await client.connect();
    await mkdir(path.dirname(file), { recursive: true });
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    const summary = await writeBackup(client, gzip).finally(() => gzip.end());
    await written;
    await rename(partial, file);
    const { size } = await stat(file);
    const rows = Object.entries(summary.rows)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ');
    console.log(
      `Backed up to ${file} (${(size / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)\n  schema: ${summary.migrations.at(-1)}\n  rows: ${rows}`,
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof BackupError || error instanceof ConfigError || error instanceof EmbeddedDatabaseError;
  console.error('Backup failed; no file was written:', known ? error.message : error);
  process.exit(1);
});
