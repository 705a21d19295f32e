import { FilterDefinitions, ParsedFilters } from '../list-query/filter-definitions';

/**
 * Which records of a collection are published, for a server that shows anonymous readers only
 * what its team has verified (PUBLIC_READ=verified): those whose `field` holds one of `values`.
 * The field is also an enum filter of the collection's list, of the same name, so that one
 * declaration both narrows a list (or an export, a timeline) and checks a single record.
 */
export interface Publication<LF extends FilterDefinitions> {
  field: keyof LF & string;
  values: readonly string[];
}

/**
 * The filters narrowed to published records: the values asked for that are published, or all
 * published values when none were asked for. Asking only for unpublished ones (`draft`) leaves
 * an empty list of values, which matches nothing.
 */
export function narrowToPublished<LF extends FilterDefinitions>(
  filters: ParsedFilters<LF>,
  publication: Publication<LF>,
): ParsedFilters<LF> {
  const asked = filters[publication.field] as readonly string[] | undefined;
  const values = asked ? asked.filter((value) => publication.values.includes(value)) : [...publication.values];
  return { ...filters, [publication.field]: values };
}

/** Whether one record (as the API shows it) is published; a boolean field is compared as the filter reads it, `true` or `false`. */
export const isPublished = <LF extends FilterDefinitions>(record: object, publication: Publication<LF>): boolean =>
  publication.values.includes(String((record as Record<string, unknown>)[publication.field]));

/** Provenance that names the team's members: never shown to anonymous readers (PUBLIC_READ). */
export const AUTHOR_FIELDS = ['createdBy', 'updatedBy'] as const;
