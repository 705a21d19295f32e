import { CollectionTable } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { ImportEntity, IMPORT_STATUSES, ROW_OUTCOMES } from './import.entity';

export const IMPORT_FILTERS = {
  id: { type: 'id', description: 'Import id; repeat for several.' },
  userId: { type: 'id', description: 'Imports by this account; repeat for several.' },
  status: {
    type: 'enum',
    values: IMPORT_STATUSES,
    description: 'finished or undone (an import that wrote nothing is not kept); repeat for several.',
  },
} as const;

export const IMPORT_SORTS = ['id', 'startedAt'] as const;
export type ImportSort = (typeof IMPORT_SORTS)[number];

/** Past imports, newest first (a dry run is never one of them: it writes nothing). */
export const IMPORT_LIST_SPEC: ListSpec<typeof IMPORT_FILTERS, ImportSort> = {
  resource: 'imports',
  filters: IMPORT_FILTERS,
  sortFields: IMPORT_SORTS,
  defaultSort: { field: 'id', order: 'DESC' },
};

const userRef = (column: string) => `(SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = ${column})`;

export const IMPORT_TABLE: CollectionTable<typeof IMPORT_FILTERS, ImportSort> = {
  entity: ImportEntity,
  alias: 'i',
  trash: false,
  columns: {
    id: 'i.id',
    status: 'i.status',
    fileName: 'i.file_name',
    format: 'i.format',
    options: 'i.options',
    user: userRef('i.user_id'),
    startedAt: 'i.started_at',
    finishedAt: 'i.finished_at',
    totalRows: 'i.total_rows',
    counts: `json_build_object('created', i.created, 'updated', i.updated, 'unchanged', i.unchanged, 'failed', i.failed)`,
    error: `CASE WHEN i.error IS NULL THEN NULL ELSE json_build_object('message', i.error) END`,
    undoneAt: 'i.undone_at',
    undoneBy: userRef('i.undone_by_id'),
  },
  timestampFields: ['startedAt', 'finishedAt', 'undoneAt'],
  sortSql: { id: 'i.id', startedAt: 'i.started_at' },
  filterSql: {
    id: (ids) => ({ sql: 'i.id = ANY(:importIds)', params: { importIds: ids } }),
    userId: (ids) => ({ sql: 'i.user_id = ANY(:importUserIds)', params: { importUserIds: ids } }),
    status: (values) => ({ sql: 'i.status = ANY(CAST(:importStatuses AS import_status[]))', params: { importStatuses: values } }),
  },
};

/** A report's rows as a list: the list protocol's paging, and one filter, the outcome; always failures first, then by row. */
export const IMPORT_ROWS_SPEC: ListSpec<{ outcome: { type: 'enum'; values: typeof ROW_OUTCOMES; description: string } }, 'row'> = {
  resource: 'import rows',
  filters: { outcome: { type: 'enum', values: ROW_OUTCOMES, description: 'created, updated, unchanged or failed.' } },
  sortFields: ['row'],
  defaultSort: { field: 'row', order: 'ASC' },
};
