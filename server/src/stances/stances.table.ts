import { recordColumns } from '../records/fields/field-rules';
import { CollectionTable, likeEscape } from '../records/list-query/collection-reader';
import { ListSpec } from '../records/list-query/filter-definitions';
import { Stance } from './stance.entity';
import { STANCE_FIELDS, STANCE_SCORE_MAX, STANCE_SCORE_MIN } from './stance.fields';

export const STANCE_FILTERS = {
  id: { type: 'id', description: 'Stance id; repeat for several.' },
  q: { type: 'text', maxLength: 200, description: 'Part of the name (case-insensitive).' },
  score: { type: 'int', min: STANCE_SCORE_MIN, max: STANCE_SCORE_MAX, description: 'Score; repeat for several.' },
} as const;

export const STANCE_SORTS = ['id', 'name', 'score', 'createdAt', 'updatedAt'] as const;
export type StanceSort = (typeof STANCE_SORTS)[number];

export const STANCE_LIST_SPEC: ListSpec<typeof STANCE_FILTERS, StanceSort> = {
  resource: 'stances',
  filters: STANCE_FILTERS,
  sortFields: STANCE_SORTS,
  defaultSort: { field: 'score', order: 'ASC' },
};

export const STANCE_TABLE: CollectionTable<typeof STANCE_FILTERS, StanceSort> = {
  entity: Stance,
  alias: 'st',
  trash: true,
  columns: recordColumns(STANCE_FIELDS, 'st'),
  sortSql: { id: 'st.id', name: 'lower(st.name)', score: 'st.score', createdAt: 'st.created_at', updatedAt: 'st.updated_at' },
  filterSql: {
    id: (ids) => ({ sql: 'st.id = ANY(:stanceIds)', params: { stanceIds: ids } }),
    q: (text) => ({ sql: 'st.name ILIKE :stanceQ', params: { stanceQ: `%${likeEscape(text)}%` } }),
    score: (scores) => ({ sql: 'st.score = ANY(:stanceScores)', params: { stanceScores: scores } }),
  },
};
