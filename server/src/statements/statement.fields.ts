import type { ApiPropertyOptions } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { derived, field, flag, languageTag, linkDetails, links, oneOf, oneOfOrNull, reference, text } from '../records/fields/field-kinds';
import { FieldDeclaration } from '../records/fields/field';
import { EDTF_MAX_LENGTH } from './edtf/parse-edtf';
import { IsEdtf } from './edtf/is-edtf.validator';
import { CITATION_DETAILS, SourceCitation, SourceName } from './source-citation';
import { ActorName, NamedRef, StanceView } from './statement-views';

export const STATEMENT_TYPES = ['statement', 'meeting', 'document', 'event'] as const;
export type StatementType = (typeof STATEMENT_TYPES)[number];
export const STATEMENT_STATUSES = ['occurred', 'planned', 'cancelled'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const REVIEW_STATUSES = ['draft', 'verified'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
/** What a quote is: the speaker's words as printed, the source's translation of them, or someone's rendering. */
export const QUOTE_KINDS = ['verbatim', 'translation', 'paraphrase'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];

const LONG_TEXT = 50_000;
/** A key: no space at either end, no line break (it is matched exactly). */
const STATEMENT_KEY = /^[^\s](?:[^\r\n]*[^\s])?$/;

/** A column of the flat exports (CSV, JSON, NDJSON): the SQL that reads it, and whether it is a number. */
export interface ExportColumn {
  sql: string;
  /** json: a list of objects, as JSON text in a CSV cell and as itself in JSON and NDJSON. */
  kind: 'number' | 'text' | 'boolean' | 'json';
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
export type ImportRole =
  | true
  | { match: MatchedCollection; columns: readonly string[] }
  /** The details of a link list's entries (JSON, aligned with the list's column). */
  | { detailsOf: string; column: string }
  | false;

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

/**
 * The details of a statement's sources for the flat exports: a JSON list aligned with the
 * `sources` column, each entry holding only what is known (role, locator, excerpt); empty
 * when no source has any.
 */
const SOURCE_DETAILS_SQL = `(SELECT CASE WHEN bool_or(l.role IS NOT NULL OR l.locator IS NOT NULL OR l.excerpt IS NOT NULL)
    THEN json_agg(json_strip_nulls(json_build_object('role', l.role, 'locator', l.locator, 'excerpt', l.excerpt)) ORDER BY l.position) END
  FROM statement_sources l WHERE l.statement_id = s.id)`;

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
    { export: { date_start: 'CASE WHEN isfinite(s.date_start) THEN s.date_start::text END' }, timeline: true, import: false },
  ),
  dateEnd: withRoles(
    derived<string>({ column: { type: 'date' }, schema: DAY_BOUND, description: 'Latest day the date allows (YYYY-MM-DD, or infinity)' }),
    { export: { date_end: 'CASE WHEN isfinite(s.date_end) THEN s.date_end::text END' }, timeline: true, import: false },
  ),
  displayDate: withRoles(
    derived<string>({ column: { type: 'varchar', length: 200 }, schema: { type: 'string' }, example: 'Jan. 14, 2019' }),
    { export: true, timeline: true, import: false },
  ),
  dateInferred: withRoles(
    flag({ description: "The date is the curator's inference from context, not stated by the source (the notes say how)" }),
    { export: true, timeline: true, import: true },
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
  quote: withRoles(text({ maxLength: LONG_TEXT, description: 'The quote, as the source prints it; quoteKind says what it is' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  quoteKind: withRoles(
    oneOfOrNull(QUOTE_KINDS, {
      enumName: 'quote_kind',
      description:
        "verbatim: the speaker's words as the source prints them, in the source's language; translation: the source's " +
        "translation of the speaker's words; paraphrase: the source's or the curator's rendering (never shown in quotation " +
        'marks). Null until the curator says.',
    }),
    { export: true, timeline: true, import: true },
  ),
  quoteLanguage: withRoles(languageTag({ description: 'BCP 47 language of the quote as stored' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  quoteOriginal: withRoles(
    text({ maxLength: LONG_TEXT, description: 'The words as the speaker said them, in their language, when the quote is a translation' }),
    { export: true, timeline: true, import: true },
  ),
  quoteOriginalLanguage: withRoles(languageTag({ description: 'BCP 47 language of the original wording', example: 'ru' }), {
    export: true,
    timeline: true,
    import: true,
  }),
  summary: withRoles(text({ maxLength: LONG_TEXT, description: "What the speaker said or did, in the curator's words" }), {
    export: true,
    timeline: true,
    import: true,
  }),
  attribution: withRoles(
    text({
      maxLength: 300,
      description: "Whom the source credits with this account when it is not the speaker's own on the record",
      example: 'according to people familiar with Russian thinking',
    }),
    { export: true, timeline: true, import: true },
  ),
  interpretation: withRoles(
    text({
      maxLength: LONG_TEXT,
      description: 'What the source says about the statement (its reading, never the speaker\'s): shown as "According to <source>: …"',
    }),
    { export: true, timeline: true, import: true },
  ),
  interpretationSourceId: withRoles(
    reference({
      table: 'sources',
      relation: 'interpretationSource',
      description: 'The source whose reading `interpretation` is: one the statement cites (taken as the only one when it cites one)',
    }),
    {
      export: {
        interpretation_source: "concat_ws(' — ', interpretationSource.title, interpretationSource.publisher, interpretationSource.url)",
      },
      timeline: { as: 'interpretationSource', select: ['id', 'title', 'publisher'], type: SourceName },
      import: { match: 'sources', columns: ['interpretation_source'] },
    },
  ),
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
  sources: withRoles(
    linkDetails({
      linksField: 'sourceIds',
      idKey: 'sourceId',
      details: CITATION_DETAILS,
      item: SourceCitation,
      description: 'The sources as cited, in sourceIds order, each with its role, locator and excerpt (sourceIds follows them)',
    }),
    {
      // Aligned with the sources column: the n-th object details the n-th source (README, "Exports").
      export: { source_details: { sql: SOURCE_DETAILS_SQL, kind: 'json' } },
      timeline: true,
      import: { detailsOf: 'sourceIds', column: 'source_details' },
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
