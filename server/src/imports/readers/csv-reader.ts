import { CsvError, parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { decodeText } from './decode-text';
import { CellValue, ImportFileError, READ_LIMITS, SourceTable } from './source-rows';
import { headerColumns, spreadsheetColumn } from './header';

export const CSV_CONTENT_TYPE = 'text/csv';

/** The separators a CSV may use: the export writes commas; Excel in many European locales, semicolons; some tools, tabs. */
const SEPARATORS = [',', ';', '\t'] as const;

/** The separator of the header line: the one it holds most of (outside quotes). */
function separatorOf(headerLine: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** The decoded text, with its first line peeked at to choose the separator. */
async function peekFirstLine(text: AsyncIterator<string>): Promise<{ head: string; firstLine: string }> {
  let head = '';
  while (!/[\r\n]/.test(head) && head.length < READ_LIMITS.maxRecordBytes) {
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  return { head, firstLine: head.split(/\r?\n|\r/, 1)[0] };
}

function csvFileError(error: unknown): unknown {
  if (!(error instanceof CsvError)) return error;
  const line = (error as CsvError & { lines?: number }).lines;
  const where = line ? ` (near line ${line})` : '';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError(`The file ends inside a quoted cell: a quote (") is not closed${where}.`);
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError(`A quoted cell has text after its closing quote${where}: write a quote inside a quoted cell as "".`);
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError(`A row is longer than ${READ_LIMITS.maxRecordBytes / 1024 / 1024} MB${where}.`);
    default:
      return new ImportFileError(`The file is not readable as CSV${where}: ${error.message}`);
  }
}

/**
 * A CSV file (RFC 4180, as the export writes it; comma, semicolon or tab separated) as rows,
 * parsed as a stream. The header is row 1 and rows are numbered as a spreadsheet shows them.
 * An empty line is skipped (and counted); a row with more or fewer cells than the header is an
 * error naming it.
 */
export async function openCsv(bytes: AsyncIterable<Buffer>, charset?: string): Promise<SourceTable> {
  const text = decodeText(bytes, charset)[Symbol.asyncIterator]();
  const { head, firstLine } = await peekFirstLine(text);
  if (!head.trim()) throw new ImportFileError('The file is empty: it has no header row.');
  async function* all() {
    yield head;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }
  const parser = parse({
    delimiter: separatorOf(firstLine),
    relax_column_count: true,
    max_record_size: READ_LIMITS.maxRecordBytes,
    info: true,
  });
  // A pipeline, not .pipe(): the text's failure (the file closed before its end) reaches the
  // parser, whose reader reports it, instead of being an error event nobody listens to.
  pipeline(Readable.from(all()), parser, () => undefined);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; info: { records: number } }>;
  const first = await records.next().catch((error: unknown) => {
    throw csvFileError(error);
  });
  if (first.done) throw new ImportFileError('The file is empty: it has no header row.');
  const columns = headerColumns(first.value.record);

  async function* rows() {
    try {
      for (let next = await records.next(); !next.done; next = await records.next()) {
        const { record, info } = next.value;
        const row = info.records;
        if (record.length === 1 && record[0] === '') continue;
        if (row > READ_LIMITS.maxRows + 1) throw new ImportFileError(`The file has more than ${READ_LIMITS.maxRows} rows.`, { row });
        if (record.length !== columns.length) {
          throw new ImportFileError(`Row ${row} has ${record.length} cells, the header ${columns.length}.`, { row });
        }
        const cells: Record<string, CellValue> = {};
        for (let i = 0; i < columns.length; i++) {
          if (columns[i] === '') {
            if (record[i] !== '')
              throw new ImportFileError(`Row ${row} has a value in column ${spreadsheetColumn(i)}, which has no header.`, { row });
            continue;
          }
          if (record[i].length > READ_LIMITS.maxCellChars) {
            throw new ImportFileError(`Row ${row}, column ${columns[i]} holds more than ${READ_LIMITS.maxCellChars} characters.`, {
              row,
              column: columns[i],
            });
          }
          cells[columns[i]] = record[i];
        }
        yield { row, cells };
      }
    } catch (error) {
      throw csvFileError(error);
    } finally {
      parser.destroy();
    }
  }
  return { unit: 'row', columns: columns.filter((c) => c !== ''), rows: rows() };
}
