import { badRequest } from '../../kernel/errors/api-errors';
import type { LinkDetails, LinkList } from './field-rules';

/** One link with its details, as the API gives and takes it: `{ sourceId: 3, role: 'primary', locator: null, … }`. */
export type LinkDetail = Record<string, unknown>;

const sameIds = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((id, i) => id === b[i]);

/** Each entry with every detail present (null when not given), its properties in the declared order. */
export function wholeDetails(entries: readonly LinkDetail[], details: LinkDetails): LinkDetail[] {
  return entries.map((entry) => ({
    [details.idKey]: entry[details.idKey],
    ...Object.fromEntries(Object.keys(details.columns).map((property) => [property, entry[property] ?? null])),
  }));
}

const bare = (id: unknown, details: LinkDetails): LinkDetail => wholeDetails([{ [details.idKey]: id }], details)[0];

/**
 * A write's link lists and their details made whole and consistent, whichever the client sent:
 * - the details (`sources`) changed: they give the list, and the ids (`sourceIds`) follow —
 *   unless the ids changed too and name other records (400: which one did the client mean?);
 * - only the ids changed (react-admin's reference input, a bulk `{ add, remove }`): each link
 *   kept keeps its details, a new one has none;
 * - neither: as they were.
 * `before`: the record a change applies to (none on creation). Link edits are already applied.
 */
export function withConsistentDetails(input: object, links: readonly LinkList[], before?: object): Record<string, unknown> {
  const whole: Record<string, unknown> = { ...input };
  const was = (before ?? {}) as Record<string, unknown>;
  for (const link of links) {
    const details = link.details;
    if (!details) continue;
    const ids = whole[link.field] as number[] | undefined;
    const given = whole[details.field] as LinkDetail[] | undefined;
    const idsBefore = was[link.field] as number[] | undefined;
    const detailsBefore = (was[details.field] as LinkDetail[] | undefined) ?? [];
    const idsChanged = ids !== undefined && (idsBefore === undefined || !sameIds(ids, idsBefore));
    if (given !== undefined) {
      const entries = wholeDetails(given, details);
      const idsGiven = entries.map((entry) => entry[details.idKey]);
      if (new Set(idsGiven).size !== idsGiven.length) {
        throw badRequest({ [details.field]: `${details.field} must not list the same ${details.idKey} twice` });
      }
      const detailsChanged = before === undefined || JSON.stringify(entries) !== JSON.stringify(wholeDetails(detailsBefore, details));
      if (detailsChanged || !idsChanged) {
        if (idsChanged && !sameIds(ids, idsGiven)) {
          throw badRequest({
            [details.field]: `${details.field} and ${link.field} name different records: send one of them, or both alike`,
          });
        }
        whole[details.field] = entries;
        whole[link.field] = idsGiven;
        continue;
      }
    }
    if (ids !== undefined) {
      whole[details.field] = ids.map((id) => detailsBefore.find((entry) => entry[details.idKey] === id) ?? bare(id, details));
    }
  }
  return whole;
}

/**
 * A record's rows of a link table as JSON objects keyed by column (the record's own column left
 * out: it is given apart, as a parameter of its own), for `json_populate_recordset`, which gives
 * each value its column's type (an enum too), whatever the table holds.
 */
export function linkRows(link: LinkList, ids: readonly number[], entries?: readonly LinkDetail[]): Record<string, unknown>[] {
  return ids.map((id, position) => ({
    [link.linkedColumn]: id,
    position,
    ...(link.details && entries
      ? Object.fromEntries(
          Object.entries(link.details.columns).map(([property, column]) => [column, entries[position]?.[property] ?? null]),
        )
      : {}),
  }));
}

/** `INSERT` of one record's link rows: $1 the record's id, $2 the rows (linkRows) as JSON. */
export const insertLinkRowsSql = (link: LinkList) =>
  `INSERT INTO ${link.table} SELECT (json_populate_record(r, json_build_object('${link.recordColumn}', $1::int))).*
   FROM json_populate_recordset(NULL::${link.table}, $2) r`;
