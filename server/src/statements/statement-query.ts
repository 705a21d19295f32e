import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { narrowToPublished, Publication } from '../records/collection/published-records';
import { requestSeesPublishedOnly } from '../records/collection/record-author';
import { recordColumns } from '../records/fields/field-rules';
import { applyFilters, CollectionTable } from '../records/list-query/collection-reader';
import { ListSpec, ParsedFilters } from '../records/list-query/filter-definitions';
import { fullTextCondition } from './full-text';
import { Statement } from './statement.entity';
import { REVIEW_STATUSES, STATEMENT_FIELDS, STATEMENT_STATUSES, STATEMENT_TYPES, StatementField } from './statement.fields';
import { snakeCase } from '../database/snake-naming.strategy';

/*
 * The one statement query builder: how each filter and sort of the statements protocol
 * becomes SQL over `statements s`. The list, the timeline and the exports all go through
 * it and differ only in what they select and how they serialise it.
 */

/** What the review filter (`needs`) finds, each a condition on the statement (NEEDS_SQL). */
export const REVIEW_NEEDS = ['quoteKind', 'source', 'originalWording', 'inferredDate', 'review'] as const;
const NEEDS_SQL: Record<(typeof REVIEW_NEEDS)[number], string> = {
  quoteKind: '(s.quote IS NOT NULL AND s.quote_kind IS NULL)',
  source: "NOT EXISTS (SELECT 1 FROM statement_sources l WHERE l.statement_id = s.id AND l.role IN ('primary', 'reporting'))",
  originalWording: "(s.quote_kind = 'translation' AND s.quote_original IS NULL)",
  inferredDate: 's.date_inferred',
  review: "s.review_status = 'draft'",
};

/** How date_gte / date_lte match: by overlap of the entry's range with the asked one, or with all of it inside. */
export const DATE_MODES = ['overlap', 'within'] as const;
export type DateMode = (typeof DATE_MODES)[number];

export const STATEMENT_FILTERS = {
  id: { type: 'id', description: 'Statement id; repeat for several.' },
  speakerId: { type: 'id', description: 'Speaker (actor id); repeat for any of several.' },
  actorId: { type: 'id', description: 'Actor as speaker or participant; repeat for any of several.' },
  stanceId: { type: 'id', description: 'Stance id; repeat for any of several.' },
  topicId: { type: 'id', description: 'Topic id; repeat for any of several.' },
  sourceId: { type: 'id', description: 'Source id; repeat for any of several.' },
  type: { type: 'enum', values: STATEMENT_TYPES, description: 'Entry type; repeat for any of several.' },
  status: { type: 'enum', values: STATEMENT_STATUSES, description: 'occurred, planned or cancelled; repeat for several.' },
  reviewStatus: { type: 'enum', values: REVIEW_STATUSES, description: 'draft or verified.' },
  needs: {
    type: 'enum',
    values: REVIEW_NEEDS,
    description:
      'Entries that need a look; repeat for any of several. quoteKind: a quote whose kind nobody has said; source: no primary ' +
      'or reporting source; originalWording: a translated quote without the original wording; inferredDate: a date the curator ' +
      'inferred rather than the source stated; review: not yet verified (draft).',
  },
  respondsToId: { type: 'id', description: 'Entries replying to this statement; repeat for several.' },
  date_gte: {
    type: 'date',
    bound: 'start',
    description:
      'From this day (YYYY-MM-DD, YYYY-MM or YYYY): entries whose date range reaches on or after it (date_mode=overlap), ' +
      'or starts on or after it (date_mode=within).',
  },
  date_lte: {
    type: 'date',
    bound: 'end',
    description:
      'Until this day (YYYY-MM-DD, YYYY-MM or YYYY): entries whose date range starts on or before it (date_mode=overlap), ' +
      'or ends on or before it (date_mode=within).',
  },
  date_mode: {
    type: 'choice',
    values: DATE_MODES,
    default: 'overlap',
    description:
      "How date_gte and date_lte match an entry's range [dateStart, dateEnd]: overlap (default), any entry that could fall in " +
      'the asked range, "2019" and "c. 2019" included in January 2019; within, only entries whose whole range lies inside it ' +
      '(an open start or end never does).',
  },
  updated_gte: {
    type: 'timestamp',
    description: 'Entries created or changed at or after this instant (ISO 8601), for incremental reports.',
  },
  q: {
    type: 'text',
    maxLength: 200,
    description:
      "Full text over headline, quote, original wording, summary and the speaker's names and aliases. Every word must match: " +
      'as a word prefix ("Lavr" finds Lavrov), or, in scripts written without spaces (Japanese, Chinese), anywhere.',
  },
} as const;

