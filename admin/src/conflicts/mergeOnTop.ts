import { BOOKKEEPING_FIELDS, sameValue } from '../history/fields';

type Values = Record<string, unknown>;

export type FieldSide = 'theirs' | 'yours' | 'both';

/**
 * Who changed which field since the version the form was opened with (`base`): the other
 * person (`theirs`, the server's current record), you (`yours`, the form), or both.
 * Fields changed identically on both sides are not a difference.
 */
export function compareVersions(base: Values, theirs: Values, yours: Values): Array<{ field: string; side: FieldSide }> {
  const fields = new Set([...Object.keys(theirs), ...Object.keys(yours)].filter((field) => !BOOKKEEPING_FIELDS.has(field)));
  const differences: Array<{ field: string; side: FieldSide }> = [];
  for (const field of fields) {
    const theyChanged = !sameValue(theirs[field], base[field]);
    const youChanged = !sameValue(yours[field], base[field]);
    if (!theyChanged && !youChanged) continue;
    if (theyChanged && youChanged) {
      if (!sameValue(theirs[field], yours[field])) differences.push({ field, side: 'both' });
    } else differences.push({ field, side: theyChanged ? 'theirs' : 'yours' });
  }
  return differences;
}

/**
 * "Keep editing mine on top of theirs": the values to put into the form so that it is their
 * version plus your changes. Fields only they changed take their value; fields you changed keep
 * yours (where both changed, yours — the review said so); the rest is unchanged anyway.
 */
export function theirChangesToTake(base: Values, theirs: Values, yours: Values): Values {
  const take: Values = {};
  for (const { field, side } of compareVersions(base, theirs, yours)) {
    if (side === 'theirs') take[field] = theirs[field];
  }
  return take;
}
