import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, openAsBlob, WriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Client } from 'pg';
import { snakeCase } from '../server/src/database/snake-naming.strategy';
import { copyValue } from '../server/src/generator/copy-rows';
import { Random } from '../server/src/generator/random';
import { searchText, SpeakerRecord } from '../server/src/generator/synthetic-records';
import {
  AWKWARD_TEXT,
  PHRASES_EN,
  PLACES,
  QUOTES_EN,
  QUOTES_JA,
  QUOTES_RU,
  SUMMARY_SENTENCES,
  VENUES,
  VERBS_EN,
} from '../server/src/generator/vocabulary';
import { comparable } from '../server/src/imports/reference-matcher';
import { FieldDeclaration } from '../server/src/records/fields/field';
import { parseEdtf } from '../server/src/statements/edtf/parse-edtf';
import { STATEMENT_FIELDS } from '../server/src/statements/statement.fields';
import { procStatus } from './export-measure';
import { cpuMs } from './processes';

/*
 * The import scenario: a generated CSV of N statements whose speakers, participants, topics,
 * stance and sources are all named (by name) after records of the bench database, imported
 * through POST /api/imports (dry run, commit, the same file again), and the same rows, their
 * ids resolved beforehand, loaded with psql's \copy as the baseline.
 */

/** Every imported statement's key starts so; the imports are recorded under file names that do too (cleanup finds both). */
export const IMPORT_KEY_PREFIX = 'bench-import-';
/** The CSV's columns: those of the CSV export that an import reads, in this order. */
export const IMPORT_CSV_COLUMNS = [
  'key',
  'date',
  'speaker',
  'participants',
  'topics',
  'stance',
  'headline',
  'quote',
  'quote_language',
  'summary',
  'venue',
  'location',
  'sources',
  'type',
  'status',
  'review_status',
] as const;
/** How often an import's progress is read (GET /api/imports/{id}) while it runs: the resolution of its wall time. */
const POLL_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ImportFile {
  path: string;
  /** The name the imports are recorded under (their `fileName`). */
  name: string;
  rows: number;
  bytes: number;
  /** What the rows hold, for the report: dates by precision, quotes by language, references named. */
  mix: Record<string, number>;
  /** The same rows in COPY text format, ids resolved: the statements and each link table. */
  copies: { table: string; columns: string[]; path: string; rows: number }[];
}

interface Named {
  id: number;
  name: string;
}

/** Buffered writes to a file, waiting for the disk when the stream is backed up. */
class Output {
  private buffer = '';
  private readonly stream: WriteStream;
  bytes = 0;

  constructor(file: string) {
    this.stream = createWriteStream(file);
  }

