import { badRequest, FieldErrors } from '../kernel/errors/api-errors';

export const TITLE_MAX = 300;
export const NOTE_MAX = 20_000;

/** Text PostgreSQL can store exactly as given: well-formed Unicode without NUL characters. */
const storable = (text: string) => !text.includes('\u0000') && text.isWellFormed();

/** What a snapshot's editable fields may hold: a title (required, trimmed) and a note ("" or null for none). */
export function readTitle(value: unknown, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') errors.title = 'title must be a non-empty text';
  else if (!storable(value)) errors.title = 'title must be valid Unicode text without NUL characters';
  else if ([...value.trim()].length > TITLE_MAX) errors.title = `title must be at most ${TITLE_MAX} characters`;
  else return value.trim();
  return undefined;
}

export function readNote(value: unknown, errors: FieldErrors): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') errors.note = 'note must be a text or null';
  else if (!storable(value)) errors.note = 'note must be valid Unicode text without NUL characters';
  else if ([...value].length > NOTE_MAX) errors.note = `note must be at most ${NOTE_MAX} characters`;
  else return value;
  return undefined;
}

/** A body must be a JSON object whose keys are all in `allowed`. */
export function readBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest({ body: 'must be a JSON object' });
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    throw badRequest(Object.fromEntries(unknown.map((key) => [key, `is not a field of a snapshot; allowed: ${allowed.join(', ')}`])));
  }
  return body as Record<string, unknown>;
}
