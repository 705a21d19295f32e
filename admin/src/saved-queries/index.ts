import { lazy } from 'react';
import type { SavedQuery } from '../types';
import { SavedQueryIcon } from './SavedQueryIcon';

/**
 * Saved queries: filters and order kept under a name on the server, one's own and the team's
 * shared ones. Saved and applied on the statement list (SavedQueriesPanel, in its filter
 * sidebar); listed, opened, renamed and deleted here.
 */
export default {
  list: lazy(() => import('./SavedQueryList')),
  edit: lazy(() => import('./SavedQueryEdit')),
  icon: SavedQueryIcon,
  recordRepresentation: (savedQuery: SavedQuery) => savedQuery.name,
};
