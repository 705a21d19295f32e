import { parse as parseCsv } from 'csv-parse/sync';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { pgPool } from '../../server/src/database/pg-pool';
import { EXPORT_COLUMN_NAMES } from '../../server/src/exports/export-columns';
import { generateData } from '../../server/src/generator/generate-data';
import { openXlsx } from '../../server/src/imports/readers/xlsx-reader';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The round trip an import promises: the seed plus 1,000 generated statements, exported as CSV
 * and NDJSON (and the CSV made into a workbook by LibreOffice), each imported into an empty
 * database that holds the same actors, topics, stances and sources, and exported again: the
 * same rows but for ids and timestamps. Importing the file a second time changes nothing.
 */

const GENERATED = 1_000;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The columns that are the database's own: another database gives other values. */
const OWN_COLUMNS = ['id', 'created_at', 'updated_at', 'responds_to_id'];
/** The vocabularies a target database gets from the source, with their ids. */
const VOCABULARIES = ['actors', 'topics', 'stances', 'sources'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Row = Record<string, unknown>;
type Format = 'csv' | 'ndjson';

let source: TestApp;
const targets: TestApp[] = [];
let work: string | undefined;
/** The source's exports, as text and as rows. */
const exported = { csv: '', ndjson: '' };
const sourceRows: Record<Format, Row[]> = { csv: [], ndjson: [] };
/** Workbooks LibreOffice made of the CSV export: every column as text, and with LibreOffice's own cell types. */
const workbooks = { text: '', typed: '' };

const execFileAsync = promisify(execFile);

async function exportText(t: TestApp, format: Format): Promise<string> {
  const res = await t
    .http()
    .get(`/api/statements/export?format=${format}`)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
  expect(res.status).toBe(200);
  return res.body as string;
}

function parseExport(format: Format, text: string): Row[] {
  if (format === 'csv') return parseCsv(text, { columns: true, bom: true });
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

/**
 * The CSV file made into a workbook by LibreOffice, headless, with a profile of its own (so that
 * parallel runs never share one). The CSV filter's options: comma, double quote, UTF-8 (76),
 * from line 1; with `textColumns`, also token 5 (column/format pairs, format 2 = Text) for every
 * column, language en-US, quoted fields as text and no detection of special numbers.
 */
async function libreOfficeWorkbook(csvFile: string, outDir: string, textColumns?: number): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'chronicle-soffice-'));
  await mkdir(outDir, { recursive: true });
  const asText = textColumns ? `,${Array.from({ length: textColumns }, (_, i) => `${i + 1}/2`).join('/')},1033,true,false` : '';
  try {
    await execFileAsync(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        `--infilter=Text - txt - csv (StarCalc):44,34,76,1${asText}`,
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        csvFile,
      ],
      { timeout: 120_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  return path.join(outDir, `${path.basename(csvFile, '.csv')}.xlsx`);
}

async function withDatabase<T>(t: TestApp, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database without statements, holding the source's actors, topics, stances and sources under their ids. */
async function emptyTarget(): Promise<TestApp> {
  const target = await createTestApp({ imports: { waitMs: 600_000 } });
  targets.push(target);
  const tables = await withDatabase(source, async (client) => {
    const rows: Record<string, string> = {};
    for (const table of VOCABULARIES) {
      rows[table] = (await client.query(`SELECT COALESCE(json_agg(t ORDER BY t.id), '[]')::text AS rows FROM ${table} t`)).rows[0].rows;
    }
    return rows;
  });
  await withDatabase(target, async (client) => {
    await client.query('BEGIN');
    for (const table of VOCABULARIES) {
      await client.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [tables[table]]);
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`);
    }
    await client.query('COMMIT');
  });
  const [counts] = await target.dataSource.query(
    `SELECT (SELECT count(*) FROM statements)::int AS statements, ${VOCABULARIES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
  );
  const [expected] = await source.dataSource.query(
    `SELECT 0 AS statements, ${VOCABULARIES.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
  );
  expect(counts).toEqual(expected);
  return target;
}

function upload(t: TestApp, file: string | Buffer, type: string, query = 'dryRun=false') {
  return t.http().post(`/api/imports?${query}`).set('Content-Type', type).send(file);
}

/** An import's answer as status and counts, with its message and first errors when it was refused. */
function outcome(res: { status: number; body: { counts?: unknown; message?: string; errors?: Record<string, string> } }) {
  if (res.status === 201) return { status: res.status, counts: res.body.counts };
  return {
    status: res.status,
    counts: res.body.counts,
    message: res.body.message,
    errors: Object.entries(res.body.errors ?? {}).slice(0, 10),
  };
}

/** The revisions of each resource; an import's own entry in the activity feed is one of "imports". */
async function revisions(t: TestApp): Promise<Record<string, number>> {
  const rows: { resource: string; n: number }[] = await t.dataSource.query(
    'SELECT resource::text AS resource, count(*)::int AS n FROM revisions GROUP BY resource',
  );
  return Object.fromEntries(rows.map((r) => [r.resource, r.n]));
}

const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * What differs between the source's export and a target's, readably ("key, column: source →
 * target"), but for the database's own columns: a reply is compared by responds_to_key, and
 * the target's responds_to_id must be the id of the statement with that key. Empty when equal.
 *
 * The export's order is by date, then id. New ids follow the file's order, except for a row
 * replying to a statement of a later row, which the import writes once that one is (so it gets
 * a later id): statements of the same date may then come in another order. So rows are paired
 * by key, and the order is checked by date.
 */
function differences(before: Row[], after: Row[]): string[] {
  const found: string[] = [];
  if (after.length !== before.length) found.push(`${after.length} rows exported, the source has ${before.length}`);
  const misplaced = before.findIndex((row, i) => after[i]?.date_start !== row.date_start);
  if (misplaced >= 0 && after.length === before.length) {
    found.push(`row ${misplaced + 1} is out of date order: ${show(after[misplaced].key)} is where ${show(before[misplaced].key)} was`);
  }
  const byKey = new Map(after.map((row) => [row.key, row]));
  for (const old of before) {
    const row = byKey.get(old.key);
    if (!row) {
      found.push(`${show(old.key)}: missing from the target's export`);
      continue;
    }
    for (const column of EXPORT_COLUMN_NAMES) {
      if (!OWN_COLUMNS.includes(column) && show(old[column]) !== show(row[column])) {
        found.push(`${old.key}, ${column}: ${show(old[column])} → ${show(row[column])}`);
      }
    }
    const reply = row.responds_to_key ? byKey.get(row.responds_to_key)?.id : row.responds_to_id;
    if (String(row.responds_to_id ?? '') !== String(reply ?? '')) {
      found.push(`${old.key}, responds_to_id: ${show(row.responds_to_id)}, but ${show(row.responds_to_key)} is statement ${show(reply)}`);
    }
  }
  return found;
}

beforeAll(async () => {
  source = await createTestApp({ seed: true, imports: { waitMs: 600_000 } });
  await generateData(pgPool(source.dataSource), { statements: GENERATED, seed: 41 });
  for (const format of ['csv', 'ndjson'] as const) {
    exported[format] = await exportText(source, format);
    sourceRows[format] = parseExport(format, exported[format]);
  }
  work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-round-trip-'));
  const csvFile = path.join(work, 'statements.csv');
  await writeFile(csvFile, exported.csv);
  [workbooks.text, workbooks.typed] = await Promise.all([
    libreOfficeWorkbook(csvFile, path.join(work, 'text'), EXPORT_COLUMN_NAMES.length),
    libreOfficeWorkbook(csvFile, path.join(work, 'typed')),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([source, ...targets].filter(Boolean).map((t) => t.close()));
  if (work) await rm(work, { recursive: true, force: true });
});

it('starts from an export of every column that holds what a round trip can break', () => {
  const rows = sourceRows.csv as Record<string, string>[];
  expect(rows).toHaveLength(GENERATED + 22);
  expect(Object.keys(rows[0])).toEqual(EXPORT_COLUMN_NAMES);
  expect(sourceRows.ndjson.map((row) => row.key)).toEqual(rows.map((row) => row.key));
  const count = (test: (row: Record<string, string>) => boolean) => rows.filter(test).length;
  expect({
    withoutKey: count((r) => !r.key),
    replies: count((r) => r.responds_to_key !== '') >= 20,
    lineBreaks: count((r) => /\n/.test(r.quote + r.summary)) >= 10,
    neutralisedFormulas: count((r) => Object.values(r).some((v) => /^'[-+=@]/.test(v))) >= 1,
    cyrillic: count((r) => /\p{Script=Cyrillic}/u.test(r.headline + r.quote)) >= 50,
    japanese: count((r) => /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(r.headline + r.quote)) >= 50,
    lists: count((r) => r.participants.includes('; ') && r.topics.includes('; ') && r.sources.includes('; ')) >= 5,
    days: count((r) => DAY.test(r.date)) >= 100,
    intervals: count((r) => r.date.includes('/')) >= 10,
    qualified: count((r) => /[?~%]$/.test(r.date)) >= 10,
    seasons: count((r) => /^\d{4}-2[1-4]$/.test(r.date)) >= 10,
    unspecified: count((r) => r.date.includes('X')) >= 10,
  }).toEqual({
    withoutKey: 0,
    replies: true,
    lineBreaks: true,
    neutralisedFormulas: true,
    cyrillic: true,
    japanese: true,
    lists: true,
    days: true,
    intervals: true,
    qualified: true,
    seasons: true,
    unspecified: true,
  });
});

/*
 * The workbook is LibreOffice's CSV import with every column as text. With its own cell types,
 * LibreOffice changes values itself: `1995%` (an EDTF year, uncertain and approximate) becomes
 * the percentage 19.95, which is no date, and day dates (date, date_start, date_end) and some
 * display dates become date cells. The import's side of date cells is checked further down.
 */
describe.each([
  ['CSV', 'text/csv'],
  ['NDJSON', 'application/x-ndjson'],
  ['XLSX (LibreOffice, from the CSV)', XLSX_TYPE],
] as const)('%s, imported into an empty database', (name, type) => {
  let target: TestApp;
  let file: string | Buffer;

  beforeAll(async () => {
    target = await emptyTarget();
    file = type === XLSX_TYPE ? await readFile(workbooks.text) : exported[type === 'text/csv' ? 'csv' : 'ndjson'];
  }, 60_000);

  it('creates a statement for every row', async () => {
    const res = await upload(target, file, type, `dryRun=false&fileName=${encodeURIComponent(name)}`);
    expect(outcome(res)).toEqual({ status: 201, counts: { created: sourceRows.csv.length, updated: 0, unchanged: 0, failed: 0 } });
  }, 60_000);

  it.each(['csv', 'ndjson'] as const)('exports as %s what the source did, but for ids and timestamps', async (format) => {
    const found = differences(sourceRows[format], parseExport(format, await exportText(target, format)));
    expect({ differences: found.length, first: found.slice(0, 12) }).toEqual({ differences: 0, first: [] });
  });

  it('imported again, leaves every row unchanged and writes no revision of a statement', async () => {
    const before = await revisions(target);
    const res = await upload(target, file, type);
    expect(outcome(res)).toEqual({ status: 201, counts: { created: 0, updated: 0, unchanged: sourceRows.csv.length, failed: 0 } });
    // Only the import's own entry in the activity feed.
    expect(await revisions(target)).toEqual({ ...before, imports: (before.imports ?? 0) + 1 });
  }, 60_000);
});

describe('a workbook with LibreOffice’s own cell types', () => {
  it('holds a date cell for each day date, which the import reads as that day', async () => {
    const rows = sourceRows.csv as Record<string, string>[];
    const days = new Map(rows.filter((r) => DAY.test(r.date)).map((r) => [r.key, r.date]));
    const table = await openXlsx(workbooks.typed, {});
    const cells = new Map<string, unknown>();
    try {
      for await (const row of table.rows) if (days.has(String(row.cells.key))) cells.set(String(row.cells.key), row.cells.date);
    } finally {
      await table.close();
    }
    expect(cells).toEqual(new Map([...days].map(([key, day]) => [key, { date: day }])));

    // Matched by key in the source itself: every row unchanged, its date cell the day it was, but
    // for the dates LibreOffice made percentages (its doing: the date column as text avoids it).
    const percent = rows.filter((r) => r.date.endsWith('%')).map((r) => r.key);
    const res = await upload(source, await readFile(workbooks.typed), XLSX_TYPE, 'dryRun=true&skipInvalid=true');
    expect(outcome(res)).toEqual({
      status: 201,
      counts: { created: 0, updated: 0, unchanged: rows.length - percent.length, failed: percent.length },
    });
    const failed = (res.body.rows as { key: string; outcome: string; errors?: Record<string, string> }[]).filter(
      (r) => r.outcome === 'failed',
    );
    expect(failed.map((r) => r.key).sort()).toEqual([...percent].sort());
    for (const row of failed)
      expect(Object.entries(row.errors ?? {})).toEqual([['date', expect.stringMatching(/a number such as [\d.]+ is not one/)]]);
  }, 60_000);
});
