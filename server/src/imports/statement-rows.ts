import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { snakeCase } from '../database/snake-naming.strategy';
import { INT32_MAX } from '../kernel/validation/field-decorators';
import { StatementChange } from '../statements/statement.dto';
import { STATEMENT_FIELDS, StatementField } from '../statements/statement.fields';
import { ColumnMeanings } from './import-columns';
import { CellValue, SourceRow } from './readers/source-rows';
import { VocabularyCollection } from './reference-matcher';

/*
 * A file's row as what it asks of a statement: its identity (key, id), the fields its columns
 * give (in the API's terms, references still as the text that names them), and what is wrong
 * with its cells, by column.
 */

/** A reference (or list of them) still to be found: the cell's texts, and the column they came from. */
export interface Naming {
  column: string;
  collection: VocabularyCollection;
  texts: string[];
  list: boolean;
}

/** The statement a reply names: by its key or its id, from this file or the database. */
export interface ReplyNaming {
  column: string;
  key?: string;
  id?: number;
}

/** The details of a link list's entries as a row gives them (source_details), to join to the entries once matched. */
export interface DetailsNaming {
  column: string;
  /** The link list whose entries they detail (sourceIds) and the field that holds them joined (sources). */
  of: string;
  field: string;
  entries: Record<string, unknown>[];
}

export interface RowRequest {
  row: number;
  key?: string;
  id?: number;
  /** Fields given, as the API takes them; references are added once matched. */
  values: Record<string, unknown>;
  /** Fields whose cells name records, to match. */
  namings: Record<string, Naming>;
  /** respondsToId, when a column names the statement replied to; null when the cell is empty. */
  reply?: ReplyNaming | null;
  /** The column each field came from, for messages. */
  columnOf: Record<string, string>;
  /** Column → what is wrong. */
  errors: Record<string, string>;
  details?: DetailsNaming;
}

/**
 * What the CSV export puts before a cell a spreadsheet would run as a formula: an apostrophe
 * ('=SUM…). A CSV or XLSX cell that starts so comes back without it; anything else is kept as
 * written (JSON files carry no such marks).
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the formula starts the export marks
const NEUTRALISED = /^'[=+\-@\t\r\n\u0000＝＋－＠]/;

const FIELDS = STATEMENT_FIELDS as Record<string, StatementField>;
/** Fields whose cell is trimmed: language tags, where a space is never meant. */
const TRIMMED = new Set(['quoteLanguage', 'quoteOriginalLanguage']);
const YES = new Set(['true', 'yes', '1']);
const NO = new Set(['false', 'no', '0', '']);

/** A yes/no cell: true, false, yes, no, 1, 0 (any case); empty is no. */
function flagValue(cell: CellValue, text: string): { value: boolean } | { error: string } {
  if (typeof cell === 'boolean') return { value: cell };
  const wanted = text.trim().toLowerCase();
  if (YES.has(wanted)) return { value: true };
  if (NO.has(wanted)) return { value: false };
  return { error: `must be true or false, not "${text.trim()}"` };
}

/** The details of a link list's entries: a JSON list of objects (or an empty cell), each holding only the details' properties. */
function detailsValue(
  cell: CellValue,
  text: string,
  properties: readonly string[],
): { value: Record<string, unknown>[] } | { error: string } {
  if (!text.trim()) return { value: [] };
  let value: unknown;
  try {
    value = typeof cell === 'string' || cell === null ? JSON.parse(text) : cell;
  } catch {
    return { error: `must be a JSON list of objects with ${properties.join(', ')} (README, "Exports"), not "${text.slice(0, 80)}"` };
  }
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'object' && entry !== null && !Array.isArray(entry))) {
    return { error: `must be a JSON list of objects with ${properties.join(', ')}, one per source` };
  }
  for (const [i, entry] of (value as Record<string, unknown>[]).entries()) {
    const unknown = Object.keys(entry).filter((key) => !properties.includes(key));
    if (unknown.length)
      return { error: `entry ${i + 1} has ${unknown.map((key) => `"${key}"`).join(', ')}; an entry holds ${properties.join(', ')}` };
  }
  return { value: value as Record<string, unknown>[] };
}
const ENUMS = new Map(
  Object.entries(FIELDS).flatMap(([name, field]) => {
    const values = (field.schema as { enum?: string[] }).enum;
    return values ? [[name, values] as const] : [];
  }),
);

/** A cell as text: numbers as written, a native date as its day; '' for an empty cell. */
function cellText(value: CellValue, spreadsheet: boolean): string {
  if (value === null) return '';
  if (typeof value === 'object' && !Array.isArray(value)) return value.date;
  if (Array.isArray(value)) return value.map((v) => cellText(v, spreadsheet)).join('; ');
  const text = String(value);
  return spreadsheet && NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** 03/04/2019 or 3.4.19: day-first or month-first cannot be told, so it is never guessed. */
const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$/;

function dateValue(cell: CellValue, text: string): { value: string } | { error: string } {
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell >= 0 && cell <= 9999
      ? { value: String(cell).padStart(4, '0') }
      : { error: `must be an EDTF date (2019-01-14, 2019-01, 2019); a number such as ${cell} is not one` };
  }
  const slash = SLASH_DATE.exec(text.trim());
  if (slash) {
    const [, a, b, year] = slash;
    const fullYear = year.length === 2 ? `?${year}` : year;
    const hint =
      Number(a) > 12 || Number(b) > 12
        ? ` Write it as ${fullYear}-${(Number(a) > 12 ? b : a).padStart(2, '0')}-${(Number(a) > 12 ? a : b).padStart(2, '0')}.`
        : ` Write ${fullYear}-${b.padStart(2, '0')}-${a.padStart(2, '0')} (day first) or ${fullYear}-${a.padStart(2, '0')}-${b.padStart(2, '0')} (month first).`;
    return { error: `"${text.trim()}" is not an EDTF date: dates are written year first, so that day and month are never guessed.${hint}` };
  }
  return { value: text.trim() };
}

