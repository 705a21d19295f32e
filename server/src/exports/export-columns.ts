/*
 * The columns of a flat export (CSV, JSON, NDJSON), in their default order, each with the
 * SQL that reads it. Names are snake_case, as R and pandas users expect in a header row.
 */

export type ExportColumnKind = 'number' | 'text';

export interface ExportColumn {
  sql: string;
  kind: ExportColumnKind;
}

const namesOf = (linkTable: string, column: string, table: string, expression = 'x.name') =>
  `(SELECT string_agg(${expression}, '; ' ORDER BY l.position)
    FROM ${linkTable} l JOIN ${table} x ON x.id = l.${column} WHERE l.statement_id = s.id)`;

const utcTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const EXPORT_COLUMNS = {
  id: { sql: 's.id', kind: 'number' },
  date: { sql: 's.date', kind: 'text' },
  date_start: { sql: 's.date_start::text', kind: 'text' },
  date_end: { sql: 's.date_end::text', kind: 'text' },
  display_date: { sql: 's.display_date', kind: 'text' },
  type: { sql: 's.type::text', kind: 'text' },
  status: { sql: 's.status::text', kind: 'text' },
  speaker: { sql: 'speaker.name', kind: 'text' },
  speaker_native_name: { sql: 'speaker.native_name', kind: 'text' },
  speaker_title: { sql: 's.speaker_title', kind: 'text' },
  participants: { sql: namesOf('statement_participants', 'actor_id', 'actors'), kind: 'text' },
  stance: { sql: 'stance.name', kind: 'text' },
  stance_score: { sql: 'stance.score', kind: 'number' },
  topics: { sql: namesOf('statement_topics', 'topic_id', 'topics'), kind: 'text' },
  headline: { sql: 's.headline', kind: 'text' },
  quote: { sql: 's.quote', kind: 'text' },
  quote_language: { sql: 's.quote_language', kind: 'text' },
  summary: { sql: 's.summary', kind: 'text' },
  venue: { sql: 's.venue', kind: 'text' },
  location: { sql: 's.location', kind: 'text' },
  sources: {
    sql: namesOf('statement_sources', 'source_id', 'sources', "concat_ws(' — ', x.title, x.publisher, x.url)"),
    kind: 'text',
  },
  responds_to_id: { sql: 's.responds_to_id', kind: 'number' },
  review_status: { sql: 's.review_status::text', kind: 'text' },
  created_at: { sql: utcTimestamp('s.created_at'), kind: 'text' },
  updated_at: { sql: utcTimestamp('s.updated_at'), kind: 'text' },
} satisfies Record<string, ExportColumn>;

export type ExportColumnName = keyof typeof EXPORT_COLUMNS;
export const EXPORT_COLUMN_NAMES = Object.keys(EXPORT_COLUMNS) as ExportColumnName[];

/**
 * What the report formats (Markdown, TimelineJS) read per entry: structured, with the
 * sources as objects so that they can be numbered and cited.
 */
export const REPORT_COLUMNS: Record<string, string> = {
  id: 's.id',
  date: 's.date',
  dateStart: 's.date_start::text',
  displayDate: 's.display_date',
  type: 's.type::text',
  status: 's.status::text',
  speaker: 'speaker.name',
  speakerTitle: 's.speaker_title',
  stance: 'stance.name',
  headline: 's.headline',
  quote: 's.quote',
  summary: 's.summary',
  venue: 's.venue',
  location: 's.location',
  sources: `COALESCE((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'publisher', x.publisher,
              'url', x.url, 'authors', x.authors, 'publishedOn', x.published_on) ORDER BY l.position)
            FROM statement_sources l JOIN sources x ON x.id = l.source_id WHERE l.statement_id = s.id), '[]'::json)`,
};

export interface ReportSource {
  id: number;
  title: string;
  publisher: string | null;
  url: string | null;
  authors: string[];
  publishedOn: string | null;
}

export interface ReportRow {
  id: number;
  date: string;
  dateStart: string;
  displayDate: string;
  type: string;
  status: string;
  speaker: string;
  speakerTitle: string | null;
  stance: string | null;
  headline: string;
  quote: string | null;
  summary: string | null;
  venue: string | null;
  location: string | null;
  sources: ReportSource[];
}
