import { snakeCase } from '../database/snake-naming.strategy';
import { fieldColumns } from '../records/fields/field-rules';
import { ExportColumn, STATEMENT_FIELDS, StatementField } from '../statements/statement.fields';

/*
 * The columns of a flat export (CSV, JSON, NDJSON), in their default order, each with the SQL
 * that reads it: `id`, then what each statement field declares (its `export` role), then when
 * the entry was created and last changed. Names are snake_case, as R and pandas users expect
 * in a header row.
 */

export type { ExportColumn };

/** The record's columns as the API reads them, for fields exported as they are. */
const READ = fieldColumns(STATEMENT_FIELDS, 's');

const utcTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Each linked record's value, joined with '; ' in the list's order (x is the linked record). */
const joinedLinks = (storage: { table: string; recordColumn: string; linkedColumn: string; linkedTable: string }, expression: string) =>
  `(SELECT string_agg(${expression}, '; ' ORDER BY l.position)
    FROM ${storage.table} l JOIN ${storage.linkedTable} x ON x.id = l.${storage.linkedColumn} WHERE l.${storage.recordColumn} = s.id)`;

/** A field exported as it is: numbers as numbers, enums as their text. */
function wholeField(name: string, field: StatementField): ExportColumn {
  const schema = field.schema as { type?: string; enum?: unknown };
  if (schema.type === 'integer') return { sql: READ[name], kind: 'number' };
  if (schema.type === 'boolean') return { sql: READ[name], kind: 'boolean' };
  return { sql: schema.enum ? `${READ[name]}::text` : READ[name], kind: 'text' };
}

function columnsOf(name: string, field: StatementField): [string, ExportColumn][] {
  const role = field.export;
  if (role === false) return [];
  if (role === true) return [[snakeCase(name), wholeField(name, field)]];
  return Object.entries(role).map(([column, spec]) => {
    const { sql, kind } = typeof spec === 'string' ? { sql: spec, kind: 'text' as const } : spec;
    return [column, { sql: field.storage.kind === 'links' ? joinedLinks(field.storage, sql) : sql, kind }];
  });
}

export const EXPORT_COLUMNS: Record<string, ExportColumn> = {
  id: { sql: 's.id', kind: 'number' },
  ...Object.fromEntries(Object.entries(STATEMENT_FIELDS).flatMap(([name, field]) => columnsOf(name, field))),
  created_at: { sql: utcTimestamp('s.created_at'), kind: 'text' },
  updated_at: { sql: utcTimestamp('s.updated_at'), kind: 'text' },
};

export type ExportColumnName = string;
export const EXPORT_COLUMN_NAMES: ExportColumnName[] = Object.keys(EXPORT_COLUMNS);

/** The references whose columns the flat export reads from the record they name (speaker, stance): joined by the export query. */
export const exportsReferenceColumns = (field: StatementField) => field.export !== true && field.export !== false;

/**
 * What the report formats (Markdown, TimelineJS) read per entry: structured, with the
 * sources as objects so that they can be numbered and cited. The fields they render are read
 * as the API reads them; the names come from the joined speaker and stance.
 */
export const REPORT_COLUMNS: Record<string, string> = {
  id: 's.id',
  date: READ.date,
  dateStart: `${READ.dateStart}::text`,
  displayDate: READ.displayDate,
  dateInferred: READ.dateInferred,
  type: `${READ.type}::text`,
  status: `${READ.status}::text`,
  speaker: 'speaker.name',
  speakerTitle: READ.speakerTitle,
  stance: 'stance.name',
  headline: READ.headline,
  quote: READ.quote,
  quoteKind: `${READ.quoteKind}::text`,
  quoteOriginal: READ.quoteOriginal,
  quoteOriginalLanguage: READ.quoteOriginalLanguage,
  summary: READ.summary,
  attribution: READ.attribution,
  interpretation: READ.interpretation,
  interpretationSource: 'COALESCE(interpretationSource.publisher, interpretationSource.title)',
  venue: READ.venue,
  location: READ.location,
  sources: `COALESCE((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'publisher', x.publisher,
              'url', x.url, 'authors', x.authors, 'publishedOn', x.published_on, 'translatedFrom', x.translated_from,
              'role', l.role, 'locator', l.locator) ORDER BY l.position)
            FROM statement_sources l JOIN sources x ON x.id = l.source_id WHERE l.statement_id = s.id), '[]'::json)`,
  // Whether it is in the same report depends on the report's filters: export-query.ts adds respondsToInReport.
  respondsTo: `(SELECT json_build_object('id', r.id, 'headline', r.headline, 'displayDate', r.display_date,
                 'verified', r.review_status = 'verified')
               FROM statements r WHERE r.id = s.responds_to_id AND r.deleted_at IS NULL)`,
};

export interface ReportSource {
  id: number;
  title: string;
  publisher: string | null;
  url: string | null;
  authors: string[];
  publishedOn: string | null;
  /** The language of the original, when the source is a translation. */
  translatedFrom: string | null;
  /** How this entry cites it: its role and where in it. */
  role: string | null;
  locator: string | null;
}

/** The statement an entry replies to: enough to link to it, or to name it when the report leaves it out. */
export interface ReplyTarget {
  id: number;
  headline: string;
  displayDate: string;
  /** Published: one an anonymous reader of PUBLIC_READ=verified may see. */
  verified: boolean;
}

export interface ReportRow {
  id: number;
  date: string;
  dateStart: string;
  displayDate: string;
  /** The curator inferred the date; the source does not state it. */
  dateInferred: boolean;
  type: string;
  status: string;
  speaker: string;
  speakerTitle: string | null;
  stance: string | null;
  headline: string;
  quote: string | null;
  quoteKind: 'verbatim' | 'translation' | 'paraphrase' | null;
  quoteOriginal: string | null;
  quoteOriginalLanguage: string | null;
  summary: string | null;
  attribution: string | null;
  interpretation: string | null;
  /** Whose reading the interpretation is: the source's publisher, else its title. */
  interpretationSource: string | null;
  venue: string | null;
  location: string | null;
  sources: ReportSource[];
  /** The live statement it replies to, if any. */
  respondsTo: ReplyTarget | null;
  /** Whether that statement matches the report's filters too, so that the report can link to it. */
  respondsToInReport: boolean | null;
}
