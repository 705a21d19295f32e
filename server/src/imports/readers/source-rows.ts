/*
 * What every file reader (CSV, XLSX, NDJSON, JSON) gives the import: the rows of the file as
 * the user sees them, one at a time, never the whole file in memory.
 */

/**
 * One cell's value as the file holds it: text, a number, a boolean, a spreadsheet's native
 * date (as the calendar day it shows, `YYYY-MM-DD`), a list (a JSON array), or nothing.
 */
export type CellValue = string | number | boolean | { date: string } | null | CellValue[];

/** One row of the file: where the user finds it, and its cells by column name. */
export interface SourceRow {
  /**
   * Where the row is in the file, as the user sees it: the spreadsheet row number (the header
   * is row 1) for CSV and XLSX, the line for NDJSON, the item (from 1) for a JSON array.
   */
  row: number;
  cells: Record<string, CellValue>;
}

/** How a format numbers its rows, for messages: "row 4", "line 3", "item 2". */
export type RowUnit = 'row' | 'line' | 'item';

/** The file's rows, and the column names it uses (the header; for JSON, the keys met so far). */
export interface SourceTable {
  unit: RowUnit;
  /** The columns, in the file's order (CSV and XLSX: the header row). */
  columns: string[];
  rows: AsyncIterable<SourceRow>;
}

/** Limits every reader enforces, so that no file can make the server parse without end. */
export const READ_LIMITS = {
  /** Columns in a header row (the export writes about 30). */
  maxColumns: 500,
  /** Characters in one cell; the longest field (a quote) takes 50,000, so a longer cell is an error of the file, not of a field. */
  maxCellChars: 1_000_000,
  /** Bytes in one record (a CSV record, an NDJSON line, a JSON array item, an XLSX row). */
  maxRecordBytes: 16 * 1024 * 1024,
  /** Rows in one file. */
  maxRows: 1_000_000,
  /** Nesting of a JSON value: an item is an object of values or lists of values. */
  maxJsonDepth: 3,
} as const;

/**
 * A file that cannot be read as a table: the import answers 400 with this message (naming the
 * row and column when it knows them) and writes nothing.
 */
export class ImportFileError extends Error {
  constructor(
    message: string,
    /** Where the problem is: a row and column of the file, or the request's parameter (sheet) that does not fit it. */
    readonly where: { row?: number; column?: string; parameter?: string } = {},
    /** 413 for a file over the size limit, 415 for one that is not the format it claims; 400 otherwise. */
    readonly status: 400 | 413 | 415 = 400,
  ) {
    super(message);
  }
}