  async line(text: string): Promise<void> {
    this.buffer += `${text}\n`;
    if (this.buffer.length > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer;
    this.buffer = '';
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

/** A CSV cell as a spreadsheet (and the export) writes it: quoted when it holds a separator, quote or line break. */
const csvCell = (value: string) => (/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Records whose name, compared as an import compares names, belongs to no other record of the
 * collection (names, native names, aliases, URLs all count): a row naming them matches exactly one.
 */
function unambiguous<T extends Named>(records: T[], otherNames: (record: T) => (string | null)[]): T[] {
  const owners = new Map<string, Set<number>>();
  for (const record of records) {
    for (const name of [record.name, ...otherNames(record)]) {
      if (!name) continue;
      const key = comparable(name);
      owners.set(key, (owners.get(key) ?? new Set()).add(record.id));
    }
  }
  // A ';' would split a list cell; a ' — ' is how the export joins a source's title, publisher and URL.
  return records.filter(
    (r) => owners.get(comparable(r.name))!.size === 1 && !r.name.includes(';') && !r.name.includes(' — ') && r.name === r.name.trim(),
  );
}

/** Text of about `length` characters made of whole sentences of `pool`. */
function sentences(random: Random, pool: readonly string[], length: number, joiner: string): string {
  let text = random.pick(pool);
  while (text.length < length) text += joiner + random.pick(pool);
  return text;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An EDTF date: a day, a month, a year or a season (21–24: spring … winter), 1995–2024. */
function edtfDate(random: Random, mix: Record<string, number>): string {
  const year = random.int(1995, 2024);
  const kind = random.weighted([
    ['day', 55],
    ['month', 20],
    ['year', 10],
    ['season', 15],
  ] as const);
  mix[`date ${kind}`] = (mix[`date ${kind}`] ?? 0) + 1;
  if (kind === 'year') return String(year);
  if (kind === 'season') return `${year}-${random.int(21, 24)}`;
  const month = `${year}-${pad2(random.int(1, 12))}`;
  return kind === 'month' ? month : `${month}-${pad2(random.int(1, 28))}`;
}

/** The statement fields kept in the statements table (link lists and their details have tables of their own), as the generator lists them. */
const STORED_FIELDS = Object.entries(STATEMENT_FIELDS as Record<string, FieldDeclaration>).filter(
  ([, field]) => field.storage.kind === 'column' || field.storage.kind === 'reference',
);
const LINK_FIELDS = Object.entries(STATEMENT_FIELDS as Record<string, FieldDeclaration>).flatMap(([name, field]) =>
  field.storage.kind === 'links' ? [{ name, ...field.storage }] : [],
);

/**
 * Writes the import's CSV (`rows` statements, ≈ 550 bytes each) into `dir`, from the bench
 * database's own live actors, topics, stances and sources, all named by name; and the same rows
 * as COPY files with the ids resolved (statement ids from `firstId`), for the baseline.
 */
export async function writeImportFile(db: Client, dir: string, rows: number, seed = 6): Promise<ImportFile> {
  const random = new Random(seed);
  const query = async <T>(sql: string, values: unknown[] = []) => (await db.query(sql, values)).rows as T[];
  const actors = await query<SpeakerRecord & { native_name: string | null }>(
    `SELECT id, kind, name, native_name, native_name AS "nativeName", aliases, title FROM actors WHERE deleted_at IS NULL ORDER BY id`,
  );
  const speakers = unambiguous(actors, (a) => [a.native_name, ...a.aliases]);
  const topics = unambiguous(await query<Named>('SELECT id, name FROM topics WHERE deleted_at IS NULL ORDER BY id'), () => []);
  const stances = unambiguous(await query<Named>('SELECT id, name FROM stances WHERE deleted_at IS NULL ORDER BY id'), () => []);
  const sources = unambiguous(
    await query<Named & { url: string | null }>('SELECT id, title AS name, url FROM sources WHERE deleted_at IS NULL ORDER BY id'),
    (s) => [s.url],
  ).slice(0, 5000);
  if (speakers.length < 4 || !topics.length || !stances.length || !sources.length)
    throw new Error(`the bench database has too few actors, topics, stances or sources with unambiguous names for the import`);
  const [{ first_id: firstId }] = await query<{ first_id: number }>('SELECT COALESCE(max(id), 0) + 1 AS first_id FROM statements');
  const [user] = await query<{ id: number }>(`SELECT id FROM users WHERE email = 'bench@chronicle.local'`).catch(() => []);

  const name = `${IMPORT_KEY_PREFIX}${rows}.csv`;
  const csv = new Output(path.join(dir, name));
  await csv.line(IMPORT_CSV_COLUMNS.join(','));
  const statementColumns = [
    'id',
    ...STORED_FIELDS.map(([field]) => snakeCase(field)),
    'created_at',
    'updated_at',
    'search_text',
    ...(user ? ['created_by_id', 'updated_by_id'] : []),
  ];
  const copies = [
    { table: 'statements', columns: statementColumns, path: path.join(dir, 'statements.copy'), rows: 0 },
    ...LINK_FIELDS.map((link) => ({
      table: link.table,
      columns: [link.recordColumn, link.linkedColumn, 'position'],
      path: path.join(dir, `${link.table}.copy`),
      rows: 0,
    })),
  ];
  const copyOutputs = copies.map((c) => new Output(c.path));
  const mix: Record<string, number> = {};
  const count = (what: string, n = 1) => (mix[what] = (mix[what] ?? 0) + n);
  const now = new Date().toISOString();

  for (let i = 0; i < rows; i++) {
    const speaker = random.pick(speakers);
    const participantCount = random.weighted([
      [0, 30],
      [1, 45],
      [2, 20],
      [3, 5],
    ] as const);
    // Never the speaker (the API's rule): one more drawn, the speaker left out.
    const participants = random
      .sample(speakers, participantCount + 1)
      .filter((s) => s !== speaker)
      .slice(0, participantCount);
    const rowTopics = random.sample(topics, random.int(1, 3));
    const stance = random.chance(0.8) ? random.pick(stances) : null;
    const rowSources = random.sample(
      sources,
      random.weighted([
        [0, 25],
        [1, 60],
        [2, 15],
      ] as const),
    );
    const date = edtfDate(random, mix);
    const headline = `${speaker.name} ${random.pick(VERBS_EN)} ${random.pick(PHRASES_EN)}`;
    let quote: string | null = null;
    let language: 'en' | 'ru' | 'ja' | null = null;
    if (random.chance(0.6)) {
      language = random.weighted([
        ['en', 50],
        ['ru', 25],
        ['ja', 25],
      ] as const);
      quote =
        language === 'ja'
          ? sentences(random, QUOTES_JA, random.int(40, 110), '')
          : sentences(random, language === 'ru' ? QUOTES_RU : QUOTES_EN, random.int(80, 220), ' ');
      count(`quote ${language}`);
    }
    let summary: string | null = null;
    if (random.chance(0.5)) {
      summary = sentences(random, SUMMARY_SENTENCES, random.int(80, 220), random.chance(0.05) ? '\n\n' : ' ');
      if (random.chance(0.03)) summary += ` ${random.pick(AWKWARD_TEXT)}`;
    }
    const type = random.weighted([
      ['statement', 70],
      ['meeting', 15],
      ['document', 10],
      ['event', 5],
    ] as const);
    const status = random.weighted([
      ['occurred', 90],
      ['planned', 7],
      ['cancelled', 3],
    ] as const);
    const reviewStatus = random.chance(0.4) ? 'verified' : 'draft';
    const venue = random.pick(VENUES);
    const location = random.pick(PLACES);
    const key = `${IMPORT_KEY_PREFIX}${String(i + 1).padStart(6, '0')}`;
    count('participants named', participants.length);
    count('topics named', rowTopics.length);
    count('sources named', rowSources.length);
    if (stance) count('stances named');

    const cells: Record<(typeof IMPORT_CSV_COLUMNS)[number], string> = {
      key,
      date,
      speaker: speaker.name,
      participants: participants.map((p) => p.name).join('; '),
      topics: rowTopics.map((t) => t.name).join('; '),
      stance: stance?.name ?? '',
      headline,
      quote: quote ?? '',
      quote_language: language ?? '',
      summary: summary ?? '',
      venue,
      location,
      sources: rowSources.map((s) => s.name).join('; '),
      type,
      status,
      review_status: reviewStatus,
    };
    await csv.line(IMPORT_CSV_COLUMNS.map((column) => csvCell(cells[column])).join(','));

    // The same row for COPY: what the import would store, the references already ids.
    const id = firstId + i;
    const values: Record<string, unknown> = {
      ...parseEdtf(date),
      key,
      type,
      status,
      speakerId: speaker.id,
      stanceId: stance?.id ?? null,
      headline,
      quote,
      quoteLanguage: language,
      summary,
      venue,
      location,
      reviewStatus,
    };
    const row = [
      id,
      ...STORED_FIELDS.map(([field, declaration]) => (field in values ? values[field] : declaration.empty)),
      now,
      now,
      searchText(headline, quote, summary, speaker),
      ...(user ? [user.id, user.id] : []),
    ];
    await copyOutputs[0].line(row.map(copyValue).join('\t'));
    copies[0].rows++;
    const linked: Record<string, Named[]> = { participantIds: participants, topicIds: rowTopics, sourceIds: rowSources };
    for (const [k, link] of LINK_FIELDS.entries()) {
      for (const [position, record] of (linked[link.name] ?? []).entries()) {
        await copyOutputs[k + 1].line(`${id}\t${record.id}\t${position}`);
        copies[k + 1].rows++;
      }
    }
  }
  await csv.close();
  for (const output of copyOutputs) await output.close();
  return { path: path.join(dir, name), name, rows, bytes: (await stat(path.join(dir, name))).size, mix, copies };
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/** What GET /api/imports/{id} answers (the fields read here). */
interface ImportReportView {
  id: number;
  status: 'running' | 'finished' | 'failed' | 'undone';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string | null;
  processedRows: number;
  totalRows: number | null;
  counts: ImportCounts;
  error: { message: string } | null;
}

/** One import through the server, timed from the first byte of the upload until its report says it is finished. */
export interface ImportMeasurement {
  dryRun: boolean;
  importId: number;
  rows: number;
  /** The upload's answer: 201 (finished within IMPORT_WAIT_MS) or 202 (still running). */
  httpStatus: number;
  counts: ImportCounts;
  /** Until the upload was answered (the body sent and spooled, then up to IMPORT_WAIT_MS). */
  answeredMs: number;
  /** Until the report's status was finished (polled every POLL_MS). */
  totalMs: number;
  /** The report's finishedAt − startedAt: from the spooled upload to the last batch (a commit's COMMIT comes after). */
  serverMs: number | null;
  /** When the report first showed rows processed: the upload, the first pass that counts the rows, loading the references. */
  firstRowsMs: number | null;
  /** User + system CPU time of the server process during the import (the progress polls included). */
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  rssGrowthMb: number;
  rssAfterMb: number;
  /** Rows processed over time, about once a second. */
  progress: { ms: number; rows: number }[];
}

/**
 * POSTs the file to /api/imports (dryRun as given) and polls GET /api/imports/{id} until the
 * report is no longer running. The server's peak resident set is reset (clear_refs 5) just
 * before, and its CPU time read before and after. Throws when the import fails.
 */
export async function timeImport(
  base: string,
  file: ImportFile,
  dryRun: boolean,
  pid: number,
  headers: Record<string, string>,
): Promise<ImportMeasurement> {
  const body = await openAsBlob(file.path);
  const url = `${base}/api/imports?dryRun=${dryRun}&fileName=${encodeURIComponent(file.name)}`;
  const rssBeforeMb = await procStatus(pid, 'VmRSS');
  await writeFile(`/proc/${pid}/clear_refs`, '5');
  const cpuBefore = await cpuMs(pid);
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }, body });
  const text = await response.text();
  const answeredMs = performance.now() - started;
  if (response.status !== 201 && response.status !== 202)
    throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 2000)}`);
  let report = JSON.parse(text) as ImportReportView;
  const progress: ImportMeasurement['progress'] = [{ ms: answeredMs, rows: report.processedRows }];
  let firstRowsMs: number | null = report.processedRows > 0 || report.status !== 'running' ? answeredMs : null;
  while (report.status === 'running') {
    await sleep(POLL_MS);
    const polled = await fetch(`${base}/api/imports/${report.id}`, { headers });
    const answer = await polled.text();
    if (!polled.ok) throw new Error(`GET /api/imports/${report.id} answered ${polled.status}: ${answer.slice(0, 2000)}`);
    report = JSON.parse(answer) as ImportReportView;
    const ms = performance.now() - started;
    if (firstRowsMs === null && report.processedRows > 0) firstRowsMs = ms;
    if (ms - progress[progress.length - 1].ms >= 1000 || report.status !== 'running') progress.push({ ms, rows: report.processedRows });
  }
  const totalMs = performance.now() - started;
  const cpu = (await cpuMs(pid)) - cpuBefore;
  const peakRssMb = await procStatus(pid, 'VmHWM');
  const rssAfterMb = await procStatus(pid, 'VmRSS');
  if (report.status !== 'finished') {
    const failed = await fetch(`${base}/api/imports/${report.id}/rows?outcome=failed&_end=5`, { headers })
      .then((r) => r.text())
      .catch(() => '');
    throw new Error(
      `import ${report.id} (dryRun=${dryRun}) ended ${report.status}: ${report.error?.message ?? ''} ${JSON.stringify(report.counts)}\n${failed.slice(0, 3000)}`,
    );
  }
  return {
    dryRun,
    importId: report.id,
    rows: report.totalRows ?? NaN,
    httpStatus: response.status,
    counts: report.counts,
    answeredMs,
    totalMs,
    serverMs: report.finishedAt ? Date.parse(report.finishedAt) - Date.parse(report.startedAt) : null,
    firstRowsMs,
    cpuMs: cpu,
    rssBeforeMb,
    peakRssMb,
    rssGrowthMb: peakRssMb - rssBeforeMb,
    rssAfterMb,
    progress,
  };
}

/** Throws, naming the import, unless its counts are the ones expected. */
export async function expectCounts(
  base: string,
  headers: Record<string, string>,
  what: string,
  measured: ImportMeasurement,
  expected: ImportCounts,
): Promise<void> {
  const sameCounts = (['created', 'updated', 'unchanged', 'failed'] as const).every((o) => measured.counts[o] === expected[o]);
  if (sameCounts && measured.rows === expected.created + expected.updated + expected.unchanged + expected.failed) return;
  // The first rows that did something else, with what they changed or what was wrong with them.
  const unexpected = (['created', 'updated', 'unchanged', 'failed'] as const).filter((o) => measured.counts[o] !== expected[o]);
  const samples = await Promise.all(
    unexpected.map((outcome) =>
      fetch(`${base}/api/imports/${measured.importId}/rows?outcome=${outcome}&_end=5`, { headers })
        .then((r) => r.text())
        .catch((e: Error) => e.message),
    ),
  );
  throw new Error(
    `${what} (import ${measured.importId}): counts ${JSON.stringify(measured.counts)} of ${measured.rows} rows, expected ${JSON.stringify(expected)}\n` +
      samples.map((s, i) => `${unexpected[i]}: ${s.slice(0, 1500)}`).join('\n'),
  );
}

/** The baseline: the same rows, ids resolved, through `psql \copy … from file`. */
export interface CopyMeasurement {
  name: 'copy-temp' | 'copy-tables';
  title: string;
  /** Statements copied (link rows come on top: `linkRows`). */
  rows: number;
  linkRows: number;
  totalMs: number;
}

/**
 * Runs psql once over a script that loads the COPY files, timing the whole run (starting psql
 * and connecting included, ≈ 50–150 ms). `temp`: into temporary tables made LIKE statements and
 * its link tables (INCLUDING DEFAULTS: no indexes, constraints, triggers, nor WAL). `tables`:
 * into statements and its link tables themselves, with their indexes, foreign keys and the
 * search trigger, in a transaction that is rolled back.
 */
export async function timeCopyBaseline(url: string, file: ImportFile, dir: string, into: 'temp' | 'tables'): Promise<CopyMeasurement> {
  const lines = ['\\set ON_ERROR_STOP on'];
  const target = (table: string) => (into === 'temp' ? `bench_import_${table}` : table);
  if (into === 'temp') {
    for (const c of file.copies) lines.push(`CREATE TEMP TABLE ${target(c.table)} (LIKE ${c.table} INCLUDING DEFAULTS);`);
  } else lines.push('BEGIN;');
  for (const c of file.copies) lines.push(`\\copy ${target(c.table)} (${c.columns.join(', ')}) from '${c.path}'`);
  if (into === 'tables') lines.push('ROLLBACK;');
  const script = path.join(dir, `copy-${into}.sql`);
  await writeFile(script, `${lines.join('\n')}\n`);
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', [url, '-X', '-q', '-f', script]);
    let errors = '';
    psql.stderr.on('data', (chunk) => (errors += chunk));
    psql.stdout.resume();
    psql.on('error', (error) => reject(new Error(`psql could not run (${error.message}); install the PostgreSQL client`)));
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql -f ${script} failed: ${errors}`))));
  });
  return {
    name: into === 'temp' ? 'copy-temp' : 'copy-tables',
    title: into === 'temp' ? 'COPY into temp tables (baseline)' : 'COPY into statements + links, rolled back',
    rows: file.copies[0].rows,
    linkRows: file.copies.slice(1).reduce((sum, c) => sum + c.rows, 0),
    totalMs: performance.now() - started,
  };
}

