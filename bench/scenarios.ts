import type { Client } from 'pg';

/**
 * The scenarios of issue 6, with their parameters chosen from the database being measured
 * (typical speakers, a topic, a stance, a common and a rare word), and the targets the issue
 * sets for them at 1,000,000 statements.
 */

export type TargetClass = 'filtered' | 'unfiltered' | 'none';

export interface HttpScenario {
  kind: 'http';
  name: string;
  title: string;
  method: 'GET' | 'POST';
  /** Path and query on the server; with `vary`, `{}` stands for the varied value. */
  path: string;
  body?: unknown;
  vary?: { values: number[] };
  targets: TargetClass;
}

export interface ExportScenario {
  kind: 'export';
  name: string;
  title: string;
  format: 'csv' | 'ndjson';
  path: string;
  /** Whether the issue's export targets apply (they are set for the export of all rows). */
  targets: boolean;
}

export type Scenario = HttpScenario | ExportScenario;

/** Issue 6's targets at 1,000,000 statements on this 2-core machine, 16 connections. */
export const TARGETS = {
  filtered: { p99Ms: 25, minRatio: 0.6, maxGrowthP50: 2 },
  unfiltered: { p99Ms: 50, minRatio: 0.6 },
  export: { maxRatio: 1.5, maxPeakRssMb: 200, maxFirstByteMs: 100 },
  /** A 100,000-row CSV import: the dry run, and the commit (the re-import of the same file is held to the commit's). */
  import: { maxDryRunSeconds: 30, maxCommitSeconds: 60, maxRssGrowthMb: 100 },
} as const;

/** `--only import`: the import scenario (import-measure.ts), which runs after every other one. */
export const IMPORT_SCENARIO = 'import';
/** Rows of the import scenario's CSV (`--import-rows N`; 5,000 in --quick mode). */
export const IMPORT_ROWS = 100_000;
export const QUICK_IMPORT_ROWS = 5_000;

export interface ScenarioParameters {
  statements: number;
  speakerId: number;
  speakerIds: number[];
  topicId: number;
  stanceId: number;
  sourceId: number;
  commonWord: string;
  rareWord: string;
  deepOffset: number;
  byIdValues: number[];
}

export const PAGE = 25;
export const DEEP_OFFSET = 100_000;
/** A word in many statements (generated headlines and quotes speak of the islands), and one in few (a line of awkward test text). */
export const COMMON_WORD = 'islands';
export const RARE_WORD = 'windy';
export const DATE_RANGE = { gte: '2010-01-01', lte: '2014-12-31' };

/** Picks the scenarios' parameters from the data: deterministic for a given database. */
export async function chooseParameters(client: Client, statements: number): Promise<ScenarioParameters> {
  const one = async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[];
  // Speakers with about the average number of statements, not the busiest or the quietest.
  const speakers = await one<{ speaker_id: number }>(
    `WITH per AS (SELECT speaker_id, count(*) AS n FROM statements GROUP BY speaker_id)
     SELECT speaker_id FROM per ORDER BY abs(n - (SELECT avg(n) FROM per)), speaker_id LIMIT 3`,
  );
  const [topic] = await one<{ id: number }>('SELECT id FROM topics ORDER BY id LIMIT 1');
  const [stance] = await one<{ id: number }>('SELECT id FROM stances ORDER BY id LIMIT 1');
  const [source] = await one<{ id: number }>('SELECT id FROM sources ORDER BY id LIMIT 1');
  const [{ min, max }] = await one<{ min: number; max: number }>('SELECT min(id) AS min, max(id) AS max FROM statements');
  if (!speakers.length || !topic || !stance || !source || min === null) throw new Error('the bench database holds no statements');
  // 1,000 ids spread over the table (a fixed stride), in a fixed order; only existing ones kept.
  // The first is the one captured, and the baseline replaces that value in the captured
  // parameters by each request's id: starting one stride in keeps it clear of small constants.
  const span = max - min + 1;
  const wanted = Array.from({ length: Math.min(1000, span) }, (_, i) => min + (((i + 1) * 7919) % span));
  const existing = new Set((await one<{ id: number }>('SELECT id FROM statements WHERE id = ANY($1::int[])', [wanted])).map((r) => r.id));
  return {
    statements,
    speakerId: speakers[0].speaker_id,
    speakerIds: speakers.map((s) => s.speaker_id),
    topicId: topic.id,
    stanceId: stance.id,
    sourceId: source.id,
    commonWord: COMMON_WORD,
    rareWord: RARE_WORD,
    deepOffset: Math.max(0, Math.min(DEEP_OFFSET, statements - PAGE)),
    byIdValues: wanted.filter((id) => existing.has(id)),
  };
}

