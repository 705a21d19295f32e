/**
 * FilterListItem behaviour for "any of" filters: clicking an item adds its value to the list
 * under `key` (sent to the API as a repeated key) or removes it, instead of replacing the filter.
 */
type Filters = Record<string, unknown>;

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

export function cumulativeFilter(key: string) {
  return {
    isSelected: (value: Filters, filters: Filters) => listOf(filters[key]).includes(value[key]),
    toggleFilter: (value: Filters, filters: Filters) => {
      const current = listOf(filters[key]);
      const next = current.includes(value[key]) ? current.filter((v) => v !== value[key]) : [...current, value[key]];
      return { ...filters, [key]: next.length ? next : undefined };
    },
  };
}