export type StatementFilters = ParsedFilters<typeof STATEMENT_FILTERS>;

export const STATEMENT_SORTS = [
  'date',
  'id',
  'dateStart',
  'dateEnd',
  'displayDate',
  'headline',
  'type',
  'status',
  'reviewStatus',
  'speakerName',
  'stanceScore',
  'createdAt',
  'updatedAt',
] as const;
export type StatementSort = (typeof STATEMENT_SORTS)[number];

export const STATEMENT_LIST_SPEC: ListSpec<typeof STATEMENT_FILTERS, StatementSort> = {
  resource: 'statements',
  filters: STATEMENT_FILTERS,
  sortFields: STATEMENT_SORTS,
  defaultSort: { field: 'date', order: 'ASC' },
};

const inLinkTable = (table: string, column: string, param: string, values: unknown[]) =>
  `EXISTS (SELECT 1 FROM ${table} l WHERE l.statement_id = s.id AND ${matchesAny(`l.${column}`, param, values)})`;

/**
 * `column = :param` for one value, `column = ANY(:param)` for several. With `= ANY` PostgreSQL
 * cannot read an index such as (speaker_id, date_start, id) in order: it would fetch and sort
 * every statement of the speaker for a page of 25.
 */
export function matchesAny(column: string, param: string, values: readonly unknown[], cast?: string): string {
  if (values.length === 1) return cast ? `${column} = CAST(:${param} AS ${cast})` : `${column} = :${param}`;
  return cast ? `${column} = ANY(CAST(:${param} AS ${cast}[]))` : `${column} = ANY(:${param})`;
}
const one = (values: readonly unknown[]) => (values.length === 1 ? values[0] : values);

export const STATEMENT_TABLE: CollectionTable<typeof STATEMENT_FILTERS, StatementSort> = {
  entity: Statement,
  alias: 's',
  trash: true,
  columns: recordColumns(STATEMENT_FIELDS, 's'),
  sortSql: {
    date: 's.date_start',
    id: 's.id',
    dateStart: 's.date_start',
    dateEnd: 's.date_end',
    displayDate: 's.date_start',
    headline: 'lower(s.headline)',
    type: 's.type',
    status: 's.status',
    reviewStatus: 's.review_status',
    speakerName: '(SELECT lower(a.name) FROM actors a WHERE a.id = s.speaker_id)',
    stanceScore: '(SELECT st.score FROM stances st WHERE st.id = s.stance_id)',
    createdAt: 's.created_at',
    updatedAt: 's.updated_at',
  },
  filterSql: {
    id: (ids) => ({ sql: matchesAny('s.id', 'ids', ids), params: { ids: one(ids) } }),
    speakerId: (ids) => ({ sql: matchesAny('s.speaker_id', 'speakerIds', ids), params: { speakerIds: one(ids) } }),
    actorId: (ids) => ({
      sql: `(${matchesAny('s.speaker_id', 'actorIds', ids)} OR ${inLinkTable('statement_participants', 'actor_id', 'actorIds', ids)})`,
      params: { actorIds: one(ids) },
    }),
    stanceId: (ids) => ({ sql: matchesAny('s.stance_id', 'stanceIds', ids), params: { stanceIds: one(ids) } }),
    topicId: (ids) => ({ sql: inLinkTable('statement_topics', 'topic_id', 'topicIds', ids), params: { topicIds: one(ids) } }),
    sourceId: (ids) => ({ sql: inLinkTable('statement_sources', 'source_id', 'sourceIds', ids), params: { sourceIds: one(ids) } }),
    type: (types) => ({ sql: matchesAny('s.type', 'types', types, 'statement_type'), params: { types: one(types) } }),
    status: (statuses) => ({ sql: matchesAny('s.status', 'statuses', statuses, 'statement_status'), params: { statuses: one(statuses) } }),
    reviewStatus: (statuses) => ({
      sql: matchesAny('s.review_status', 'reviewStatuses', statuses, 'review_status'),
      params: { reviewStatuses: one(statuses) },
    }),
    respondsToId: (ids) => ({ sql: matchesAny('s.responds_to_id', 'respondsToIds', ids), params: { respondsToIds: one(ids) } }),
    needs: (needs) => ({ sql: `(${needs.map((need) => NEEDS_SQL[need]).join(' OR ')})`, params: {} }),
    // Overlap: an entry matches when [date_start, date_end] reaches into the asked range.
    // Within: when all of it lies inside; an open (infinite) bound never does.
    date_gte: (day, { date_mode }) =>
      date_mode === 'within'
        ? { sql: "s.date_start >= CAST(:dateGte AS date) AND s.date_end < 'infinity'::date", params: { dateGte: day } }
        : { sql: 's.date_end >= CAST(:dateGte AS date)', params: { dateGte: day } },
    date_lte: (day, { date_mode }) =>
      date_mode === 'within'
        ? { sql: "s.date_end <= CAST(:dateLte AS date) AND s.date_start > '-infinity'::date", params: { dateLte: day } }
        : { sql: 's.date_start <= CAST(:dateLte AS date)', params: { dateLte: day } },
    // It changes how the two above match, and adds no condition of its own.
    date_mode: () => null,
    updated_gte: (instant) => ({ sql: 's.updated_at >= CAST(:updatedGte AS timestamptz)', params: { updatedGte: instant } }),
    q: fullTextCondition,
  },
};

