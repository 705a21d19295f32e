import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActorsService } from '../actors/actors.service';
import { badRequest, conflict, notFound } from '../kernel/errors/api-errors';
import type { RecordAuthor } from '../records/collection/record-author';
import { RECORD_HISTORY, RecordHistory } from '../records/collection/record-history';
import { SourcesService } from '../sources/sources.service';
import { StatementsService } from '../statements/statements.service';
import { TopicsService } from '../topics/topics.service';
import { ColumnMeanings } from './import-columns';
import { ImportCounts, ImportOptions, ImportReport, REPORT_ROWS } from './import-report';
import { DRY_RUN_ROWS, ImportRun, ImportRuns } from './import-runs';
import { ImportEntity } from './import.entity';
import { countRows, MediaType, openTable } from './readers/open-table';
import { ImportFileError, SourceRow, SourceTable } from './readers/source-rows';
import { ReferenceMatcher } from './reference-matcher';
import { SpooledFile } from './spool-upload';
import { Creatable, CreateRecord, RowReport, StatementImportWriter } from './statement-import-writer';
import { readRow, RowRequest } from './statement-rows';

/** Lock id held by an import's transaction: imports (and the fixture load) run one at a time. */
export const IMPORT_LOCK = 7_346_002;
/** Rows read, checked and written together. */
const BATCH_ROWS = 500;

/** Rows of an import within a caller's transaction (the fixtures) that could not be written: the caller names them its way. */
export class ImportRowsError extends Error {
  constructor(readonly rows: RowReport[]) {
    super(`${rows.length} rows could not be imported`);
  }
}

/** "date is not …", or "speaker: no actor …": a row error's reason with its column, once. */
export const describeRowError = (column: string, reason: string) => (reason.startsWith(`${column} `) ? reason : `${column}: ${reason}`);

/** Thrown to roll an import's transaction back (a dry run; a row error without skipInvalid). */
class RollBack extends Error {}

const ZERO: ImportCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };

