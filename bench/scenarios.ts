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

/**
 * An analysis answer (issue 17): one request at a time (1 connection), the whole body read,
 * repeated for p50 / p95, against its bare-pg baseline and its SQL alone (analysis-measure.ts).
 */
export interface AnalysisScenario {
  kind: 'analysis';
  name: string;
  title: string;
  path: string;
  /** What the answer is: a stance-over-time chart or a network (which fields to summarise). */
  answer: 'stance-over-time' | 'network';
  /** The issue's limit on the p50 at 1,000,000 statements. */
  targetP50Ms: number;
}

export type Scenario = HttpScenario | ExportScenario | AnalysisScenario;

/** Issue 6's targets at 1,000,000 statements on this 2-core machine, 16 connections. */
export const TARGETS = {
  filtered: { p99Ms: 25, minRatio: 0.6, maxGrowthP50: 2 },
  unfiltered: { p99Ms: 50, minRatio: 0.6 },
  export: { maxRatio: 1.5, maxPeakRssMb: 200, maxFirstByteMs: 100 },
  /** A 100,000-row CSV import: the dry run, and the commit (the re-import of the same file is held to the commit's). */
  import: { maxDryRunSeconds: 30, maxCommitSeconds: 60, maxRssGrowthMb: 100 },
  /** Issue 17, at 1 connection: stance over time of 3 speakers over 10 years by month; the networks. */
  analysis: { stanceP50Ms: 200, networkP50Ms: 2000 },
  /**
   * Issue 18: a snapshot of 100,000 statements frozen in ≤ 30 s (another count is held to the
   * same rate), and each of its files downloaded in no more time than the live export of the
   * same query (snapshot seconds ÷ live seconds ≤ 1).
   */
  snapshot: { maxFreezeSeconds: 30, forStatements: 100_000, maxDownloadRatio: 1 },
} as const;

/** `--only analysis`: every analysis scenario (their names also work one by one). */
export const ANALYSIS_GROUP = 'analysis';
/** Fewest measured requests per analysis scenario and side (`--analysis-samples N`; 2 in --quick mode). */
export const ANALYSIS_SAMPLES = 10;
export const QUICK_ANALYSIS_SAMPLES = 2;
/** Stance over time: ten years, by month; the congruence network: one year of them. */
export const ANALYSIS_YEARS = { first: 2015, last: 2024, congruence: 2020 };

/** `--only import`: the import scenario (import-measure.ts), which runs after every other one. */
export const IMPORT_SCENARIO = 'import';
/** Rows of the import scenario's CSV (`--import-rows N`; 5,000 in --quick mode). */
export const IMPORT_ROWS = 100_000;
export const QUICK_IMPORT_ROWS = 5_000;

/** `--only snapshot`: the snapshot scenario (snapshot-measure.ts), after the reads and exports, before the create. */
export const SNAPSHOT_SCENARIO = 'snapshot';
/** Statements the frozen query matches: everything up to this many, else a date range chosen to match about this many. */
export const SNAPSHOT_STATEMENTS = 100_000;
/** Every snapshot the scenario makes has a title that starts so (its cleanup, and the harness test, find them by it). */
export const SNAPSHOT_TITLE_PREFIX = 'bench-snapshot-';
/** Freezes, and downloads per file and side (`--snapshot-runs N`; 1 in --quick mode). */
export const SNAPSHOT_RUNS = 3;
export const QUICK_SNAPSHOT_RUNS = 1;

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
  /** The three speakers with the most statements dated within ANALYSIS_YEARS (stance over time). */
  analysisSpeakerIds: number[];
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
  const busiest = await one<{ speaker_id: number }>(
    `SELECT speaker_id FROM statements WHERE deleted_at IS NULL AND date_start >= $1 AND date_end <= $2
      GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id LIMIT 3`,
    [`${ANALYSIS_YEARS.first}-01-01`, `${ANALYSIS_YEARS.last}-12-31`],
  );
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
    analysisSpeakerIds: (busiest.length ? busiest : speakers).map((s) => s.speaker_id),
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
    ...analysisScenarios(p),
  ];
}

/** Issue 17's analysis answers, with the limits it sets at 1,000,000 statements (p50, 1 connection). */
export function analysisScenarios(p: ScenarioParameters): AnalysisScenario[] {
  const { first, last, congruence } = ANALYSIS_YEARS;
  const speakers = p.analysisSpeakerIds.map((id) => `speakerId=${id}`).join('&');
  return [
    {
      kind: 'analysis',
      name: 'analysis-stance',
      title: `stance over time, ${p.analysisSpeakerIds.length} speakers, ${last - first + 1} years by month`,
      path: `/api/analysis/stance-over-time?interval=month&groupBy=speaker&${speakers}&date_gte=${first}-01-01&date_lte=${last}-12-31`,
      answer: 'stance-over-time',
      targetP50Ms: TARGETS.analysis.stanceP50Ms,
    },
    {
      kind: 'analysis',
      name: 'analysis-actor-topic',
      title: 'actor–topic network, everything',
      path: '/api/analysis/network?kind=actor-topic&format=json',
      answer: 'network',
      targetP50Ms: TARGETS.analysis.networkP50Ms,
    },
    {
      kind: 'analysis',
      name: 'analysis-congruence',
      title: `congruence network, ${congruence}`,
      path: `/api/analysis/network?kind=actor-congruence&format=json&date_gte=${congruence}-01-01&date_lte=${congruence}-12-31&date_mode=within`,
      answer: 'network',
      targetP50Ms: TARGETS.analysis.networkP50Ms,
    },
  ];
}

/** Whether `--only` names a scenario (by name, or an analysis scenario by the group's name). */
export const selected = (only: Set<string> | undefined, s: Scenario) =>
  !only || only.has(s.name) || (s.kind === 'analysis' && only.has(ANALYSIS_GROUP));

/** The path of a request, with a varied value put in. */
export const pathFor = (scenario: HttpScenario, value?: number) =>
  scenario.vary ? scenario.path.replace('{}', String(value ?? scenario.vary.values[0])) : scenario.path;