/** A positive whole number from a cell (an id), or an error. */
function idValue(cell: CellValue, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  const value = typeof cell === 'number' ? cell : /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(value) || value < 1 || value > INT32_MAX)
    return { error: `must be a statement id (a whole number from 1), not "${trimmed}"` };
  return { value };
}

/** The entries of a list cell: a JSON list, or texts separated by ';'. */
function listTexts(cell: CellValue, text: string): string[] {
  const parts = Array.isArray(cell) ? cell.map((v) => cellText(v, false)) : text.split(';');
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Reads one row's cells into a request: each column by what it means, each field's value as
 * the API would take it; a field given by two columns (responds_to_key, responds_to_id) is read
 * from the first that holds a value. `spreadsheet`: a CSV or XLSX file (formula marks undone).
 */
export function readRow(source: SourceRow, meanings: ColumnMeanings, spreadsheet: boolean): RowRequest {
  const request: RowRequest = { row: source.row, values: {}, namings: {}, columnOf: {}, errors: {} };
  const ranks: Record<string, number> = {};
  for (const [column, cell] of Object.entries(source.cells)) {
    const meaning = meanings.of(column);
    if (meaning.kind === 'ignored') continue;
    const text = cellText(cell, spreadsheet);
    if (meaning.kind === 'id') {
      if (!text.trim()) continue;
      const id = idValue(cell, text);
      if ('error' in id) request.errors[column] = id.error;
      else request.id = id.value;
      continue;
    }
    const { field } = meaning;
    if (meaning.kind === 'details') {
      request.columnOf[field] = column;
      const storage = FIELDS[field].storage;
      const properties = storage.kind === 'linkDetails' ? Object.keys(storage.columns) : [];
      const details = detailsValue(cell, text, properties);
      // An empty cell gives no details (the export leaves it empty when no source has any): those kept stay.
      if ('error' in details) request.errors[column] = details.error;
      else if (details.value.length) request.details = { column, of: meaning.of, field, entries: details.value };
      continue;
    }
    if (meaning.kind === 'match') {
      // The first of the field's columns that holds a value wins; an empty one leaves the field to the others.
      if (ranks[field] !== undefined && (ranks[field] < meaning.rank || !text.trim())) continue;
      if (meaning.collection === 'statements') {
        if (!text.trim()) {
          if (request.reply === undefined) request.reply = null;
          continue;
        }
        ranks[field] = meaning.rank;
        request.columnOf[field] = column;
        if (column.endsWith('_id')) {
          const id = idValue(cell, text);
          if ('error' in id) request.errors[column] = id.error;
          else request.reply = { column, id: id.value };
        } else request.reply = { column, key: text.trim() };
        continue;
      }
      ranks[field] = meaning.rank;
      request.columnOf[field] = column;
      const texts = meaning.list ? listTexts(cell, text) : text.trim() ? [text.trim()] : [];
      request.namings[field] = { column, collection: meaning.collection, texts, list: meaning.list };
      continue;
    }
    request.columnOf[field] = column;
    if (field === 'key') {
      if (text.trim()) request.key = text.trim();
      request.values.key = text.trim() || null;
    } else if (field === 'date') {
      const date = dateValue(cell, text);
      if ('error' in date) request.errors[column] = date.error;
      else request.values.date = date.value;
    } else if (ENUMS.has(field)) {
      const wanted = text.trim().toLowerCase();
      // An empty cell is the field's default, as for a statement created without it.
      request.values[field] = wanted === '' ? FIELDS[field].empty : (ENUMS.get(field)!.find((v) => v === wanted) ?? text.trim());
    } else if ((FIELDS[field].schema as { type?: string }).type === 'boolean') {
      const flag = flagValue(cell, text);
      if ('error' in flag) request.errors[column] = flag.error;
      else request.values[field] = flag.value;
    } else if (FIELDS[field].required) {
      request.values[field] = text;
    } else {
      request.values[field] = text === '' ? null : TRIMMED.has(field) ? text.trim() : text;
    }
  }
  return request;
}

/** Checks the values a row gives as a change of a statement would be checked (lengths, enums, EDTF, language tags). */
export async function checkValues(request: RowRequest): Promise<void> {
  if (!Object.keys(request.values).length) return;
  const errors = await validate(plainToInstance(StatementChange, request.values), {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  for (const error of errors) addError(request, error);
}

function addError(request: RowRequest, error: ValidationError): void {
  const column = request.columnOf[error.property] ?? snakeCase(error.property);
  const reasons = Object.values(error.constraints ?? {}).map((reason) => reason.replace(new RegExp(`^${error.property}\\b`), column));
  if (reasons.length) request.errors[column] = reasons.join('; ');
}
