import { CollectionTable } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { Publication } from '../records/collection/published-records';
import { SnapshotEntity } from './snapshot.entity';

export const SNAPSHOT_FILTERS = {
  id: { type: 'id', description: 'Snapshot id; repeat for several.' },
  createdById: { type: 'id', description: 'Snapshots made by this account; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Words of the title or note (case-insensitive substring).' },
  verifiedOnly: {
    type: 'enum',
    values: ['true', 'false'],
    description:
      'true: snapshots whose statements were all verified when frozen (those anonymous readers see with PUBLIC_READ=verified); false: the others.',
  },
} as const;

export const SNAPSHOT_SORTS = ['id', 'createdAt', 'title', 'count'] as const;
export type SnapshotSort = (typeof SNAPSHOT_SORTS)[number];

/** The snapshots, newest first; deleted ones are not listed (their address answers 410). */
export const SNAPSHOT_LIST_SPEC: ListSpec<typeof SNAPSHOT_FILTERS, SnapshotSort> = {
  resource: 'snapshots',
  filters: SNAPSHOT_FILTERS,
  sortFields: SNAPSHOT_SORTS,
  defaultSort: { field: 'id', order: 'DESC' },
};

const userRef = (column: string) => `(SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = ${column})`;

/**
 * A snapshot as the API answers it. `url` is filled in by the service (it depends on PUBLIC_URL);
 * the files' sizes are bigint in PostgreSQL and exact as JSON numbers below 2^53.
 */
export const SNAPSHOT_COLUMNS: Record<string, string> = {
  id: 'n.id',
  title: 'n.title',
  note: 'n.note',
  query: 'n.query',
  queryWords: 'n.query_words',
  columns: 'n.columns',
  count: 'n.count',
  sha256: 'n.sha256',
  verifiedOnly: 'n.verified_only',
  bytes: 'n.bytes::float8',
  storedBytes: '(SELECT COALESCE(sum(f.stored_bytes), 0)::float8 FROM snapshot_files f WHERE f.snapshot_id = n.id)',
  files: `COALESCE((SELECT json_agg(json_build_object('format', f.format, 'sha256', f.sha256, 'bytes', f.bytes::float8) ORDER BY f.format)
           FROM snapshot_files f WHERE f.snapshot_id = n.id), '[]'::json)`,
  createdAt: 'n.created_at',
  createdBy: userRef('n.created_by_id'),
  updatedAt: 'n.updated_at',
  updatedBy: userRef('n.updated_by_id'),
  version: 'n.version',
};

export const SNAPSHOT_TABLE: CollectionTable<typeof SNAPSHOT_FILTERS, SnapshotSort> = {
  entity: SnapshotEntity,
  alias: 'n',
  trash: true,
  columns: SNAPSHOT_COLUMNS,
  timestampFields: ['createdAt', 'updatedAt'],
  sortSql: { id: 'n.id', createdAt: 'n.created_at', title: 'lower(n.title)', count: 'n.count' },
  filterSql: {
    id: (ids) => ({ sql: 'n.id = ANY(:snapshotIds)', params: { snapshotIds: ids } }),
    createdById: (ids) => ({ sql: 'n.created_by_id = ANY(:snapshotAuthors)', params: { snapshotAuthors: ids } }),
    verifiedOnly: (values) => ({ sql: 'n.verified_only::text = ANY(:snapshotVerified)', params: { snapshotVerified: values } }),
    q: (text) => ({
      sql: "(strpos(lower(n.title), lower(:snapshotText)) > 0 OR strpos(lower(COALESCE(n.note, '')), lower(:snapshotText)) > 0)",
      params: { snapshotText: text },
    }),
  },
};

/** What anonymous readers see under PUBLIC_READ=verified: snapshots of verified statements only. */
export const PUBLISHED_SNAPSHOTS: Publication<typeof SNAPSHOT_FILTERS> = { field: 'verifiedOnly', values: ['true'] };
