import { jsonStructureErrors } from '../../kernel/validation/json-body';
import { decodeText } from './decode-text';
import { CellValue, ImportFileError, READ_LIMITS, RowUnit, SourceRow, SourceTable } from './source-rows';

export const NDJSON_CONTENT_TYPE = 'application/x-ndjson';
export const JSON_CONTENT_TYPE = 'application/json';

/** A value an item may hold under a column: text, a number, a boolean, null, or a flat list of those. */
function cellValue(value: unknown, where: string): CellValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => v === null || ['string', 'number'].includes(typeof v))) return value as CellValue[];
  // A list of objects (source_details, as the JSON export writes it) is read as its JSON text, as in a CSV cell.
  if (Array.isArray(value) && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) return JSON.stringify(value);
  throw new ImportFileError(`${where} must be text, a number, a boolean, null, a list of texts and numbers, or a list of objects.`);
}

/** One item (an NDJSON line, a JSON array's element) as a row: an object of cell values. */
function itemRow(text: string, row: number, unit: RowUnit): SourceRow {
  const where = `${unit[0].toUpperCase()}${unit.slice(1)} ${row}`;
  const problems = jsonStructureErrors(text);
  if (problems) {
    const [field, reason] = Object.entries(problems)[0];
    throw new ImportFileError(`${where}: ${field} ${reason}.`, { row });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`${where} is not valid JSON: ${(error as Error).message}.`, { row });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportFileError(`${where} must be a JSON object (one statement), with the export's column names as keys.`, { row });
  }
  const cells: Record<string, CellValue> = {};
  for (const [key, cell] of Object.entries(value)) {
    try {
      cells[key] = cellValue(cell, `${where}, "${key}",`);
    } catch (error) {
      if (error instanceof ImportFileError) throw new ImportFileError(error.message, { row, column: key });
      throw error;
    }
  }
  return { row, cells };
}

/** The columns met so far, in order of first appearance: JSON items name their own. */
function collectColumns(rows: AsyncIterable<SourceRow>, columns: string[]): AsyncIterable<SourceRow> {
  const seen = new Set<string>();
  return (async function* () {
    for await (const row of rows) {
      for (const key of Object.keys(row.cells)) {
        if (seen.has(key)) continue;
        if (seen.size >= READ_LIMITS.maxColumns) {
          throw new ImportFileError(`The items use more than ${READ_LIMITS.maxColumns} different keys.`, { row: row.row });
        }
        seen.add(key);
        columns.push(key);
      }
      yield row;
    }
  })();
}

/**
 * NDJSON: one JSON object per line (blank lines skipped), numbered by line. Lines are split from
 * the decoded stream, each at most READ_LIMITS.maxRecordBytes long.
 */
export function openNdjson(bytes: AsyncIterable<Buffer>, charset?: string): SourceTable {
  async function* rows() {
    let pending = '';
    let line = 0;
    let any = false;
    const take = function* (text: string) {
      line++;
      if (text.trim()) {
        any = true;
        if (line > READ_LIMITS.maxRows) throw new ImportFileError(`The file has more than ${READ_LIMITS.maxRows} lines.`, { row: line });
        yield itemRow(text, line, 'line');
      }
    };
    for await (const chunk of decodeText(bytes, charset)) {
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf('\n')) >= 0) {
        yield* take(pending.slice(0, end).replace(/\r$/, ''));
        pending = pending.slice(end + 1);
      }
      if (pending.length > READ_LIMITS.maxRecordBytes) {
        throw new ImportFileError(`Line ${line + 1} is longer than ${READ_LIMITS.maxRecordBytes / 1024 / 1024} MB.`, { row: line + 1 });
      }
    }
    yield* take(pending);
    if (!any) throw new ImportFileError('The file is empty: it holds no JSON lines.');
  }
  const columns: string[] = [];
  return { unit: 'line', columns, rows: collectColumns(rows(), columns) };
}

/**
 * A JSON array of objects, read item by item without parsing the whole: a small scanner finds
 * where each top-level item ends (outside strings), refusing nesting beyond what a statement
 * needs before anything is built.
 */
export function openJsonArray(bytes: AsyncIterable<Buffer>, charset?: string): SourceTable {
  async function* rows() {
    let state: 'before' | 'items' | 'after' = 'before';
    let item = '';
    let depth = 0;
    let inString = false;
    let escaped = false;
    let index = 0;
    let any = false;
    for await (const chunk of decodeText(bytes, charset)) {
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        if (state === 'before') {
          if (c !== '[') throw new ImportFileError('The file must be a JSON array of statements ([{…}, {…}]).', {}, 400);
          state = 'items';
          start = i + 1;
          continue;
        }
        if (state === 'after') throw new ImportFileError('The file holds something after the end of its JSON array.');
        if (c === '"') inString = true;
        else if (c === '{' || c === '[') {
          depth++;
          if (depth > READ_LIMITS.maxJsonDepth) {
            throw new ImportFileError(`Item ${index + 1} is nested more than ${READ_LIMITS.maxJsonDepth} levels deep.`, { row: index + 1 });
          }
        } else if (c === '}' || c === ']') {
          if (depth === 0 && c === ']') {
            item += chunk.slice(start, i);
            if (item.trim()) {
              index++;
              any = true;
              yield itemRow(item, index, 'item');
            }
            item = '';
            state = 'after';
            continue;
          }
          depth--;
        } else if (c === ',' && depth === 0) {
          item += chunk.slice(start, i);
          index++;
          if (!item.trim()) throw new ImportFileError(`Item ${index} is empty (two commas in a row).`, { row: index });
          if (index > READ_LIMITS.maxRows)
            throw new ImportFileError(`The array has more than ${READ_LIMITS.maxRows} items.`, { row: index });
          any = true;
          yield itemRow(item, index, 'item');
          item = '';
          start = i + 1;
        }
      }
      if (state === 'items') {
        item += chunk.slice(start);
        if (item.length > READ_LIMITS.maxRecordBytes) {
          throw new ImportFileError(`Item ${index + 1} is longer than ${READ_LIMITS.maxRecordBytes / 1024 / 1024} MB.`, { row: index + 1 });
        }
      }
    }
    if (state === 'before') throw new ImportFileError('The file is empty: it holds no JSON array.');
    if (state === 'items') throw new ImportFileError('The JSON array is not closed: the file ends inside it.');
    if (!any) throw new ImportFileError('The JSON array is empty: it holds no statements.');
  }
  const columns: string[] = [];
  return { unit: 'item', columns, rows: collectColumns(rows(), columns) };
}