/**
 * Imports statements from a file (CSV, XLSX, NDJSON, JSON) in one transaction: every row
 * checked as the API would, references matched in sets, rows matched to statements by key or
 * id, written in batches with their revisions tagged with the import. A dry run does the same
 * and rolls back; so does a commit with a row error, unless skipInvalid. Each import is
 * recorded with its report and one activity entry, and can be undone.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger('Imports');

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: ImportRuns,
    @Inject(RECORD_HISTORY) private readonly history: RecordHistory,
    private readonly actors: ActorsService,
    private readonly topics: TopicsService,
    private readonly sources: SourcesService,
    private readonly statements: StatementsService,
  ) {}

  /**
   * Starts an import of a spooled file; the file is removed when it ends. Returns the run at
   * once (its `done` settles when the import has finished, failed or rolled back).
   */
  async start(file: SpooledFile, media: MediaType, options: ImportOptions, author: RecordAuthor, fileName: string): Promise<ImportRun> {
    // Checked before any work: a mapping to no known column is the request's fault.
    new ColumnMeanings(options.map);
    const report = await this.newReport(options, media, author, fileName);
    const { id } = report;
    const run: ImportRun = { report, rows: [], done: Promise.resolve() };
    run.done = this.execute(run, file, media, { ...author, importId: id }).finally(async () => {
      await file.remove();
      this.runs.finished(id);
    });
    this.runs.add(run);
    return run;
  }

  /** A report for a new import, under an id of the imports' sequence (a dry run's too, so that ids are never reused). */
  private async newReport(
    options: ImportOptions,
    media: Pick<MediaType, 'format'>,
    author: RecordAuthor,
    fileName: string,
  ): Promise<ImportReport> {
    const [{ id }] = await this.dataSource.query<{ id: number }[]>("SELECT nextval(pg_get_serial_sequence('imports', 'id'))::int AS id");
    const [user] = await this.dataSource.query<{ id: number; name: string }[]>('SELECT id, display_name AS name FROM users WHERE id = $1', [
      author.id,
    ]);
    return {
      id,
      status: 'running',
      dryRun: options.dryRun,
      fileName: fileName.slice(0, 300),
      format: media.format,
      options,
      user: user ?? null,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      processedRows: 0,
      totalRows: null,
      counts: { ...ZERO },
      error: null,
      references: [],
      rows: [],
      rowsOmitted: 0,
      undoneAt: null,
      undoneBy: null,
    };
  }

  private async execute(run: ImportRun, file: SpooledFile, media: MediaType, author: RecordAuthor): Promise<void> {
    const { report } = run;
    const rowsKept: RowReport[] = [];
    try {
      report.totalRows = await countRows(file.path, media, { sheet: report.options.sheet });
      await this.dataSource.transaction(async (manager) => {
        const table = await openTable(file.path, media, { sheet: report.options.sheet });
        try {
          await this.writeWithin(manager, report, table, author, rowsKept);
        } finally {
          await table.close();
        }
        if (report.dryRun || (report.counts.failed && !report.options.skipInvalid)) throw new RollBack();
        await this.finishWithin(manager, report, author);
      });
    } catch (error) {
      if (error instanceof ImportFileError) {
        report.error = { message: error.message, ...error.where };
        run.fileError = error;
        report.counts = { ...ZERO };
      } else if (!(error instanceof RollBack)) {
        report.status = 'failed';
        report.error = { message: 'The import failed on the server; nothing was written.' };
        run.failure = error;
        this.logger.error(`import ${report.id} failed: ${(error as Error).stack ?? String(error)}`);
      }
      report.status = report.dryRun && !report.error ? 'finished' : 'failed';
      report.finishedAt = new Date().toISOString();
    }
    run.rows = rowsKept;
    // A committed import's report is read back once it is committed, and only then said to be finished.
    report.rows =
      report.error || report.dryRun || report.status === 'failed'
        ? rowsKept.slice(0, REPORT_ROWS)
        : await this.reportRows(this.dataSource.manager, report.id, 0, REPORT_ROWS);
    report.rowsOmitted = Math.max(0, Object.values(report.counts).reduce((a, b) => a + b, 0) - report.rows.length);
    if (report.status === 'running') {
      report.status = 'finished';
      report.finishedAt = new Date().toISOString();
    }
  }

  /**
   * The import's work in the caller's transaction: its row, then every row of the table read,
   * checked and written a batch at a time. Imports take turns (IMPORT_LOCK).
   */
  private async writeWithin(
    manager: EntityManager,
    report: ImportReport,
    table: SourceTable,
    author: RecordAuthor,
    rowsKept: RowReport[],
    writerOptions: { keepEdited?: boolean } = {},
  ): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    await this.insertImport(manager, report, author.id, 'running');
    const writer = new StatementImportWriter(
      manager,
      await ReferenceMatcher.load(manager),
      author,
      new Set(report.options.createMissing),
      this.creators(),
      this.history,
      { ...writerOptions, dryRun: report.dryRun },
    );
    const keep = async (reports: RowReport[]) => {
      // A dry run's new statements are never written: no id names them.
      if (report.dryRun) for (const row of reports) if (row.outcome === 'created') row.statementId = null;
      for (const row of reports) report.counts[row.outcome]++;
      if (report.dryRun || report.counts.failed) keepInMemory(rowsKept, reports);
      if (!report.dryRun) await this.storeRows(manager, report.id, reports);
    };
    const meanings = new ColumnMeanings(report.options.map);
    meanings.checkAll(table.columns);
    const spreadsheet = report.format === 'csv' || report.format === 'xlsx';
    let batch: RowRequest[] = [];
    for await (const row of table.rows) {
      batch.push(readRow(row, meanings, spreadsheet));
      if (batch.length < BATCH_ROWS) continue;
      await keep(await writer.write(batch));
      report.processedRows += batch.length;
      batch = [];
    }
    await keep(await writer.write(batch));
    report.processedRows += batch.length;
    await keep(await writer.finish());
    report.references = writer.referenceReport;
  }

  /** Marks the import finished, with its counts and its entry in the activity feed. */
  private async finishWithin(manager: EntityManager, report: ImportReport, author: RecordAuthor): Promise<void> {
    await manager.update(ImportEntity, report.id, {
      ...report.counts,
      status: 'finished',
      finishedAt: new Date(),
      references: report.references as never,
    });
    await this.recordEntry(manager, report, author, 'create');
  }

  /**
   * Imports rows that are already in memory (the fixtures) within the caller's transaction, as
   * an import of `fileName`. A statement someone changed since it was loaded keeps their
   * change (`keepEdited`). Throws, naming rows and columns, when a row has an error.
   */
  async importWithin(
    manager: EntityManager,
    rows: SourceRow[],
    fileName: string,
    author: RecordAuthor,
    options: { keepEdited: boolean },
  ): Promise<ImportReport> {
    const report = await this.newReport(
      { dryRun: false, createMissing: [], skipInvalid: false, map: {} },
      { format: 'json' },
      author,
      fileName,
    );
    report.totalRows = rows.length;
    const columns = [...new Set(rows.flatMap((row) => Object.keys(row.cells)))];
    const table: SourceTable = {
      unit: 'item',
      columns,
      rows: (async function* () {
        yield* rows;
      })(),
    };
    const kept: RowReport[] = [];
    await this.writeWithin(manager, report, table, { ...author, importId: report.id }, kept, options);
    if (report.counts.failed) throw new ImportRowsError(kept.filter((row) => row.outcome === 'failed'));
    await this.finishWithin(manager, report, { ...author, importId: report.id });
    report.status = 'finished';
    return report;
  }

  /** The creators of the records an import may create, each the collection's own (with its revision). */
  private creators(): Record<Creatable, CreateRecord> {
    return {
      actors: (manager, input, author) => this.actors.createWith(manager, input, author),
      topics: (manager, input, author) => this.topics.createWith(manager, input, author),
      sources: (manager, input, author) => this.sources.createWith(manager, input, author),
    };
  }

  /** The import's row, under the id it was given when it started (the ORM would draw a new one). */
  private async insertImport(manager: EntityManager, report: ImportReport, userId: number, status: 'running' | 'failed'): Promise<void> {
    const { created, updated, unchanged, failed } = report.counts;
    await manager.query(
      `INSERT INTO imports (id, user_id, file_name, format, options, status, error, total_rows, created, updated, unchanged, failed,
                            "references", started_at, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6::import_status, $7, $8, $9, $10, $11, $12, $13, $14, CASE WHEN $6::import_status = 'failed' THEN now() END)`,
      [
        report.id,
        userId,
        report.fileName,
        report.format,
        JSON.stringify(report.options),
        status,
        report.error?.message ?? null,
        report.totalRows ?? 0,
        created,
        updated,
        unchanged,
        failed,
        JSON.stringify(report.references),
        report.startedAt,
      ],
    );
  }

  private async storeRows(manager: EntityManager, importId: number, reports: RowReport[]): Promise<void> {
    if (!reports.length) return;
    await manager.query(
      `INSERT INTO import_rows (import_id, row, outcome, statement_id, key, errors, changed_fields)
       SELECT $1, r.row, r.outcome::import_row_outcome, r.statement_id, r.key, r.errors, ARRAY(SELECT jsonb_array_elements_text(r.changed_fields))
       FROM jsonb_to_recordset($2::jsonb) AS r(row int, outcome text, statement_id int, key text, errors jsonb, changed_fields jsonb)`,
      [
        importId,
        JSON.stringify(
          reports.map((r) => ({
            row: r.row,
            outcome: r.outcome,
            statement_id: r.statementId,
            key: r.key,
            errors: r.errors ?? null,
            changed_fields: r.changedFields,
          })),
        ),
      ],
    );
  }

  /** The import's one entry in the activity feed (its rows' revisions are shown under it). */
  private async recordEntry(
    manager: EntityManager,
    report: ImportReport,
    author: RecordAuthor,
    action: 'create' | 'revert',
  ): Promise<void> {
    const { created, updated, unchanged } = report.counts;
    const label =
      action === 'create'
        ? `Import of ${report.fileName || 'a file'}: ${created} created, ${updated} updated, ${unchanged} unchanged`
        : `Undo of import ${report.id} (${report.fileName || 'a file'})`;
    const state = {
      id: report.id,
      version: action === 'create' ? 1 : 2,
      fileName: report.fileName,
      status: action === 'create' ? 'finished' : 'undone',
      counts: report.counts,
    };
    await this.history.record(manager, {
      resource: 'imports',
      recordId: report.id,
      action,
      // The entry is the import's own record, not one of the rows it wrote.
      author: { id: author.id },
      label,
      before: action === 'create' ? null : { ...state, version: 1, status: 'finished' },
      after: state,
    });
  }

  // ---- reading ----

  async get(id: number): Promise<ImportReport> {
    const run = this.runs.get(id);
    if (run) return run.report;
    const [row] = await this.dataSource.query<StoredImport[]>(`${SELECT_IMPORT} WHERE i.id = $1`, [id]);
    if (!row) throw notFound('Import', id);
    return { ...storedReport(row), rows: await this.reportRows(this.dataSource.manager, id, 0, REPORT_ROWS) };
  }

  /** Past imports (and those under way), newest first, without their rows. */
  async list(range: { offset: number; limit: number }): Promise<{ items: ImportReport[]; total: number }> {
    const running = this.runs.running().map((run) => run.report);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>('SELECT count(*)::int AS total FROM imports');
    const rows = await this.dataSource.query<StoredImport[]>(`${SELECT_IMPORT} ORDER BY i.id DESC LIMIT $1 OFFSET $2`, [
      range.limit,
      range.offset,
    ]);
    const stored = rows.map(storedReport).filter((report) => !running.some((r) => r.id === report.id));
    return { items: [...(range.offset === 0 ? running : []), ...stored].slice(0, range.limit), total: total + running.length };
  }

  /** A page of an import's report rows, failures first; `outcome` narrows it. */
  async rows(id: number, range: { offset: number; limit: number }, outcome?: string): Promise<{ items: RowReport[]; total: number }> {
    const run = this.runs.get(id);
    // In memory: a dry run, an import that wrote nothing, or one under way (its rows are not committed yet).
    if (run) {
      const rows = run.rows.filter((row) => !outcome || row.outcome === outcome);
      return { items: rows.slice(range.offset, range.offset + range.limit), total: rows.length };
    }
    const [exists] = await this.dataSource.query('SELECT 1 FROM imports WHERE id = $1', [id]);
    if (!exists) throw notFound('Import', id);
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM import_rows WHERE import_id = $1 AND ($2::import_row_outcome IS NULL OR outcome = $2)`,
      [id, outcome ?? null],
    );
    return { items: await this.reportRows(this.dataSource.manager, id, range.offset, range.limit, outcome), total };
  }

  private async reportRows(manager: EntityManager, id: number, offset: number, limit: number, outcome?: string): Promise<RowReport[]> {
    const rows = await manager.query<(RowReport & { errors: Record<string, string> | null })[]>(
      `SELECT row, outcome, statement_id AS "statementId", key, errors, changed_fields AS "changedFields" FROM import_rows
       WHERE import_id = $1 AND ($4::import_row_outcome IS NULL OR outcome = $4)
       ORDER BY outcome <> 'failed', row LIMIT $2 OFFSET $3`,
      [id, limit, offset, outcome ?? null],
    );
    return rows.map(({ errors, ...row }) => (errors ? { ...row, errors } : row));
  }

  // ---- undo ----

  /**
   * Reverts what an import wrote, in one transaction, as new revisions: the statements it
   * created go to the trash, those it changed get their earlier state back, and the actors,
   * topics and sources it created go to the trash when nothing else uses them. Refused (409,
   * naming them) when someone changed one of its statements since, unless `force`.
   */
  async undo(id: number, author: RecordAuthor, force: boolean): Promise<ImportReport> {
    const running = this.runs.get(id);
    if (running?.report.dryRun) throw conflict(`Import ${id} was a dry run: it wrote nothing to undo.`);
    if (running) throw conflict(`Import ${id} is still running.`);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      const [stored] = await manager.query<StoredImport[]>(`${SELECT_IMPORT} WHERE i.id = $1 FOR UPDATE OF i`, [id]);
      if (!stored) throw notFound('Import', id);
      if (stored.status === 'undone') throw conflict(`Import ${id} was undone already.`);
      if (stored.status !== 'finished') throw conflict(`Import ${id} failed: it wrote nothing to undo.`);
      const written = await manager.query<WrittenRecord[]>(
        `SELECT DISTINCT ON (r.resource, r.record_id) r.id, r.resource::text AS resource, r.record_id AS "recordId", r.version, r.action::text AS action,
                r.before, cur.version AS "currentVersion", cur.trashed
         FROM revisions r
         LEFT JOIN LATERAL (
           SELECT version, deleted_at IS NOT NULL AS trashed FROM statements WHERE r.resource = 'statements' AND id = r.record_id
           UNION ALL SELECT version, deleted_at IS NOT NULL FROM actors WHERE r.resource = 'actors' AND id = r.record_id
           UNION ALL SELECT version, deleted_at IS NOT NULL FROM topics WHERE r.resource = 'topics' AND id = r.record_id
           UNION ALL SELECT version, deleted_at IS NOT NULL FROM sources WHERE r.resource = 'sources' AND id = r.record_id
         ) cur ON true
         WHERE r.import_id = $1 AND r.resource <> 'imports'
         ORDER BY r.resource, r.record_id, r.id DESC`,
        [id],
      );
      const editedSince = written.filter(
        (w) => w.resource === 'statements' && (w.currentVersion === null || w.currentVersion !== w.version),
      );
      if (editedSince.length && !force) {
        const ids = editedSince.map((w) => w.recordId).sort((a, b) => a - b);
        throw conflict(
          `Statement${ids.length > 1 ? 's' : ''} ${ids.slice(0, 50).join(', ')}${ids.length > 50 ? ` and ${ids.length - 50} more` : ''} ` +
            `changed after import ${id}; nothing was undone. Review them, or undo with force=true to bring back the state before the import anyway.`,
          { statements: ids.join(', ') },
        );
      }
      const undoAuthor = { ...author, importId: id };
      for (const record of written.filter((w) => w.resource === 'statements')) {
        if (record.currentVersion === null) continue;
        if (record.action === 'create') {
          if (!record.trashed) await this.statements.removeWith(manager, record.recordId, undoAuthor);
        } else if (record.before) {
          if (record.trashed) continue;
          await this.statements.restoreStateWith(manager, record.recordId, record.before, record.id, undoAuthor);
        }
      }
      for (const record of written.filter(
        (w) => w.resource !== 'statements' && w.action === 'create' && !w.trashed && w.currentVersion !== null,
      )) {
        const service = { actors: this.actors, topics: this.topics, sources: this.sources }[record.resource as Creatable];
        await service.removeWith(manager, record.recordId, undoAuthor).catch((error: unknown) => {
          // Used by statements the import did not write: kept, as trashing it would take them along.
          if (!(error instanceof Error && 'status' in error && error.status === 409)) throw error;
        });
      }
      await manager.update(ImportEntity, id, { status: 'undone', undoneAt: new Date(), undoneById: author.id });
      await this.recordEntry(manager, storedReport(stored), undoAuthor, 'revert');
    });
    return this.get(id);
  }
}

/** Keeps a dry run's (or a failing commit's) rows in memory: every failure first, then others, up to DRY_RUN_ROWS. */
function keepInMemory(kept: RowReport[], reports: RowReport[]): void {
  for (const row of reports) {
    if (kept.length >= DRY_RUN_ROWS && row.outcome !== 'failed') continue;
    if (kept.length >= DRY_RUN_ROWS) {
      const other = kept.findIndex((k) => k.outcome !== 'failed');
      if (other < 0) continue;
      kept.splice(other, 1);
    }
    kept.push(row);
  }
  kept.sort((a, b) => Number(a.outcome !== 'failed') - Number(b.outcome !== 'failed') || a.row - b.row);
}

interface WrittenRecord {
  id: number;
  resource: string;
  recordId: number;
  version: number;
  action: string;
  before: Record<string, unknown> | null;
  currentVersion: number | null;
  trashed: boolean | null;
}

interface StoredImport {
  id: number;
  status: ImportReport['status'];
  fileName: string;
  format: ImportReport['format'];
  options: ImportOptions;
  user: { id: number; name: string } | null;
  startedAt: Date;
  finishedAt: Date | null;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: string | null;
  references: ImportReport['references'];
  undoneAt: Date | null;
  undoneBy: { id: number; name: string } | null;
  rowCount: number;
}

const SELECT_IMPORT = `SELECT i.id, i.status::text AS status, i.file_name AS "fileName", i.format::text AS format, i.options,
  (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = i.user_id) AS user,
  i.started_at AS "startedAt", i.finished_at AS "finishedAt", i.total_rows AS "totalRows",
  i.created, i.updated, i.unchanged, i.failed, i.error, i.references, i.undone_at AS "undoneAt",
  (SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = i.undone_by_id) AS "undoneBy",
  (SELECT count(*)::int FROM import_rows ir WHERE ir.import_id = i.id) AS "rowCount"
  FROM imports i`;

function storedReport(row: StoredImport): ImportReport {
  const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
  return {
    id: row.id,
    status: row.status,
    dryRun: false,
    fileName: row.fileName,
    format: row.format,
    options: row.options,
    user: row.user,
    startedAt: iso(row.startedAt)!,
    finishedAt: iso(row.finishedAt),
    processedRows: row.status === 'failed' && row.error ? 0 : row.totalRows,
    totalRows: row.totalRows,
    counts: { created: row.created, updated: row.updated, unchanged: row.unchanged, failed: row.failed },
    error: row.error ? { message: row.error } : null,
    references: row.references,
    rows: [],
    rowsOmitted: Math.max(0, row.rowCount - REPORT_ROWS),
    undoneAt: iso(row.undoneAt),
    undoneBy: row.undoneBy,
  };
}

/** Checks an option list against what it may hold, naming the parameter. */
export function checkOptionList<T extends string>(name: string, values: string[], allowed: readonly T[]): T[] {
  const unknown = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (unknown.length) throw badRequest({ [name]: `must list some of ${allowed.join(', ')}; "${unknown.join('", "')}" is not one` });
  return values as T[];
}