/**
 * Removes what the import scenario wrote, by SQL, so that the next run finds the database as it
 * was: the statements with the scenario's keys, the revisions the imports wrote (tagged with
 * them) and their activity entries, and the imports with their report rows. Also what an
 * interrupted run left. Returns how many statements and imports it removed.
 */
export async function removeBenchImports(db: Client): Promise<{ statements: number; imports: number }> {
  const [{ present }] = (await db.query(`SELECT to_regclass('imports') IS NOT NULL AS present`)).rows as { present: boolean }[];
  if (!present) return { statements: 0, imports: 0 };
  await db.query('BEGIN');
  try {
    const imports = (await db.query('SELECT id FROM imports WHERE file_name LIKE $1', [`${IMPORT_KEY_PREFIX}%`])).rows.map(
      (r: { id: number }) => r.id,
    );
    const statements = (await db.query(`DELETE FROM statements WHERE key LIKE $1 RETURNING id`, [`${IMPORT_KEY_PREFIX}%`])).rows.map(
      (r: { id: number }) => r.id,
    );
    // (revisions.reverted_from_id's index, idx_revisions_reverted_from_id, keeps the RESTRICT check of each deleted revision a look-up.)
    // Three deletes, each on its index; one with ORs of `= ANY(100,000 ids)` compares every revision with every id.
    await db.query('DELETE FROM revisions WHERE import_id = ANY($1::int[])', [imports]);
    await db.query(`DELETE FROM revisions WHERE resource = 'imports' AND record_id = ANY($1::int[])`, [imports]);
    await db.query(
      `DELETE FROM revisions r USING (SELECT DISTINCT unnest($1::int[]) AS id) gone WHERE r.resource = 'statements' AND r.record_id = gone.id`,
      [statements],
    );
    await db.query('DELETE FROM imports WHERE id = ANY($1::int[])', [imports]);
    await db.query('COMMIT');
    if (statements.length || imports.length) {
      await db.query(
        'VACUUM (ANALYZE) statements, statement_participants, statement_topics, statement_sources, revisions, imports, import_rows',
      );
    }
    return { statements: statements.length, imports: imports.length };
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}
