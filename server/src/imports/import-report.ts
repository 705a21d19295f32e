import type { ImportFormat } from './readers/open-table';
import type { ImportStatus } from './import.entity';
import type { ReferenceReport, RowReport } from './statement-import-writer';

/** The options of an import, as the query string (or the CLI) gives them. */
export interface ImportOptions {
  /** Check and report, write nothing. */
  dryRun: boolean;
  /** Collections in which a record a cell names and the database lacks is created. */
  createMissing: ('actors' | 'topics' | 'sources')[];
  /** Write the valid rows and report the others (else any row error writes nothing). */
  skipInvalid: boolean;
  /** The workbook's sheet, by name. */
  sheet?: string;
  /** The file's column → the column it means (or "ignore"). */
  map: Record<string, string>;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** An import as the API reports it, running or done. */
export interface ImportReport {
  id: number;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  format: ImportFormat;
  options: ImportOptions;
  user: { id: number; name: string } | null;
  startedAt: string;
  finishedAt: string | null;
  processedRows: number;
  totalRows: number | null;
  counts: ImportCounts;
  /** Why nothing could be read or written, when the file itself is at fault (with its row and column when known). */
  error: { message: string; row?: number; column?: string; parameter?: string } | null;
  references: ReferenceReport[];
  /** The first rows of the report (failures first); all of them at /api/imports/{id}/rows. */
  rows: RowReport[];
  rowsOmitted: number;
  undoneAt: string | null;
  undoneBy: { id: number; name: string } | null;
}

/** How many report rows an import answers with; the rest are read page by page. */
export const REPORT_ROWS = 1000;
