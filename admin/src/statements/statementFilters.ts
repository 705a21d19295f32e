/*
 * The statement filters the API knows (GET /api/statements, /api/timeline and
 * /api/statements/export all take the same ones). The server refuses any other key with a 400,
 * so every URL the admin builds goes through `statementFilterParams`, which keeps only these.
 */

/** Filters that take several values ("any of"), sent as repeated keys. */
const MULTI_ID_KEYS = ['id', 'speakerId', 'actorId', 'stanceId', 'topicId', 'sourceId', 'respondsToId'] as const;
const MULTI_TEXT_KEYS = ['type', 'status', 'reviewStatus', 'needs'] as const;
/**
 * Filters with one value. `date_mode`: how date_gte / date_lte match (DATE_MODES); `updated_gte`:
 * changed since an instant (no input sets it, a link may carry it).
 */
const SINGLE_KEYS = ['date_gte', 'date_lte', 'date_mode', 'updated_gte', 'q'] as const;

/**
 * How the date filters match an entry's date range: `overlap` (the API's default) keeps every
 * entry that could fall in the range ("2019", "c. 2019", "by January 2019" in January 2019);
 * `within` only those whose whole range lies inside it.
 */
export const DATE_MODES = ['overlap', 'within'] as const;
export type DateMode = (typeof DATE_MODES)[number];
export const dateModeOf = (filter: Record<string, unknown>): DateMode => (filter.date_mode === 'within' ? 'within' : 'overlap');

export const STATEMENT_FILTER_KEYS = [...MULTI_ID_KEYS, ...MULTI_TEXT_KEYS, ...SINGLE_KEYS] as const;
export type StatementFilterKey = (typeof STATEMENT_FILTER_KEYS)[number];

export type StatementFilterValues = Partial<
  Record<(typeof MULTI_ID_KEYS)[number], number[]> &
    Record<(typeof MULTI_TEXT_KEYS)[number], string[]> &
    Record<(typeof SINGLE_KEYS)[number], string>
>;

/** The review filter (`needs`): what each finds, in a curator's words. */
export const REVIEW_NEEDS: { need: string; label: string; title: string }[] = [
  { need: 'quoteKind', label: 'quote kind not said', title: 'A quote nobody has marked verbatim, translation or paraphrase' },
  { need: 'source', label: 'no primary or reporting source', title: 'No source cited as primary or reporting' },
  { need: 'originalWording', label: 'translation without original', title: 'A translated quote without the original wording' },
  { need: 'inferredDate', label: 'date inferred', title: 'The date is inferred from context, not stated by the source' },
  { need: 'review', label: 'not verified', title: 'Still a draft' },
];

/** Dates the API accepts in date_gte / date_lte. */
export const FILTER_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

/** react-admin filter values (or anything parsed from a URL) → the query parameters the API takes. */
export function statementFilterParams(filter: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of STATEMENT_FILTER_KEYS) {
    for (const value of asList(filter[key])) {
      if (value === '' || value === null || value === undefined) continue;
      params.append(key, String(value));
    }
  }
  return params;
}

const isId = (value: string) => /^[1-9]\d{0,9}$/.test(value);

/** The inverse, for pages whose filters live in plain query parameters (the timeline). */
export function statementFiltersFromParams(params: URLSearchParams): StatementFilterValues {
  const filters: Record<string, unknown> = {};
  for (const key of MULTI_ID_KEYS) {
    const ids = params.getAll(key).filter(isId).map(Number);
    if (ids.length) filters[key] = ids;
  }
  for (const key of MULTI_TEXT_KEYS) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  return filters;
}

/** Drops empty values (cleared inputs, empty selections) the way react-admin's own lists do. */
export function withoutEmptyFilters(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([, value]) => value !== '' && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}
