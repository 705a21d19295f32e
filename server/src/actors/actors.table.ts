import { recordColumns } from '../records/fields/field-rules';
import { CollectionTable, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { Actor } from './actor.entity';
import { ACTOR_FIELDS, ACTOR_KINDS } from './actor.fields';

export const ACTOR_FILTERS = {
  id: { type: 'id', description: 'Actor id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the name, native name or an alias (case-insensitive).' },
  kind: { type: 'enum', values: ACTOR_KINDS, description: 'person or organization; repeat for several.' },
  country: { type: 'pattern', pattern: /^[A-Z]{2}$/, example: 'RU', description: 'ISO 3166-1 alpha-2; repeat for several.' },
} as const;

export const ACTOR_SORTS = ['id', 'name', 'nativeName', 'kind', 'country', 'title', 'createdAt', 'updatedAt'] as const;
export type ActorSort = (typeof ACTOR_SORTS)[number];

export const ACTOR_LIST_SPEC: ListSpec<typeof ACTOR_FILTERS, ActorSort> = {
  resource: 'actors',
  filters: ACTOR_FILTERS,
  sortFields: ACTOR_SORTS,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const ACTOR_TABLE: CollectionTable<typeof ACTOR_FILTERS, ActorSort> = {
  entity: Actor,
  alias: 'a',
  trash: true,
  columns: recordColumns(ACTOR_FIELDS, 'a'),
  sortSql: {
    id: 'a.id',
    name: 'lower(a.name)',
    nativeName: 'a.native_name',
    kind: 'a.kind',
    country: 'a.country',
    title: 'lower(a.title)',
    createdAt: 'a.created_at',
    updatedAt: 'a.updated_at',
  },
  filterSql: {
    id: (ids) => ({ sql: 'a.id = ANY(:actorIds)', params: { actorIds: ids } }),
    q: (text) => ({
      sql: `(a.name ILIKE :actorQ OR a.native_name ILIKE :actorQ
             OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE alias ILIKE :actorQ))`,
      params: { actorQ: `%${likeEscape(text)}%` },
    }),
    kind: (kinds) => ({ sql: 'a.kind = ANY(CAST(:actorKinds AS actor_kind[]))', params: { actorKinds: kinds } }),
    country: (codes) => ({ sql: 'a.country = ANY(:actorCountries)', params: { actorCountries: codes } }),
  },
};
