import { recordColumns } from '../records/fields/field-rules';
import { CollectionTable, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { Topic } from './topic.entity';
import { TOPIC_FIELDS } from './topic.fields';

export const TOPIC_FILTERS = {
  id: { type: 'id', description: 'Topic id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the name (case-insensitive).' },
} as const;

export const TOPIC_SORTS = ['id', 'name', 'createdAt', 'updatedAt'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export const TOPIC_LIST_SPEC: ListSpec<typeof TOPIC_FILTERS, TopicSort> = {
  resource: 'topics',
  filters: TOPIC_FILTERS,
  sortFields: TOPIC_SORTS,
  defaultSort: { field: 'name', order: 'ASC' },
};

export const TOPIC_TABLE: CollectionTable<typeof TOPIC_FILTERS, TopicSort> = {
  entity: Topic,
  alias: 't',
  trash: true,
  columns: recordColumns(TOPIC_FIELDS, 't'),
  sortSql: { id: 't.id', name: 'lower(t.name)', createdAt: 't.created_at', updatedAt: 't.updated_at' },
  filterSql: {
    id: (ids) => ({ sql: 't.id = ANY(:topicIds)', params: { topicIds: ids } }),
    q: (text) => ({ sql: 't.name ILIKE :topicQ', params: { topicQ: `%${likeEscape(text)}%` } }),
  },
};
