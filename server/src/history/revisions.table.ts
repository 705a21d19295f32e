import { CollectionTable } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { ACCOUNT_RESOURCES, Revision, REVISION_ACTIONS, REVISION_RESOURCES } from './revision.entity';

export const REVISION_FILTERS = {
  id: { type: 'id', description: 'Revision id; repeat for several.' },
  userId: { type: 'id', description: 'Changes by this account; repeat for several.' },
  resource: {
    type: 'enum',
    values: REVISION_RESOURCES,
    description: 'Collection; repeat for several. users and tokens (account changes) for admins only.',
  },
  recordId: { type: 'id', description: 'Changes to this record id (with resource); repeat for several.' },
  action: { type: 'enum', values: REVISION_ACTIONS, description: 'create, update, delete, restore, revert or purge; repeat for several.' },
  importId: {
    type: 'id',
    description: 'Changes made by this import (its rows and its undo). Without it, the feed shows each import as one entry.',
  },
  at_gte: { type: 'timestamp', description: 'Changes at or after this instant (ISO 8601).' },
  at_lte: { type: 'timestamp', description: 'Changes at or before this instant (ISO 8601).' },
} as const;

export const REVISION_SORTS = ['id', 'at'] as const;
export type RevisionSort = (typeof REVISION_SORTS)[number];

/** The activity feed: every change across the database, newest first. */
export const REVISION_LIST_SPEC: ListSpec<typeof REVISION_FILTERS, RevisionSort> = {
  resource: 'revisions',
  filters: REVISION_FILTERS,
  sortFields: REVISION_SORTS,
  defaultSort: { field: 'id', order: 'DESC' },
};

/** One record's history: the same rows, with resource and record fixed by the path. */
export const RECORD_REVISION_FILTERS = {
  userId: REVISION_FILTERS.userId,
  action: REVISION_FILTERS.action,
} as const;

export const RECORD_REVISION_LIST_SPEC: ListSpec<typeof RECORD_REVISION_FILTERS, RevisionSort> = {
  resource: 'revisions',
  filters: RECORD_REVISION_FILTERS,
  sortFields: REVISION_SORTS,
  defaultSort: { field: 'id', order: 'DESC' },
};

/** The revisions the feed shows by default; idx_revisions_feed_id is built on this very condition. */
export const FEED_ENTRY = 'r.import_id IS NULL';

export const REVISION_TABLE: CollectionTable<typeof REVISION_FILTERS, RevisionSort> = {
  entity: Revision,
  alias: 'r',
  trash: false,
  columns: {
    id: 'r.id',
    resource: 'r.resource',
    recordId: 'r.record_id',
    version: 'r.version',
    action: 'r.action',
    at: 'r.at',
    user: `(SELECT json_build_object('id', ru.id, 'name', ru.display_name) FROM users ru WHERE ru.id = r.user_id)`,
    label: 'r.label',
    changedFields: 'r.changed_fields',
    before: 'r.before',
    after: 'r.after',
    revertedFrom: 'r.reverted_from_id',
    revertedFromVersion: '(SELECT f.version FROM revisions f WHERE f.id = r.reverted_from_id)',
    importId: "CASE WHEN r.resource = 'imports' THEN r.record_id ELSE r.import_id END",
  },
  sortSql: { id: 'r.id', at: 'r.at' },
  filterSql: {
    id: (ids) => ({ sql: 'r.id = ANY(:revisionIds)', params: { revisionIds: ids } }),
    userId: (ids) => ({ sql: 'r.user_id = ANY(:revisionUserIds)', params: { revisionUserIds: ids } }),
    resource: (values) => ({
      sql: 'r.resource = ANY(CAST(:revisionResources AS revision_resource[]))',
      params: { revisionResources: values },
    }),
    recordId: (ids) => ({ sql: 'r.record_id = ANY(:revisionRecordIds)', params: { revisionRecordIds: ids } }),
    action: (values) => ({ sql: 'r.action = ANY(CAST(:revisionActions AS revision_action[]))', params: { revisionActions: values } }),
    importId: (ids) => ({
      sql: "(r.import_id = ANY(:revisionImportIds) OR (r.resource = 'imports' AND r.record_id = ANY(:revisionImportIds)))",
      params: { revisionImportIds: ids },
    }),
    at_gte: (instant) => ({ sql: 'r.at >= CAST(:revisionAtGte AS timestamptz)', params: { revisionAtGte: instant } }),
    at_lte: (instant) => ({ sql: 'r.at <= CAST(:revisionAtLte AS timestamptz)', params: { revisionAtLte: instant } }),
  },
};

/**
 * The feed's own filters, never parameters: an import's rows are left out (the import's own
 * entry stands for them) unless the feed is asked for one import's changes; account changes
 * are left out for callers who are not admins.
 */
export type FeedFilters = typeof REVISION_FILTERS & {
  importRows: { type: 'enum'; values: readonly ['collapsed']; description: string };
  accounts: { type: 'enum'; values: readonly ['hidden']; description: string };
};
export const FEED_TABLE: CollectionTable<FeedFilters, RevisionSort> = {
  ...REVISION_TABLE,
  filterSql: {
    ...REVISION_TABLE.filterSql,
    importRows: () => ({ sql: FEED_ENTRY }),
    accounts: () => ({ sql: `r.resource NOT IN (${ACCOUNT_RESOURCES.map((resource) => `'${resource}'`).join(', ')})` }),
  },
};
