import { badRequest, FieldErrors } from '../../kernel/errors/api-errors';
import {
  DEFAULT_PAGE_SIZE,
  FilterDefinition,
  FilterDefinitions,
  ListQuery,
  ListSpec,
  MAX_FILTER_VALUES,
  MAX_OFFSET,
  MAX_PAGE_SIZE,
  ParsedFilters,
  SortOrder,
} from './filter-definitions';

/** A query string as Express hands it over: strings, arrays of strings, or (extended parser) objects. */
export type RawQuery = Record<string, unknown>;

const INT32_MAX = 2_147_483_647;
const ISO_DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;
/** Real-world UTC offsets run from −12:00 to +14:00; PostgreSQL refuses those past ±15:59 (unnamed, as a server error). */
const MAX_OFFSET_MINUTES = 14 * 60;

class FilterError extends Error {}

function valuesOf(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw : [raw];
  if (!values.every((v) => typeof v === 'string')) {
    throw new FilterError('must be a plain value (nested or bracketed keys are not supported)');
  }
  if (values.length > MAX_FILTER_VALUES) throw new FilterError(`accepts at most ${MAX_FILTER_VALUES} values`);
  return values;
}

function single(raw: unknown): string {
  const values = valuesOf(raw);
  if (values.length !== 1) throw new FilterError('must be given once');
  return values[0];
}

function checkText(value: string): string {
  if (value.includes('\u0000')) throw new FilterError('must not contain NUL characters');
  if (!value.isWellFormed()) throw new FilterError('must be valid Unicode text');
  return value;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * An instant the database can compare with: a day that exists in years 1–9999, a time of day
 * 00:00–23:59:59, an offset within ±14:00. (Date.parse alone let 2019-02-30 and 24:00 through,
 * and PostgreSQL then failed on them without saying which parameter was wrong.)
 */
function isInstant(value: string): boolean {
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part)));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59 || offsetMinutes > 59) return false;
  return offsetHours * 60 + offsetMinutes <= MAX_OFFSET_MINUTES;
}

function isoDayBound(value: string, bound: 'start' | 'end'): string {
  const match = ISO_DAY.exec(value);
  if (!match) throw new FilterError('must be an ISO date: YYYY-MM-DD, YYYY-MM or YYYY');
  const [, y, m, d] = match;
  const year = Number(y);
  const month = m === undefined ? (bound === 'start' ? 1 : 12) : Number(m);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = d === undefined ? (bound === 'start' ? 1 : lastDay) : Number(d);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > lastDay) {
    throw new FilterError(`"${value}" is not a calendar date`);
  }
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseFilter(definition: FilterDefinition, raw: unknown): unknown {
  switch (definition.type) {
    case 'id':
      return valuesOf(raw).map((v) => {
        if (!/^[1-9]\d{0,9}$/.test(v) || Number(v) > INT32_MAX) throw new FilterError(`"${v}" is not an id (a positive integer)`);
        return Number(v);
      });
    case 'int':
      return valuesOf(raw).map((v) => {
        // Plain digits, as ids are: "01" or "-0" are not how anyone writes a score.
        if (!/^(0|-?[1-9]\d{0,9})$/.test(v) || Number(v) < definition.min || Number(v) > definition.max) {
          throw new FilterError(`"${v}" must be an integer from ${definition.min} to ${definition.max}`);
        }
        return Number(v);
      });
    case 'enum':
      return valuesOf(raw).map((v) => {
        if (!definition.values.includes(v)) throw new FilterError(`"${v}" must be one of: ${definition.values.join(', ')}`);
        return v;
      });
    case 'choice': {
      const value = single(raw);
      if (!definition.values.includes(value)) throw new FilterError(`"${value}" must be one of: ${definition.values.join(', ')}`);
      return value;
    }
    case 'pattern':
      return valuesOf(raw).map((v) => {
        if (!definition.pattern.test(v)) throw new FilterError(`"${v}" is not of the form ${definition.example}`);
        return v;
      });
    case 'date':
      return isoDayBound(single(raw), definition.bound);
    case 'timestamp': {
      const value = single(raw);
      if (!isInstant(value)) {
        throw new FilterError('must be an ISO 8601 date or date-time, e.g. 2019-01-14T09:00:00Z');
      }
      return value;
    }
    case 'text': {
      const value = checkText(single(raw));
      if (value.trim() === '') throw new FilterError('must not be empty');
      if (value.length > definition.maxLength) throw new FilterError(`must be at most ${definition.maxLength} characters`);
      return value;
    }
  }
}

function unknownKeyMessage(resource: string, allowed: string[]): string {
  return `is not a filter of ${resource}; allowed: ${allowed.join(', ')}`;
}

/**
 * Reads the filters of a collection from a query string, refusing every key it does not
 * know (`reservedKeys` are the caller's own, such as `_start` or `cursor`).
 */
