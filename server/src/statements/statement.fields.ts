import type { ApiPropertyOptions } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { derived, field, languageTag, links, oneOf, reference, text } from '../records/fields/field-kinds';
import { FieldDeclaration } from '../records/fields/field';
import { EDTF_MAX_LENGTH } from './edtf/parse-edtf';
import { IsEdtf } from './edtf/is-edtf.validator';
import { ActorName, NamedRef, StanceView } from './statement-views';

export const STATEMENT_TYPES = ['statement', 'meeting', 'document', 'event'] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];
export const STATEMENT_STATUSES = ['occurred', 'planned', 'cancelled'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const REVIEW_STATUSES = ['draft', 'verified'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const LONG_TEXT = 50_000;
/** A key: no space at either end, no line break (it is matched exactly). */
const STATEMENT_KEY = /^[^\s](?:[^\r\n]*[^\s])?$/;

/** A column of the flat exports (CSV, JSON, NDJSON): the SQL that reads it, and whether it is a number. */
export interface ExportColumn {
  sql: string;
  kind: 'number' | 'text';
}

/**
 * How a field appears in the flat exports, whose columns are snake_case for R and pandas:
 * - `true`: one column named after the field, its value as the API returns it;
 * - columns by name: for a reference, of the record it names (`<relation>.<column>`); for a
 *   link list, of each linked record (`x.<column>`), joined with '; ' in the list's order;
 * - `false`: never exported.
 */
export type ExportRole = true | Record<string, string | ExportColumn> | false;

/**
 * How a field appears in a timeline entry: `true`, as in the record; for a reference or a link
 * list, `as` another key, an object (or a list of objects) of the columns `select`ed from the
 * record(s) it names, with their OpenAPI `type`; `false`, not at all.
 */
export type TimelineRole = true | { as: string; select: string[]; type: new () => object } | false;

/** The collections an import can match a cell against, by id or by name (records/fields kinds reference and links). */
export type MatchedCollection = 'actors' | 'topics' | 'stances' | 'sources' | 'statements';

/**
 * How an import (CSV, XLSX, NDJSON, JSON) reads a field, by the export's column names so that an
 * export edited in a spreadsheet comes back:
 * - `true`: the column named after the field in snake_case, its value as the API takes it;
 * - `match`: a reference or link list, read from the first of `columns` that holds a value and
 *   matched in `match` by id or name (a list: entries separated by ';');
 * - `false`: never read (derived fields); an export column no field reads is accepted and ignored.
 */
export type ImportRole = true | { match: MatchedCollection; columns: readonly string[] } | false;

/** Where a statement field goes besides the record: each must say, so that no field is left out by forgetting. */
export interface StatementRoles {
  export: ExportRole;
  timeline: TimelineRole;
  import: ImportRole;
}

export type StatementField = FieldDeclaration & StatementRoles;

const withRoles = <D extends FieldDeclaration>(declaration: D, roles: StatementRoles): D & StatementRoles => ({ ...declaration, ...roles });

/** An EDTF date as entered (ISO 8601-2, levels 0–1); the server derives dateStart, dateEnd and displayDate from it. */
const edtfDate = () =>
  field<string, true>({
    column: { type: 'varchar', length: EDTF_MAX_LENGTH },
    required: true,
    validators: [IsString(), IsEdtf()],
    schema: {
      type: 'string',
      maxLength: EDTF_MAX_LENGTH,
      example: '2019-01-14',
      description: 'EDTF (levels 0–1): 2019-01-14, 2019-06, 2019, 2018-23 (autumn), 2019-06?, 2018~, 201X, 2019-01/2019-06',
    },
  });

const DAY_BOUND: ApiPropertyOptions = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2}|-?infinity)$' };

/**
 * Every field of a statement, declared once, in the order the API returns them. From this come
 * the entity's columns, the bodies of POST, PUT and PATCH with their validation and OpenAPI, the
 * record the API returns, the writable fields and the empty statement, the SQL that reads a
 * statement for lists, single reads and revisions, the flat export's columns, the timeline's
 * entries, and the generator's columns. How to add one: README, "Adding a statement field".
 */
