import { Transform } from 'node:stream';
import { ExportColumnName } from '../export-columns';
import { chunkedTextTransform } from './chunked-text';

const pick = (row: Record<string, unknown>, columns: ExportColumnName[]) => {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[column];
  return picked;
};

/** Rows in, one JSON array out, one entry per line so that it streams and diffs well. */
export function jsonSerializer(columns: ExportColumnName[]): Transform {
  let first = true;
  return chunkedTextTransform({
    row: (row) => {
      const prefix = first ? '[\n' : ',\n';
      first = false;
      return prefix + JSON.stringify(pick(row, columns));
    },
    end: () => (first ? '[]\n' : '\n]\n'),
  });
}

/** Rows in, NDJSON out: one JSON object per line. */
export function ndjsonSerializer(columns: ExportColumnName[]): Transform {
  return chunkedTextTransform({ row: (row) => `${JSON.stringify(pick(row, columns))}\n` });
}
