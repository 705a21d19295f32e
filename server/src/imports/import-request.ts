import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { ParsedQueryString } from '../kernel/http/query-string';
import { ImportOptions } from './import-report';
import { CREATABLE } from './statement-import-writer';

/** An import's query string: its options, and the file's name. */
export interface ImportRequest {
  options: ImportOptions;
  fileName: string;
}

const BOOLEAN = /^(true|false)$/;
const MAP_KEY = /^map\[(.+)\]$/s;
const KNOWN = ['dryRun', 'createMissing', 'skipInvalid', 'sheet', 'fileName'];

function single(query: ParsedQueryString, key: string, errors: FieldErrors): string | undefined {
  const value = query[key];
  if (Array.isArray(value)) {
    errors[key] = 'must be given once';
    return undefined;
  }
  return value;
}

/**
 * Reads `dryRun`, `createMissing=actors,topics`, `skipInvalid`, `sheet`,
 * `fileName` and `map[Column]=column`; anything else is refused, naming it.
 */
export function parseImportRequest(query: ParsedQueryString): ImportRequest {
  const errors: FieldErrors = Object.create(null);
  const flag = (key: string) => {
    const value = single(query, key, errors);
    if (value === undefined) return false;
    if (!BOOLEAN.test(value)) errors[key] = 'must be true or false';
    return value === 'true';
  };
  // Comma-separated, given once (as the document says), like every other option.
  const createMissing = (single(query, 'createMissing', errors) ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  const unknownCollections = createMissing.filter((value) => !(CREATABLE as readonly string[]).includes(value));
  if (unknownCollections.length) {
    errors.createMissing = `lists the collections in which missing records may be created: ${CREATABLE.join(', ')} (not ${unknownCollections.join(', ')})`;
  }
  const sheet = single(query, 'sheet', errors);
  if (sheet !== undefined && (!sheet.trim() || sheet.length > 100)) errors.sheet = 'must name a sheet (at most 100 characters)';
  const fileName = single(query, 'fileName', errors) ?? '';
  if (fileName.length > 300) errors.fileName = 'must be at most 300 characters';
  // Stored as text: PostgreSQL holds no NUL, and half a surrogate pair is no Unicode text.
  else if (fileName.includes('\u0000') || !fileName.isWellFormed()) errors.fileName = 'must be valid Unicode text without NUL characters';
  const map: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(query)) {
    const mapped = MAP_KEY.exec(key);
    if (mapped) {
      if (Array.isArray(value)) errors[key] = 'must be given once';
      else map[mapped[1]] = value.trim();
    } else if (!KNOWN.includes(key)) {
      errors[key] = `is not an option of an import (${[...KNOWN, 'map[Column]'].join(', ')})`;
    }
  }
  const options: ImportOptions = {
    dryRun: flag('dryRun'),
    createMissing: [...new Set(createMissing)] as ImportOptions['createMissing'],
    skipInvalid: flag('skipInvalid'),
    ...(sheet !== undefined ? { sheet } : {}),
    map,
  };
  if (Object.keys(errors).length) throw badRequest(errors);
  return { options, fileName };
}
