import { createReadStream } from 'node:fs';
import { CSV_CONTENT_TYPE, openCsv } from './csv-reader';
import { JSON_CONTENT_TYPE, NDJSON_CONTENT_TYPE, openJsonArray, openNdjson } from './json-readers';
import { ImportFileError, SourceTable } from './source-rows';
import { openXlsx, XLSX_CONTENT_TYPE } from './xlsx-reader';

export type ImportFormat = 'csv' | 'xlsx' | 'ndjson' | 'json';

/** The media types an import takes, and the format each means (the first of each format is its name). */
export const IMPORT_MEDIA_TYPES: Record<string, ImportFormat> = {
  [CSV_CONTENT_TYPE]: 'csv',
  'application/csv': 'csv',
  'text/tab-separated-values': 'csv',
  [XLSX_CONTENT_TYPE]: 'xlsx',
  [NDJSON_CONTENT_TYPE]: 'ndjson',
  'application/jsonl': 'ndjson',
  'application/x-jsonlines': 'ndjson',
  [JSON_CONTENT_TYPE]: 'json',
};

/** The format a file name's extension suggests (for the CLI, and the admin's upload). */
export function formatOfFileName(name: string): ImportFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ({ csv: 'csv', tsv: 'csv', txt: 'csv', xlsx: 'xlsx', ndjson: 'ndjson', jsonl: 'ndjson', json: 'json' } as const)[extension ?? ''];
}

export interface MediaType {
  format: ImportFormat;
  /** The charset the request declared, if any (text formats). */
  charset?: string;
}

/** The format of a request's Content-Type, or a 415 naming those accepted. */
export function mediaTypeOf(contentType: string | undefined): MediaType {
  const [type, ...parameters] = (contentType ?? '').split(';').map((part) => part.trim());
  const format = IMPORT_MEDIA_TYPES[type.toLowerCase()];
  if (!format) {
    throw new ImportFileError(
      `An import takes ${[CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, NDJSON_CONTENT_TYPE, JSON_CONTENT_TYPE].join(', ')}; ` +
        `the request says ${contentType ? `Content-Type: ${contentType}` : 'no Content-Type'}.`,
      {},
      415,
    );
  }
  const charset = parameters.map((parameter) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
  return { format, charset: charset?.toLowerCase() };
}

/** A file's table, open: its rows are read once; `close` lets go of the file. */
export type OpenTable = SourceTable & { close(): Promise<void> };

/** Opens a file (the spooled upload) as a table of its format. */
export async function openTable(file: string, media: MediaType, options: { sheet?: string }): Promise<OpenTable> {
  if (media.format === 'xlsx') return openXlsx(file, options);
  if (options.sheet !== undefined)
    throw new ImportFileError('sheet= names a sheet of a workbook; this file is not one.', { parameter: 'sheet' });
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  const close = async () => void stream.destroy();
  const bytes = stream as AsyncIterable<Buffer>;
  try {
    const table =
      media.format === 'csv'
        ? await openCsv(bytes, media.charset)
        : media.format === 'ndjson'
          ? openNdjson(bytes, media.charset)
          : openJsonArray(bytes, media.charset);
    return { ...table, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** How many rows a file has (a first pass, which also finds what makes the file unreadable before anything is written). */
export async function countRows(file: string, media: MediaType, options: { sheet?: string }): Promise<number> {
  const table = await openTable(file, media, options);
  try {
    // Every row read, even when a workbook declares its size: the declared size counts empty rows, and this pass finds a damaged file before anything is written.
    let count = 0;
    for await (const _row of table.rows) count++;
    if (!count)
      throw new ImportFileError(
        `The file has ${table.unit === 'row' ? 'a header but no rows' : 'no statements'}: there is nothing to import.`,
      );
    return count;
  } finally {
    await table.close();
  }
}
