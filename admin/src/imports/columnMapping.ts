import { extensionOf } from './importRequest';

/** A column of the file that no import reads, as the server refused it, with the columns it does read. */
export interface UnknownColumn {
  column: string;
  /** The columns an import reads (what a column can be mapped to). */
  known: string[];
  /** Export columns an import accepts and ignores (date_start, speaker_native_name…): not unknown, not worth mapping to. */
  ignored: string[];
}

/*
 * The server refuses a file with a column it does not know, naming it and every column it knows:
 * `Column "Speaker name" is not one an import reads. Known columns: id, key, date, … (and,
 * ignored, date_start, …). Map it to one (map[Speaker name]=speaker) or ignore it (…).`
 * (server/src/imports/import-columns.ts). The lists come from there rather than being copied
 * here, so that a new statement field is offered as soon as the server reads it.
 */
const UNKNOWN_COLUMN = /^Column "(.*)" is not one an import reads\. Known columns: (.*?) \(and, ignored, (.*?)\)\. Map it/s;

export function unknownColumnIn(message: string, column?: string): UnknownColumn | undefined {
  const found = UNKNOWN_COLUMN.exec(message);
  if (!found) return undefined;
  const list = (text: string) => text.split(', ').filter(Boolean);
  return { column: column ?? found[1], known: list(found[2]), ignored: list(found[3]) };
}

/** The first sentence of the server's message, for a heading (the rest lists every column). */
export const firstSentence = (message: string) => /^.*?\.(?=\s|$)/s.exec(message)?.[0] ?? message;

/** The separator the server reads a CSV with: the commonest of comma, semicolon and tab outside quotes in the header. */
function separatorOf(line: string): string {
  const counts = new Map([',', ';', '\t'].map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** The cells of a CSV header line, trimmed as the server trims them; empty ones left out. */
export function csvCells(line: string): string[] {
  const separator = separatorOf(line);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

/** The header line of a CSV text: up to the first line break outside quotes. */
function firstCsvLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && (text[i] === '\n' || text[i] === '\r')) return text.slice(0, i);
  }
  return text;
}

/** Enough of a file for its header: a spreadsheet's header row is far shorter. */
const HEAD_BYTES = 256 * 1024;

/**
 * The columns of a file, read in the browser, so that every column to map is asked for at once
 * (the server names only the first it does not know): a CSV's header line, the keys of an
 * NDJSON file's first object. A workbook or a JSON array is not read here: its unknown columns
 * are asked for one at a time, as the server names them.
 */
export async function readColumns(file: File): Promise<string[] | undefined> {
  const extension = extensionOf(file.name);
  if (extension !== 'csv' && extension !== 'ndjson' && extension !== 'jsonl') return undefined;
  try {
    const text = (await file.slice(0, HEAD_BYTES).text()).replace(/^\uFEFF/, '');
    if (extension === 'csv') return csvCells(firstCsvLine(text));
    const first = text.split(/\r?\n/).find((line) => line.trim());
    const record: unknown = first ? JSON.parse(first) : undefined;
    return record && typeof record === 'object' && !Array.isArray(record) ? Object.keys(record) : undefined;
  } catch {
    return undefined; // not readable here: the server will say what is wrong with it
  }
}
