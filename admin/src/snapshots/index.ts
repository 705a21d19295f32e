import { lazy } from 'react';
import type { Snapshot } from '../types';
import { SnapshotIcon } from './SnapshotIcon';

/**
 * Snapshots: statement queries frozen with their results, to cite and to compare with the
 * database later. Saved from the statement list and the timeline (SaveSnapshotButton), listed
 * and read by everyone signed in; editors change a title or note; admins delete.
 */
export default {
  list: lazy(() => import('./SnapshotList')),
  show: lazy(() => import('./SnapshotShow')),
  edit: lazy(() => import('./SnapshotEdit')),
  icon: SnapshotIcon,
  recordRepresentation: (record: Snapshot) => record.title,
};
