/**
 * What the history and the conflict review need to know about fields to show them readably.
 */

/** Fields holding ids of other records, and which collection they point to. */
export const REFERENCE_FIELDS: Record<string, Record<string, string>> = {
  statements: {
    speakerId: 'actors',
    participantIds: 'actors',
    stanceId: 'stances',
    topicIds: 'topics',
    sourceIds: 'sources',
    respondsToId: 'statements',
  },
};

export const referenceOf = (resource: string, field: string): string | undefined => REFERENCE_FIELDS[resource]?.[field];

/** Kept by the server, not by whoever edits: never shown as someone's change. */
export const BOOKKEEPING_FIELDS = new Set(['id', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'deletedAt', 'deletedBy']);

/** Derived by the server from `date`: shown with it, not on their own. */
const DERIVED_FROM_DATE = new Set(['dateStart', 'dateEnd', 'displayDate']);

/** The fields worth showing for a change, in the server's order. */
export function visibleChangedFields(resource: string, changedFields: string[]): string[] {
  const fields = changedFields.filter((field) => !BOOKKEEPING_FIELDS.has(field));
  if (resource === 'statements') {
    const hasDate = fields.includes('date');
    const rest = fields.filter((field) => !DERIVED_FROM_DATE.has(field));
    // The derived bounds alone (no change to `date`) mean the server's reading of it changed.
    return hasDate || rest.length === fields.length ? rest : [...rest, 'date'];
  }
  return fields;
}

/** Same value, for arrays and objects too (the API returns plain JSON). */
export const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const isEmptyValue = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Texts long enough to be compared word by word rather than shown whole twice. */
export const isLongText = (value: unknown) => typeof value === 'string' && (value.length > 40 || value.includes('\n'));