const list = (filters: string, start = 0) =>
  `/api/statements?_start=${start}&_end=${start + PAGE}&_sort=date&_order=ASC${filters ? `&${filters}` : ''}`;

export function scenarios(p: ScenarioParameters): Scenario[] {
  const speakers = p.speakerIds.map((id) => `speakerId=${id}`).join('&');
  return [
    { kind: 'http', name: 'list', title: 'list page 1 (25), by date', method: 'GET', path: list(''), targets: 'unfiltered' },
    {
      kind: 'http',
      name: 'list-speaker',
      title: 'list, one speaker',
      method: 'GET',
      path: list(`speakerId=${p.speakerId}`),
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'list-speakers-dates',
      title: `list, ${p.speakerIds.length} speakers + 5 years`,
      method: 'GET',
      path: list(`${speakers}&date_gte=${DATE_RANGE.gte}&date_lte=${DATE_RANGE.lte}`),
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'list-topic-stance',
      title: 'list, topic + stance',
      method: 'GET',
      path: list(`topicId=${p.topicId}&stanceId=${p.stanceId}`),
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'list-q-common',
      title: `list, q=${p.commonWord} (common)`,
      method: 'GET',
      path: list(`q=${p.commonWord}`),
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'list-q-rare',
      title: `list, q=${p.rareWord} (rare)`,
      method: 'GET',
      path: list(`q=${p.rareWord}`),
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'list-deep',
      title: `list, offset ${p.deepOffset.toLocaleString('en')}`,
      method: 'GET',
      path: list('', p.deepOffset),
      targets: 'unfiltered',
    },
    {
      kind: 'http',
      name: 'by-id',
      title: 'one statement by id',
      method: 'GET',
      path: '/api/statements/{}',
      vary: { values: p.byIdValues },
      targets: 'none',
    },
    {
      kind: 'http',
      name: 'timeline-speaker',
      title: 'timeline, one speaker (50)',
      method: 'GET',
      path: `/api/timeline?speakerId=${p.speakerId}`,
      targets: 'filtered',
    },
    {
      kind: 'http',
      name: 'create',
      title: 'create a statement',
      method: 'POST',
      path: '/api/statements',
      body: {
        date: '2019-01-22',
        type: 'meeting',
        headline: 'Benchmark: the leaders meet in Moscow',
        quote: 'We agreed to accelerate the negotiations on the basis of the 1956 Declaration.',
        quoteLanguage: 'en',
        speakerId: p.speakerIds[0],
        participantIds: p.speakerIds.slice(1, 2),
        stanceId: p.stanceId,
        topicIds: [p.topicId],
        sourceIds: [p.sourceId],
        venue: 'talks',
        location: 'Moscow',
      },
      targets: 'none',
    },
    {
      kind: 'export',
      name: 'export-csv',
      title: 'CSV export, all',
      format: 'csv',
      path: '/api/statements/export?format=csv',
      targets: true,
    },
    {
      kind: 'export',
      name: 'export-ndjson',
      title: 'NDJSON export, all',
      format: 'ndjson',
      path: '/api/statements/export?format=ndjson',
      targets: true,
    },
    {
      kind: 'export',
      name: 'export-csv-speaker',
      title: 'CSV export, one speaker',
      format: 'csv',
      path: `/api/statements/export?format=csv&speakerId=${p.speakerId}`,
      targets: false,
    },
    {
      kind: 'export',
      name: 'export-ndjson-speaker',
      title: 'NDJSON export, one speaker',
      format: 'ndjson',
      path: `/api/statements/export?format=ndjson&speakerId=${p.speakerId}`,
      targets: false,
    },
  ];
}

/** The path of a request, with a varied value put in. */
export const pathFor = (scenario: HttpScenario, value?: number) =>
  scenario.vary ? scenario.path.replace('{}', String(value ?? scenario.vary.values[0])) : scenario.path;
