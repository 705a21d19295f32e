import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { SAVED_QUERY_NAME_MAX, SAVED_QUERY_RESOURCES, SavedQueryResource } from './saved-query.entity';

/** Text PostgreSQL can store exactly as given: well-formed Unicode without NUL characters. */
const storable = (text: string) => !text.includes('\u0000') && text.isWellFormed();

/** A body must be a JSON object whose keys are all in `allowed`. */
export function readBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest({ body: 'must be a JSON object' });
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length) {
    throw badRequest(Object.fromEntries(unknown.map((key) => [key, `is not a field of a saved query; allowed: ${allowed.join(', ')}`])));
  }
  return body as Record<string, unknown>;
}

/** A name: required, trimmed, 1–200 characters. */
export function readName(value: unknown, errors: FieldErrors): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') errors.name = 'name must be a non-empty text';
  else if (!storable(value)) errors.name = 'name must be valid Unicode text without NUL characters';
  else if ([...value.trim()].length > SAVED_QUERY_NAME_MAX) errors.name = `name must be at most ${SAVED_QUERY_NAME_MAX} characters`;
  else return value.trim();
  return undefined;
}

/** Shared with the team or not: true or false, nothing else. */
export function readShared(value: unknown, errors: FieldErrors): boolean | undefined {
  if (typeof value === 'boolean') return value;
  errors.shared = 'shared must be true or false';
  return undefined;
}

/** Which page the query opens. */
export function readResource(value: unknown, errors: FieldErrors): SavedQueryResource | undefined {
  if (typeof value === 'string' && (SAVED_QUERY_RESOURCES as readonly string[]).includes(value)) return value as SavedQueryResource;
  errors.resource = `resource must be one of: ${SAVED_QUERY_RESOURCES.join(', ')}`;
  return undefined;
}
