import { Transform } from 'node:stream';
import { EXPORT_COLUMNS, ExportColumn, ExportColumnName } from '../export-columns';
import { chunkedTextTransform } from './chunked-text';

const NEEDS_QUOTES = /[",\r\n]/;
/**
 * OWASP CSV injection: a cell a spreadsheet could read as a formula (=, +, -, @, tab, CR,
 * LF, NUL, or their full-width forms) gets a leading apostrophe, so it stays text.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the formula starts, on purpose
const FORMULA_START = /^[=+\-@\t\r\n\u0000＝＋－＠]/;

/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: unknown, kind: ExportColumn['kind']): string {
  if (value === null || value === undefined) return '';
  if (kind === 'number' || kind === 'boolean') return String(value);
  let text = kind === 'json' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Rows (objects) in, RFC 4180 CSV out: UTF-8, CRLF line ends, a header row, optional BOM.
 * `catalog`: the columns' kinds (the statement export's by default; an actor or source export's).
 */
export function csvSerializer(
  columns: ExportColumnName[],
  options: { bom: boolean; catalog?: Record<string, Pick<ExportColumn, 'kind'>> },
): Transform {
  const catalog = options.catalog ?? EXPORT_COLUMNS;
  const kinds = columns.map((name) => catalog[name].kind);
  let header = `${options.bom ? '\uFEFF' : ''}${columns.join(',')}\r\n`;
  const takeHeader = () => {
    const text = header;
    header = '';
    return text;
  };
  return chunkedTextTransform({
    row: (row) => {
      let line = takeHeader();
      for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvField(row[columns[i]], kinds[i]);
      return `${line}\r\n`;
    },
    end: takeHeader,
  });
}
