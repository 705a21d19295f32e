import { recordColumns } from '../records/fields/field-rules';
import { CollectionTable, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { Source } from './source.entity';
import { SOURCE_FIELDS, SOURCE_KINDS } from './source.fields';

export const SOURCE_FILTERS = {
  id: { type: 'id', description: 'Source id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the title, publisher or an author (case-insensitive).' },
  kind: { type: 'enum', values: SOURCE_KINDS, description: 'Kind of source; repeat for several.' },
  language: {
    type: 'pattern',
    pattern: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/,
    example: 'en',
    description: 'BCP 47 tag; repeat for several.',
  },
} as const;

export const SOURCE_SORTS = [
  'id',
  'title',
  'publisher',
  'publishedOn',
  'accessedOn',
  'kind',
  'language',
  'createdAt',
  'updatedAt',
] as const;
export type SourceSort = (typeof SOURCE_SORTS)[number];

export const SOURCE_LIST_SPEC: ListSpec<typeof SOURCE_FILTERS, SourceSort> = {
  resource: 'sources',
  filters: SOURCE_FILTERS,
  sortFields: SOURCE_SORTS,
  defaultSort: { field: 'title', order: 'ASC' },
};

export const SOURCE_TABLE: CollectionTable<typeof SOURCE_FILTERS, SourceSort> = {
  entity: Source,
  alias: 'src',
  trash: true,
  columns: recordColumns(SOURCE_FIELDS, 'src'),
  sortSql: {
    id: 'src.id',
    title: 'lower(src.title)',
    publisher: 'lower(src.publisher)',
    publishedOn: 'src.published_on',
    accessedOn: 'src.accessed_on',
    kind: 'src.kind',
    language: 'src.language',
    createdAt: 'src.created_at',
    updatedAt: 'src.updated_at',
  },
  filterSql: {
    id: (ids) => ({ sql: 'src.id = ANY(:sourceIds)', params: { sourceIds: ids } }),
    q: (text) => ({
      sql: `(src.title ILIKE :sourceQ OR src.publisher ILIKE :sourceQ
             OR EXISTS (SELECT 1 FROM unnest(src.authors) author WHERE author ILIKE :sourceQ))`,
      params: { sourceQ: `%${likeEscape(text)}%` },
    }),
    kind: (kinds) => ({ sql: 'src.kind = ANY(CAST(:sourceKinds AS source_kind[]))', params: { sourceKinds: kinds } }),
    language: (tags) => ({
      sql: 'lower(src.language) = ANY(:sourceLanguages)',
      params: { sourceLanguages: tags.map((t) => t.toLowerCase()) },
    }),
  },
};
