import type { EntityManager } from 'typeorm';
import type { RecordAuthor } from './record-author';

/** What the engine does to a record; each is one revision in the history. */
export const RECORD_ACTIONS = ['create', 'update', 'delete', 'restore', 'revert', 'purge'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** One change to one record, as the engine reports it: the record as the API showed it before and after. */
export interface RecordChange {
  resource: string;
  recordId: number;
  action: RecordAction;
  author: RecordAuthor;
  /** The record's headline or name at the time. */
  label: string;
  before: object | null;
  after: object | null;
  /** For a revert: the revision whose state was brought back. */
  revertedFromId?: number;
}

/**
 * Keeps every change to every record. The engine tells it of each change inside the
 * transaction that makes it, so a change and its revision are stored together or not at all.
 * The history feature provides it under RECORD_HISTORY.
 */
export interface RecordHistory {
  record(manager: EntityManager, change: RecordChange): Promise<number>;
  /** Many changes at once (an import's batch), as one insert. */
  recordMany(manager: EntityManager, changes: RecordChange[]): Promise<void>;
}

export const RECORD_HISTORY = Symbol('RecordHistory');

/** Bookkeeping fields that change with every write; a diff that only touches them is no change. */
const NOT_CHANGES = new Set(['id', 'version', 'updatedAt', 'updatedBy']);

/** Values as they are stored in jsonb, so that a Date and its ISO string compare equal. */
const asJson = (value: unknown) => JSON.stringify(value ?? null);

/** The fields whose values differ between two states of a record, in the record's field order. */
export function changedFields(before: object | null, after: object | null): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((key) => !NOT_CHANGES.has(key) && asJson(a[key]) !== asJson(b[key]));
}
