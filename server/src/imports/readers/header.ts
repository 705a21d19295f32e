import { ImportFileError, READ_LIMITS } from './source-rows';

/** A column's letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function spreadsheetColumn(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The header row's column names, trimmed. Refused: more than READ_LIMITS.maxColumns columns, a
 * name given twice. An empty name is kept as '' (a column a spreadsheet left behind), so that
 * its cells can be checked to be empty.
 */
export function headerColumns(cells: readonly unknown[]): string[] {
  if (cells.length > READ_LIMITS.maxColumns) {
    throw new ImportFileError(`The header has ${cells.length} columns; at most ${READ_LIMITS.maxColumns} are read.`, { row: 1 });
  }
  const columns = cells.map((cell) => (cell === null || cell === undefined ? '' : String(cell).trim()));
  if (!columns.some((c) => c !== '')) throw new ImportFileError('The header row (row 1) is empty.', { row: 1 });
  const seen = new Map<string, number>();
  columns.forEach((column, i) => {
    if (column === '') return;
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      throw new ImportFileError(`The header names column "${column}" twice (${spreadsheetColumn(earlier)} and ${spreadsheetColumn(i)}).`, {
        row: 1,
        column,
      });
    }
    seen.set(column, i);
  });
  return columns;
}
