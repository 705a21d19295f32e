import { HttpError } from 'react-admin';
import type { ChronicleDataProvider } from '../dataProvider';
import type { ImportCounts, ImportReport } from '../types';
import { unknownColumnIn, type UnknownColumn } from './columnMapping';
import type { ImportRequest } from './importRequest';

/** How often an import under way is asked for its progress. */
export const POLL_INTERVAL_MS = 500;

/** How many rows a report carries (the rest are read page by page at /api/imports/:id/rows). */
const REPORT_ROWS = 1000;

/** Why an import wrote nothing: the file could not be read, or (a commit) rows have errors. */
export interface ImportRefusal {
  message: string;
  /** Where → what is wrong: "row 4, date", a column's name, or "file". */
  errors: Record<string, string>;
  /** A column the server does not know: the wizard asks what it means. */
  unknownColumn?: UnknownColumn;
  /** The import's last report, when it was followed to its end. */
  report?: ImportReport;
}

export const rowsIn = (counts: ImportCounts) => counts.created + counts.updated + counts.unchanged + counts.failed;

/** "1 statement", "3 statements", "2 rows have". */
export const counted = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/**
 * Whether a report is the import's last word. A commit's report reads "finished" a moment
 * before its transaction has committed and its rows are read back from the database (the server
 * sets the status inside the transaction): until its rows are there, it is asked again, so that
 * the links to its statements and to its own page lead somewhere.
 */
export const isSettled = (report: ImportReport) =>
  report.status !== 'running' &&
  !(report.status === 'finished' && !report.dryRun && report.rows.length < Math.min(REPORT_ROWS, rowsIn(report.counts)));

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Sends the file and follows the import to its end: the server answers at once with the
 * import under way (202) when it takes longer than its wait, and then reports its progress.
 * Resolves with the last report (which may say it failed); rejects with the server's refusal.
 */
export async function runImport(
  dataProvider: ChronicleDataProvider,
  file: File,
  request: ImportRequest,
  onProgress: (report: ImportReport) => void,
  signal: AbortSignal,
): Promise<ImportReport> {
  let report = (await dataProvider.startImport(file, request, signal)).data;
  while (!isSettled(report)) {
    onProgress(report);
    await pause(POLL_INTERVAL_MS, signal);
    report = (await dataProvider.getOne<ImportReport>('imports', { id: report.id, signal })).data;
  }
  return report;
}

/** An import that ended without writing: as a refusal; undefined when it did what it was asked. */
export function refusalOfReport(report: ImportReport): ImportRefusal | undefined {
  if (report.error) {
    const { message, row, column } = report.error;
    const where = [row !== undefined ? `row ${row}` : '', column ?? ''].filter(Boolean).join(', ') || 'file';
    return { message, errors: { [where]: message }, unknownColumn: unknownColumnIn(message, column), report };
  }
  if (report.status !== 'failed') return undefined;
  const failed = report.counts.failed;
  const errors: Record<string, string> = {};
  for (const row of report.rows)
    for (const [column, reason] of Object.entries(row.errors ?? {})) errors[`row ${row.row}, ${column}`] = reason;
  return {
    message: `${counted(failed, 'row has', 'rows have')} errors; nothing was written.`,
    errors,
    report,
  };
}

/** A refusal from an error of the upload: the server's message and where it found what. */
export function refusalOfError(error: unknown): ImportRefusal {
  if (error instanceof HttpError) {
    const body = error.body as { message?: string; errors?: Record<string, string> } | undefined;
    const message = body?.message ?? error.message;
    const errors = body?.errors ?? {};
    // A file refused for a column names it: the key of its one error.
    const column = Object.keys(errors).find((where) => where !== 'file' && !where.startsWith('row '));
    return { message, errors, unknownColumn: unknownColumnIn(message, column) };
  }
  if (error instanceof TypeError) return { message: 'The server could not be reached. Try again in a moment.', errors: {} };
  return { message: error instanceof Error ? error.message : String(error), errors: {} };
}
