import { createContext, useContext, type MutableRefObject } from 'react';
import type { RaRecord } from 'react-admin';

/** A save refused because the record changed since the form was opened (409 with `current`). */
export interface EditConflict {
  /** The record as it is on the server now. */
  current: RaRecord & { version: number; updatedBy?: { name: string } | null; updatedAt?: string };
}

export interface EditConflictState {
  conflict: EditConflict | null;
  report(conflict: EditConflict): void;
  dismiss(): void;
  /**
   * The version of the record the form's edits are based on: the record as opened, or the
   * version adopted when resolving a conflict. Saves say this version, whatever the form holds.
   */
  base: MutableRefObject<RaRecord | null>;
}

export const EditConflictContext = createContext<EditConflictState | null>(null);

/** Null outside an edit page (the same form serves the create page). */
export const useEditConflict = () => useContext(EditConflictContext);
