import { ListSpec } from '../records/list-query/filter-definitions';
import { RECORD_RESOURCES } from '../history/revision.entity';

export const TRASH_FILTERS = {
  resource: { type: 'enum', values: RECORD_RESOURCES, description: 'Collection; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the headline, name or title.' },
} as const;

export const TRASH_SORTS = ['deletedAt', 'resource', 'label'] as const;
export type TrashSort = (typeof TRASH_SORTS)[number];

export const TRASH_LIST_SPEC: ListSpec<typeof TRASH_FILTERS, TrashSort> = {
  resource: 'trash',
  filters: TRASH_FILTERS,
  sortFields: TRASH_SORTS,
  defaultSort: { field: 'deletedAt', order: 'DESC' },
};
