import type { ApiPropertyOptions } from '@nestjs/swagger';
import { ValidateBy } from 'class-validator';
import { INT32_MAX } from '../../kernel/validation/field-decorators';

/** How many ids one link list holds at most. */
export const MAX_LINKS = 200;

/** A change to a link list that adds and removes ids rather than naming them all. */
export interface LinkEdit {
  add?: number[];
  remove?: number[];
}

/** A list of ids, as a link list's schema says it. */
export const ID_LIST: ApiPropertyOptions = {
  type: 'array',
  items: { type: 'integer', minimum: 1, maximum: INT32_MAX },
  uniqueItems: true,
  maxItems: MAX_LINKS,
};

export const LINK_EDIT_SCHEMA = {
  type: 'object',
  description: 'Ids to add (appended in this order, those already listed kept where they are) and to remove.',
  properties: { add: ID_LIST, remove: ID_LIST },
  additionalProperties: false,
  minProperties: 1,
};

export const isLinkEdit = (value: unknown): value is LinkEdit => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a list of ids, or undefined. */
function idListProblem(value: unknown, name: string): string | undefined {
  if (!Array.isArray(value)) return `${name} must be a list of ids`;
  if (value.length > MAX_LINKS) return `${name} must contain no more than ${MAX_LINKS} elements`;
  if (!value.every((id) => Number.isInteger(id) && id >= 1 && id <= INT32_MAX)) return `${name} must list ids (positive integers)`;
  if (new Set(value).size !== value.length) return `${name} must not list the same id twice`;
  return undefined;
}

/** What is wrong with a link list or a link edit, or undefined. */
function linkChangeProblem(value: unknown, property: string): string | undefined {
  if (!isLinkEdit(value)) return idListProblem(value, property);
  const keys = Object.keys(value);
  const unknown = keys.filter((key) => key !== 'add' && key !== 'remove');
  if (unknown.length) return `${property} takes a list of ids, or { add, remove }; ${unknown.map((k) => `"${k}"`).join(', ')} is neither`;
  if (!keys.length) return `${property} must list ids, or add or remove some`;
  const problem = keys.map((key) => idListProblem(value[key as keyof LinkEdit], `${property}.${key}`)).find(Boolean);
  if (problem) return problem;
  const both = (value.add ?? []).filter((id) => value.remove?.includes(id));
  return both.length ? `${property} cannot both add and remove ${both.join(', ')}` : undefined;
}

/** A list of ids, or `{ add, remove }` (changes only). */
export function IsIdListOrEdit() {
  return ValidateBy({
    name: 'isIdListOrEdit',
    validator: {
      validate: (value: unknown, args) => linkChangeProblem(value, args?.property ?? '') === undefined,
      defaultMessage: (args) => linkChangeProblem(args?.value, args?.property ?? '') ?? '',
    },
  });
}

/** The list after an edit: removed ids gone, added ones appended in order unless already there. */
export function applyLinkEdit(current: readonly number[], edit: LinkEdit): number[] {
  const kept = current.filter((id) => !edit.remove?.includes(id));
  return [...kept, ...(edit.add ?? []).filter((id) => !kept.includes(id))];
}