/** A record a statement names, joined under its relation's name (speaker, stance). */
export interface ReferenceJoin {
  table: string;
  alias: string;
  on: string;
  /** The reference is required: an inner join. */
  inner: boolean;
}

/**
 * The joins that let exports and the timeline read the records a statement names, for each
 * reference field `wanted`: `actors speaker ON speaker.id = s.speaker_id`, then speaker.name.
 */
export function referenceJoins(wanted: (field: StatementField) => boolean): ReferenceJoin[] {
  return Object.entries(STATEMENT_FIELDS as Record<string, StatementField>).flatMap(([name, field]) => {
    const { storage } = field;
    if (storage.kind !== 'reference' || !wanted(field)) return [];
    return [{ table: storage.table, alias: storage.relation, on: `${storage.relation}.id = s.${snakeCase(name)}`, inner: field.required }];
  });
}

/** The joins as SQL. */
export const joinClauses = (joins: ReferenceJoin[]) =>
  joins.map((join) => `${join.inner ? 'JOIN' : 'LEFT JOIN'} ${join.table} ${join.alias} ON ${join.on}`).join(' ');

/**
 * `FROM statements s WHERE <live> AND <filters>`, to which a caller adds its own select and order.
 * `withTrashed`: trashed statements too (a snapshot's diff tells a trashed entry from a purged one).
 */
/** The statements an anonymous reader sees under PUBLIC_READ=verified: those the team has verified. */
export const PUBLISHED_STATEMENTS: Publication<typeof STATEMENT_FILTERS> = { field: 'reviewStatus', values: ['verified'] };

/**
 * The filters of a read of statements as the request may see them: narrowed to the published
 * (verified) statements for an anonymous reader of a server with PUBLIC_READ=verified, as they
 * are. Every route that reads statements other than the list (timeline, exports, analysis)
 * passes its filters through here; authorization.e2e-spec.ts checks every read route for drafts.
 */
export function statementFiltersFor(request: object, filters: StatementFilters): StatementFilters {
  return requestSeesPublishedOnly(request) ? narrowToPublished(filters, PUBLISHED_STATEMENTS) : filters;
}

/** A parsed read of statements (an export, an analysis) with its filters as the request may see them. */
export const statementReadFor = <R extends { filters: StatementFilters }>(request: object, read: R): R => ({
  ...read,
  filters: statementFiltersFor(request, read.filters),
});

export function filteredStatements(
  dataSource: DataSource,
  filters: StatementFilters,
  withTrashed = false,
): SelectQueryBuilder<ObjectLiteral> {
  const qb = dataSource
    .createQueryBuilder()
    .from(Statement, 's')
    .where(withTrashed ? 'TRUE' : 's.deleted_at IS NULL');
  applyFilters(qb, filters, STATEMENT_TABLE.filterSql);
  return qb;
}
