import { Injectable } from '@nestjs/common';
import type { ImportReport } from './import-report';
import type { ImportFileError } from './readers/source-rows';
import type { RowReport } from './statement-import-writer';

/** An import this process is running, or a dry run it finished: what GET /api/imports/{id} reports from memory. */
export interface ImportRun {
  report: ImportReport;
  /** The rows of a dry run or a failed import (a committed import's are in import_rows): failures, then the first others, up to DRY_RUN_ROWS. */
  rows: RowReport[];
  /** When a finished dry run is forgotten. */
  expiresAt?: number;
  done: Promise<void>;
  /** What stopped it, when the server (not the file) was at fault: the upload answers with it (500, 503). */
  failure?: unknown;
  /** Why the file could not be read: the upload answers with it (400, 413, 415), naming the row and column. */
  fileError?: ImportFileError;
}

/** How many rows of a dry run's report are kept (failures first). */
export const DRY_RUN_ROWS = 20_000;
/** How long a dry run's report is kept: it was never stored, and a restart forgets it too. */
const DRY_RUN_TTL_MS = 60 * 60 * 1000;
/** At most this many finished dry runs are kept. */
const MAX_DRY_RUNS = 50;

/**
 * The imports under way in this process (their progress is not in the database until they
 * commit: they run in one transaction) and the dry runs' reports, which are never stored.
 */
@Injectable()
export class ImportRuns {
  private readonly runs = new Map<number, ImportRun>();

  add(run: ImportRun): void {
    this.forgetExpired();
    this.runs.set(run.report.id, run);
  }

  get(id: number): ImportRun | undefined {
    this.forgetExpired();
    return this.runs.get(id);
  }

  /**
   * A committed import is read from the database from now on; a dry run's report, and that of
   * an import that wrote nothing (a bad file, rows with errors), stay here for a while: they
   * were never stored, as a refused request stores nothing.
   */
  finished(id: number): void {
    const run = this.runs.get(id);
    if (!run) return;
    if (run.report.dryRun || run.report.status === 'failed') run.expiresAt = Date.now() + DRY_RUN_TTL_MS;
    else this.runs.delete(id);
  }

  /** Imports under way, newest first. */
  running(): ImportRun[] {
    return [...this.runs.values()].filter((run) => run.report.status === 'running').reverse();
  }

  private forgetExpired(): void {
    const now = Date.now();
    const dryRuns = [...this.runs.values()].filter((run) => run.expiresAt !== undefined);
    for (const run of dryRuns) if (run.expiresAt! < now) this.runs.delete(run.report.id);
    for (const run of dryRuns.slice(0, Math.max(0, dryRuns.length - MAX_DRY_RUNS))) this.runs.delete(run.report.id);
  }
}
