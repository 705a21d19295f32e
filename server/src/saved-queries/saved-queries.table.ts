import { FilterSql, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { SAVED_QUERY_RESOURCES } from './saved-query.entity';

export const SAVED_QUERY_FILTERS = {
  id: { type: 'id', description: 'Saved query id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Words of the name (case-insensitive substring).' },
  shared: {
    type: 'enum',
    values: ['true', 'false'],
    description: "true: those shared with the team (yours and others'); false: your own unshared ones.",
  },
  ownerId: { type: 'id', description: 'Saved by this account (your id: your own); repeat for several.' },
  resource: { type: 'enum', values: SAVED_QUERY_RESOURCES, description: 'The page it opens: statements (the list), timeline or analysis.' },
} as const;

export const SAVED_QUERY_SORTS = ['name', 'id', 'createdAt', 'updatedAt'] as const;
export type SavedQuerySort = (typeof SAVED_QUERY_SORTS)[number];

/** An account's own saved queries and those the team shares, by name. */
export const SAVED_QUERY_LIST_SPEC: ListSpec<typeof SAVED_QUERY_FILTERS, SavedQuerySort> = {
  resource: 'saved-queries',
  filters: SAVED_QUERY_FILTERS,
  sortFields: SAVED_QUERY_SORTS,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const SAVED_QUERY_SORT_SQL: Record<SavedQuerySort, string> = {
  name: 'lower(sq.name)',
  id: 'sq.id',
  createdAt: 'sq.created_at',
  updatedAt: 'sq.updated_at',
};

export const SAVED_QUERY_FILTER_SQL: FilterSql<typeof SAVED_QUERY_FILTERS> = {
  id: (ids) => ({ sql: 'sq.id = ANY(:savedQueryIds)', params: { savedQueryIds: ids } }),
  q: (text) => ({ sql: 'sq.name ILIKE :savedQueryText', params: { savedQueryText: `%${likeEscape(text)}%` } }),
  shared: (values) => ({ sql: 'sq.shared::text = ANY(:savedQueryShared)', params: { savedQueryShared: values } }),
  ownerId: (ids) => ({ sql: 'sq.owner_id = ANY(:savedQueryOwners)', params: { savedQueryOwners: ids } }),
  resource: (values) => ({
    sql: 'sq.resource = ANY(CAST(:savedQueryResources AS saved_query_resource[]))',
    params: { savedQueryResources: values },
  }),
};

/**
 * A saved query as the API answers it, for the account `:viewer`: with its owner's name, and
 * whether it is the viewer's own (`mine`).
 */
export const SAVED_QUERY_COLUMNS: Record<string, string> = {
  id: 'sq.id',
  name: 'sq.name',
  resource: 'sq.resource::text',
  query: 'sq.query',
  shared: 'sq.shared',
  owner: `(SELECT json_build_object('id', u.id, 'name', u.display_name) FROM users u WHERE u.id = sq.owner_id)`,
  mine: 'sq.owner_id = :viewer',
  createdAt: 'sq.created_at',
  updatedAt: 'sq.updated_at',
  version: 'sq.version',
};
