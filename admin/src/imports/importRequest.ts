import type { ImportCreatable } from '../types';

/** What is sent with a file (POST /api/imports): the import's options, as the wizard holds them. */
export interface ImportRequest {
  /** Check and report only; write nothing. */
  dryRun: boolean;
  /** Collections in which the actors, topics or sources a row names and the database lacks are created. */
  createMissing: ImportCreatable[];
  /** Write the valid rows and report the others (else any row error writes nothing). */
  skipInvalid: boolean;
  /** A workbook's sheet, by name; '' for its first. */
  sheet: string;
  /** The file's column → the export column it means, or IGNORE. */
  map: Record<string, string>;
}

/** What a column of the file may be mapped to besides an export column: nothing. */
export const IGNORE = 'ignore';

/** The types the server takes, by the file's extension (it reads the body by its Content-Type). */
const MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/x-ndjson',
  json: 'application/json',
};

/** For the file input's `accept`. */
export const ACCEPTED_FILES = Object.keys(MEDIA_TYPES)
  .map((extension) => `.${extension}`)
  .join(',');

export const extensionOf = (fileName: string) => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** Another extension is sent as what it is not, and the server's 415 says which types it takes. */
export const importMediaType = (fileName: string) => MEDIA_TYPES[extensionOf(fileName)] ?? 'application/octet-stream';

export const isWorkbook = (fileName: string) => extensionOf(fileName) === 'xlsx';

/** The query string of an upload: `dryRun=true&createMissing=topics&map[Speaker name]=speaker&fileName=…`. */
export function importParams(fileName: string, request: ImportRequest): URLSearchParams {
  const params = new URLSearchParams({ dryRun: String(request.dryRun) });
  if (request.createMissing.length) params.set('createMissing', request.createMissing.join(','));
  if (request.skipInvalid) params.set('skipInvalid', 'true');
  if (request.sheet.trim()) params.set('sheet', request.sheet.trim());
  for (const [column, target] of Object.entries(request.map)) params.set(`map[${column}]`, target);
  // The server records the name (the body is only the bytes); it keeps at most 300 characters.
  params.set('fileName', fileName.slice(0, 300));
  return params;
}

/**
 * The server's reasons speak of query parameters ("(createMissing=topics creates it)",
 * "import with skipInvalid=true") and of its report's URL; the wizard has checkboxes for
 * them, named here as the page names them, and shows the report itself.
 */
export const inTheWizardsWords = (reason: string) =>
  reason
    .replace(/\(createMissing=(actors|topics|sources) creates it\)/g, '(tick “Create missing $1” to create it)')
    .replace(/import with skipInvalid=true/g, 'tick “Skip invalid rows”')
    .replace(/ \(import \d+; its report: [^)]*\)/g, '');
