/** How one query-string filter is read. Repeatable filters mean "any of" when repeated. */
export type FilterDefinition =
  | { type: 'id'; description: string }
  | { type: 'enum'; values: readonly string[]; description: string }
  /** One of `values`, given at most once; absent, it means `default`. Such a filter may change how others match (FilterSql). */
  | { type: 'choice'; values: readonly string[]; default: string; description: string }
  | { type: 'int'; min: number; max: number; description: string }
  | { type: 'pattern'; pattern: RegExp; example: string; description: string }
  | { type: 'date'; bound: 'start' | 'end'; description: string }
  | { type: 'text'; maxLength: number; description: string }
  | { type: 'timestamp'; description: string };

export type FilterDefinitions = Record<string, FilterDefinition>;

/** The parsed value of a filter, by its definition. */
export type FilterValue<D extends FilterDefinition> = D extends { type: 'id' | 'int' }
  ? number[]
  : D extends { type: 'choice'; values: readonly (infer C)[] }
    ? C
    : D extends { type: 'enum'; values: readonly (infer V)[] }
      ? V[]
      : D extends { type: 'pattern' }
        ? string[]
        : string;

export type ParsedFilters<F extends FilterDefinitions> = { [K in keyof F]?: FilterValue<F[K]> };

export type SortOrder = 'ASC' | 'DESC';

export interface ListSpec<F extends FilterDefinitions = FilterDefinitions, S extends string = string> {
  /** Collection name as in the URL, for messages. */
  resource: string;
  filters: F;
  sortFields: readonly S[];
  defaultSort: { field: S; order: SortOrder };
}

export interface ListQuery<F extends FilterDefinitions = FilterDefinitions, S extends string = string> {
  filters: ParsedFilters<F>;
  /**
   * `idOrder`: the ids of an `id` filter given without `_sort` (react-admin's getMany): the
   * rows come in the order asked for.
   */
  sort: { field: S; order: SortOrder; idOrder?: readonly number[] };
  range: { offset: number; limit: number };
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;
export const MAX_OFFSET = 100_000_000;
/** Upper bound of how many values one repeated filter may list. */
export const MAX_FILTER_VALUES = 1000;
