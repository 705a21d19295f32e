import { badRequest, FieldErrors } from '../errors/api-errors';

/** What Express hands the routes as `request.query`: each key once, repeated keys as arrays. */
export type ParsedQueryString = Record<string, string | string[]>;

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The query-string reader (Express's `query parser`): `a=1&a=2&b` as `{ a: ['1', '2'], b: '' }`,
 * like Node's querystring, but strict where that one is lenient and silent. A key or value that
 * is not valid percent-encoded UTF-8 (`%FF`, `%C3%28`) is a 400 naming the key, where querystring
 * would turn it into U+FFFD and search for that; and every pair is read, where querystring stops
 * after 1,000 and drops the rest without a word. No bracket syntax: `a[b]=1` is the key `a[b]`.
 */
export function parseQueryString(text: string | null | undefined): ParsedQueryString {
  const query: ParsedQueryString = Object.create(null);
  const errors: FieldErrors = Object.create(null);
  for (const pair of (text ?? '').split('&')) {
    if (pair === '') continue;
    const separator = pair.indexOf('=');
    const rawKey = separator < 0 ? pair : pair.slice(0, separator);
    const key = decode(rawKey);
    const value = decode(separator < 0 ? '' : pair.slice(separator + 1));
    if (key === undefined || value === undefined) {
      errors[key ?? rawKey] = 'is not valid percent-encoded UTF-8';
      continue;
    }
    const existing = query[key];
    if (existing === undefined) query[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else query[key] = [existing, value];
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return query;
}