export const STATEMENT_FIELDS = {
  key: withRoles(
    text({
      maxLength: 200,
      pattern: STATEMENT_KEY.source,
      validate: [Matches(STATEMENT_KEY, { message: 'key must not start or end with a space, nor hold a line break' })],
      description: "A stable external id (your coding sheet's row id): unique among live statements; imports match rows by it",
      example: 'mainichi-2019-01-lavrov-1',
    }),
    { export: true, timeline: false, import: true },
  ),
  date: withRoles(edtfDate(), { export: true, timeline: true, import: true }),
  dateStart: withRoles(
    derived<string>({
      column: { type: 'date' },
      schema: DAY_BOUND,
      description: 'Earliest day the date allows (YYYY-MM-DD, or -infinity)',
    }),
    { export: { date_start: 's.date_start::text' }, timeline: true, import: false },
  ),
  dateEnd: withRoles(
    derived<string>({ column: { type: 'date' }, schema: DAY_BOUND, description: 'Latest day the date allows (YYYY-MM-DD, or infinity)' }),
    { export: { date_end: 's.date_end::text' }, timeline: true, import: false },
  ),
  displayDate: withRoles(
    derived<string>({ column: { type: 'varchar', length: 200 }, schema: { type: 'string' }, example: 'Jan. 14, 2019' }),
    { export: true, timeline: true, import: false },
  ),
  type: withRoles(oneOf(STATEMENT_TYPES, { enumName: 'statement_type', default: 'statement' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  status: withRoles(oneOf(STATEMENT_STATUSES, { enumName: 'statement_status', default: 'occurred' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  speakerId: withRoles(reference({ table: 'actors', relation: 'speaker', required: true, description: 'Actor who speaks' }), {
    export: { speaker: 'speaker.name', speaker_native_name: 'speaker.native_name' },
    timeline: { as: 'speaker', select: ['id', 'name', 'native_name AS "nativeName"'], type: ActorName },
    import: { match: 'actors', columns: ['speaker'] },
  }),
  speakerTitle: withRoles(text({ maxLength: 300, description: "The speaker's role at the time", example: 'Foreign Minister of Russia' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  participantIds: withRoles(
    links({
      table: 'statement_participants',
      recordColumn: 'statement_id',
      linkedColumn: 'actor_id',
      linkedTable: 'actors',
      description: 'Counterparts, addressees, others present (actor ids, in order)',
    }),
    {
      export: { participants: 'x.name' },
      timeline: { as: 'participants', select: ['id', 'name'], type: NamedRef },
      import: { match: 'actors', columns: ['participants'] },
    },
  ),
  stanceId: withRoles(reference({ table: 'stances', relation: 'stance', description: 'Stance id' }), {
    export: { stance: 'stance.name', stance_score: { sql: 'stance.score', kind: 'number' } },
    timeline: { as: 'stance', select: ['id', 'name', 'score', 'color'], type: StanceView },
    import: { match: 'stances', columns: ['stance'] },
  }),
  topicIds: withRoles(
    links({
      table: 'statement_topics',
      recordColumn: 'statement_id',
      linkedColumn: 'topic_id',
      linkedTable: 'topics',
      description: 'Topic ids',
    }),
    {
      export: { topics: 'x.name' },
      timeline: { as: 'topics', select: ['id', 'name'], type: NamedRef },
      import: { match: 'topics', columns: ['topics'] },
    },
  ),
  headline: withRoles(
    text({ maxLength: 300, required: true, description: 'Short line a reader scans', example: 'Lavrov: "These are Russian territories"' }),
    { export: true, timeline: true, import: true },
  ),
  quote: withRoles(text({ maxLength: LONG_TEXT, description: 'Verbatim quote' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  quoteLanguage: withRoles(languageTag({ description: 'BCP 47 language of the quote as stored' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  summary: withRoles(text({ maxLength: LONG_TEXT }), { export: true, timeline: true, import: true }),
  venue: withRoles(text({ maxLength: 300, example: 'press conference, Moscow' }), { export: true, timeline: true, import: true }),
  location: withRoles(text({ maxLength: 300, example: 'Moscow' }), { export: true, timeline: true, import: true }),
  sourceIds: withRoles(
    links({
      table: 'statement_sources',
      recordColumn: 'statement_id',
      linkedColumn: 'source_id',
      linkedTable: 'sources',
      description: 'Source ids, in citation order',
    }),
    {
      export: { sources: "concat_ws(' — ', x.title, x.publisher, x.url)" },
      timeline: false,
      import: { match: 'sources', columns: ['sources'] },
    },
  ),
  respondsToId: withRoles(
    reference({ table: 'statements', relation: 'respondsTo', description: 'The earlier statement this one replies to' }),
    {
      // The key travels with the id, so that an export imported into another database keeps its replies.
      export: { responds_to_id: { sql: 's.responds_to_id', kind: 'number' }, responds_to_key: 'respondsTo.key' },
      timeline: true,
      import: { match: 'statements', columns: ['responds_to_key', 'responds_to_id'] },
    },
  ),
  reviewStatus: withRoles(oneOf(REVIEW_STATUSES, { enumName: 'review_status', default: 'draft' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  /** Internal notes for the curators; never part of a report. */
  notes: withRoles(text({ maxLength: LONG_TEXT, internal: true, description: 'Internal notes for curators' }), {
    export: false,
    timeline: false,
    import: true,
  }),
} satisfies Record<string, StatementField>;

export type StatementFields = typeof STATEMENT_FIELDS;