export function parseFilters<F extends FilterDefinitions>(
  spec: ListSpec<F, string>,
  raw: RawQuery,
  reservedKeys: readonly string[],
): ParsedFilters<F> {
  // Null-prototype maps: a key such as `__proto__` must be reported, not swallowed.
  const errors: FieldErrors = Object.create(null);
  const filters: Record<string, unknown> = Object.create(null);
  const allowed = [...Object.keys(spec.filters), ...reservedKeys];
  for (const [key, value] of Object.entries(raw)) {
    if (reservedKeys.includes(key)) continue;
    const definition = Object.hasOwn(spec.filters, key) ? spec.filters[key] : undefined;
    if (!definition) {
      errors[key] = unknownKeyMessage(spec.resource, allowed);
      continue;
    }
    try {
      filters[key] = parseFilter(definition, value);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      errors[key] = error.message;
    }
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return { ...filters } as ParsedFilters<F>;
}

function nonNegativeInteger(raw: unknown, key: string, errors: FieldErrors): number | undefined {
  if (raw === undefined) return undefined;
  try {
    const value = single(raw);
    if (!/^(0|[1-9]\d{0,9})$/.test(value) || Number(value) > MAX_OFFSET) {
      throw new FilterError(`must be an integer from 0 to ${MAX_OFFSET}`);
    }
    return Number(value);
  } catch (error) {
    errors[key] = (error as Error).message;
    return undefined;
  }
}

function parseSort<S extends string>(
  spec: ListSpec<FilterDefinitions, S>,
  raw: RawQuery,
  errors: FieldErrors,
): { field: S; order: SortOrder } {
  let field = spec.defaultSort.field;
  let order: SortOrder = spec.defaultSort.order;
  if (raw._sort !== undefined) {
    try {
      const value = single(raw._sort);
      if (!(spec.sortFields as readonly string[]).includes(value)) {
        throw new FilterError(`cannot sort ${spec.resource} by "${value}"; allowed: ${spec.sortFields.join(', ')}`);
      }
      field = value as S;
    } catch (error) {
      errors._sort = (error as Error).message;
    }
  }
  if (raw._order !== undefined) {
    try {
      // Either case, but only ASCII: "deſc".toUpperCase() is "DESC" too.
      const value = single(raw._order);
      if (!/^(asc|desc)$/i.test(value)) throw new FilterError('must be ASC or DESC');
      order = value.toUpperCase() as SortOrder;
    } catch (error) {
      errors._order = (error as Error).message;
    }
  }
  return { field, order };
}

/**
 * Filters and sort without paging (`_sort`, `_order` and the filters): what the exports
 * take, so that an export holds exactly the rows of the list, in the list's order.
 */
export function parseSortedFilters<F extends FilterDefinitions, S extends string>(
  spec: ListSpec<F, S>,
  raw: RawQuery,
  extraKeys: readonly string[] = [],
): Omit<ListQuery<F, S>, 'range'> {
  const filters = parseFilters(spec, raw, [...extraKeys, '_sort', '_order']);
  const errors: FieldErrors = Object.create(null);
  const sort = parseSort(spec, raw, errors);
  if (Object.keys(errors).length) throw badRequest(errors);
  // react-admin's getMany (id=3&id=1, no _sort) gets the records in the order it asked for.
  const ids = (filters as { id?: number[] }).id;
  if (ids && raw._sort === undefined && spec.filters.id?.type === 'id') return { filters, sort: { ...sort, idOrder: ids } };
  return { filters, sort };
}

/**
 * Parses react-admin's `ra-data-json-server` list protocol — `_start` (inclusive), `_end`
 * (exclusive), `_sort`, `_order` and filters — into a typed ListQuery. The one parser every
 * collection, the timeline and the exports go through.
 */
export function parseListQuery<F extends FilterDefinitions, S extends string>(
  spec: ListSpec<F, S>,
  raw: RawQuery,
  extraKeys: readonly string[] = [],
): ListQuery<F, S> {
  const { filters, sort } = parseSortedFilters(spec, raw, ['_start', '_end', ...extraKeys]);
  const errors: FieldErrors = Object.create(null);
  const start = nonNegativeInteger(raw._start, '_start', errors) ?? 0;
  const idCount = (filters as { id?: number[] }).id?.length;
  const defaultSize = idCount ? Math.min(idCount, MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  const end = nonNegativeInteger(raw._end, '_end', errors) ?? start + defaultSize;
  if (!errors._start && !errors._end) {
    if (end < start) errors._end = `must not be smaller than _start (${start})`;
    else if (end - start > MAX_PAGE_SIZE) {
      errors._end = `a page holds at most ${MAX_PAGE_SIZE} rows (_end - _start); use the export for more`;
    }
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  return { filters, sort, range: { offset: start, limit: end - start } };
}
