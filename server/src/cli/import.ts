/**
 * `npm run import -- FILE [--dry-run] [--create-missing actors,topics,sources] [--skip-invalid]
 *                      [--sheet NAME] [--map "Speaker name=speaker"]… [--as EMAIL]`
 *
 * Imports a file of statements (CSV, XLSX, NDJSON, JSON, by its extension) into the database
 * (DATABASE_URL, or the embedded one under .data/) through the same code as POST /api/imports,
 * with a progress bar and the same report. Exits 1 when any row failed or the file could not be
 * read (then nothing was written, unless --skip-invalid).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { migrate } from '../database/migrate';
import { openDatabase } from '../database/open-database';
import { describeRowError, ImportsService } from '../imports/imports.service';
import { ImportReport } from '../imports/import-report';
import { formatOfFileName } from '../imports/readers/open-table';
import { CREATABLE } from '../imports/statement-import-writer';

class UsageError extends Error {}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'create-missing': { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      map: { type: 'string', multiple: true },
      as: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('Give one file: npm run import -- coding.csv [--dry-run]');
  const file = path.resolve(positionals[0]);
  const format = formatOfFileName(file);
  if (!format) throw new UsageError(`${positionals[0]}: the extension must be .csv, .tsv, .xlsx, .ndjson, .jsonl or .json`);
  const createMissing = (values['create-missing'] ?? '').split(',').filter(Boolean);
  const unknown = createMissing.filter((c) => !(CREATABLE as readonly string[]).includes(c));
  if (unknown.length) throw new UsageError(`--create-missing takes ${CREATABLE.join(', ')}, not ${unknown.join(', ')}`);
  const map: Record<string, string> = {};
  for (const entry of values.map ?? []) {
    const at = entry.lastIndexOf('=');
    if (at < 1) throw new UsageError(`--map "File column=column" (or =ignore), not "${entry}"`);
    map[entry.slice(0, at)] = entry.slice(at + 1);
  }
  return {
    file,
    format,
    as: values.as,
    importOptions: {
      dryRun: values['dry-run'],
      createMissing: createMissing as (typeof CREATABLE)[number][],
      skipInvalid: values['skip-invalid'],
      ...(values.sheet ? { sheet: values.sheet } : {}),
      map,
    },
  };
}

function printReport(report: ImportReport): void {
  const { created, updated, unchanged, failed } = report.counts;
  const verb = report.dryRun
    ? 'Dry run (nothing written)'
    : report.status === 'finished'
      ? `Import ${report.id}`
      : `Import ${report.id} wrote nothing`;
  console.log(
    `${verb}: ${created} created, ${updated} updated, ${unchanged} unchanged, ${failed} failed, of ${report.totalRows ?? 0} rows.`,
  );
  if (report.error) {
    const where = [report.error.row !== undefined ? `row ${report.error.row}` : '', report.error.column ?? ''].filter(Boolean).join(', ');
    console.log(`  ${where ? `${where}: ` : ''}${report.error.message}`);
  }
  for (const row of report.rows.filter((r) => r.outcome === 'failed').slice(0, 50)) {
    for (const [column, reason] of Object.entries(row.errors ?? {})) console.log(`  row ${row.row}: ${describeRowError(column, reason)}`);
  }
  if (failed > 50) console.log(`  … ${failed - 50} more failed rows (GET /api/imports/${report.id}/rows?outcome=failed)`);
  const madeUp = report.references.filter((r) => r.by === 'created');
  if (madeUp.length)
    console.log(
      `  ${report.dryRun ? 'Would create' : 'Created'}: ${madeUp.map((r) => `${r.collection.slice(0, -1)} "${r.label}"`).join(', ')}`,
    );
  const loose = report.references.filter((r) => r.by === 'part of a name');
  for (const r of loose) console.log(`  "${r.text}" was read as ${r.label} (${r.collection.slice(0, -1)} ${r.id}): check it`);
}

async function main(): Promise<void> {
  const { file, format, as, importOptions } = options();
  const config = loadConfig();
  const { url: databaseUrl, embedded } = await openDatabase(config);
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl, auth: config.auth, imports: config.imports }), {
      logger: ['warn', 'error'],
    });
    try {
      const dataSource = app.get(DataSource);
      await migrate(dataSource);
      const email = as ?? config.auth.adminEmail;
      const [author] = await dataSource.query<{ id: number }[]>(
        email
          ? 'SELECT id FROM users WHERE lower(email) = lower($1) AND active'
          : "SELECT id FROM users WHERE role = 'admin' AND active ORDER BY id LIMIT 1",
        email ? [email] : [],
      );
      if (!author)
        throw new UsageError(
          email ? `No active account has the email ${email} (--as)` : 'The database has no admin account yet: start Chronicle once',
        );
      const { size } = await stat(file);
      const spooled = { path: file, bytes: size, remove: async () => undefined };
      const run = await app.get(ImportsService).start(spooled, { format }, importOptions, author, path.basename(file));
      const bar = new SingleBar({ format: '{bar} {value}/{total} rows', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      bar.start(1, 0);
      const timer = setInterval(() => {
        bar.setTotal(Math.max(1, run.report.totalRows ?? 1));
        bar.update(run.report.processedRows);
      }, 200);
      await run.done.finally(() => {
        clearInterval(timer);
        bar.stop();
      });
      if (run.failure) throw run.failure;
      printReport(run.report);
      if (run.report.error || run.report.counts.failed) process.exitCode = 1;
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof UsageError ? error.message : `Import failed; nothing was written: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
});
