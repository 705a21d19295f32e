import { badRequest, FieldErrors } from '../kernel/errors/api-errors';
import { parseFilters, RawQuery } from '../records/list-query/parse-list-query';
import { STATEMENT_LIST_SPEC, StatementFilters } from '../statements/statement-query';

export const INTERVALS = ['month', 'quarter', 'year'] as const;
export type Interval = (typeof INTERVALS)[number];
export const GROUPINGS = ['speaker', 'country', 'none'] as const;
export type Grouping = (typeof GROUPINGS)[number];
export const NETWORK_KINDS = ['actor-topic', 'actor-congruence', 'actor-conflict', 'replies'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export const NETWORK_FORMATS = ['json', 'graphml', 'gexf', 'csv'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];
export const NETWORK_TABLES = ['nodes', 'edges'] as const;
export type NetworkTable = (typeof NETWORK_TABLES)[number];

/** The largest `maxLinks` a client may ask for. */
export const MAX_LINKS_LIMIT = 1_000_000;

/** One value of a parameter from a list of allowed ones; `fallback` when absent, an error naming the choices otherwise. */
function choice<T extends string>(
  raw: RawQuery,
  key: string,
  allowed: readonly T[],
  fallback: T | undefined,
  errors: FieldErrors,
): T | undefined {
  const value = raw[key];
  if (value === undefined) {
    if (fallback === undefined) errors[key] = `is required; one of: ${allowed.join(', ')}`;
    return fallback;
  }
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  errors[key] = typeof value === 'string' ? `must be one of: ${allowed.join(', ')}` : `must be given once; one of: ${allowed.join(', ')}`;
  return undefined;
}

export interface StanceOverTimeRequest {
  filters: StatementFilters;
  interval: Interval;
  groupBy: Grouping;
}

/** The statement list's filters plus `interval` and `groupBy`; every other key is refused. */
export function parseStanceOverTimeRequest(raw: RawQuery): StanceOverTimeRequest {
  const filters = parseFilters(STATEMENT_LIST_SPEC, raw, ['interval', 'groupBy']);
  const errors: FieldErrors = Object.create(null);
  const interval = choice(raw, 'interval', INTERVALS, 'month', errors);
  const groupBy = choice(raw, 'groupBy', GROUPINGS, 'speaker', errors);
  if (Object.keys(errors).length || !interval || !groupBy) throw badRequest(errors);
  return { filters, interval, groupBy };
}

export interface NetworkRequest {
  filters: StatementFilters;
  kind: NetworkKind;
  format: NetworkFormat;
  /** csv: which of the two tables. */
  table?: NetworkTable;
  /** json: answer `tooLarge` instead of a network with more links than this. */
  maxLinks?: number;
}

/**
 * The statement list's filters plus `kind`, `format`, `table` (csv) and `maxLinks` (json).
 * (`ticket` is the guard's: a one-use credential for a browser download.)
 */
export function parseNetworkRequest(raw: RawQuery): NetworkRequest {
  const filters = parseFilters(STATEMENT_LIST_SPEC, raw, ['kind', 'format', 'table', 'maxLinks', 'ticket']);
  const errors: FieldErrors = Object.create(null);
  const kind = choice(raw, 'kind', NETWORK_KINDS, undefined, errors);
  const format = choice(raw, 'format', NETWORK_FORMATS, 'json', errors);
  let table: NetworkTable | undefined;
  if (format === 'csv') table = choice(raw, 'table', NETWORK_TABLES, undefined, errors);
  else if (raw.table !== undefined) errors.table = 'applies to format=csv only (a CSV file holds either the nodes or the edges)';
  let maxLinks: number | undefined;
  if (raw.maxLinks !== undefined) {
    const value = raw.maxLinks;
    if (format !== 'json') errors.maxLinks = 'applies to format=json only';
    else if (typeof value !== 'string' || !/^(0|[1-9]\d{0,6})$/.test(value) || Number(value) > MAX_LINKS_LIMIT) {
      errors.maxLinks = `must be an integer from 0 to ${MAX_LINKS_LIMIT}`;
    } else maxLinks = Number(value);
  }
  if (Object.keys(errors).length || !kind || !format) throw badRequest(errors);
  return { filters, kind, format, table, maxLinks };
}
