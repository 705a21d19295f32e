import { parse as parseCsv } from 'csv-parse/sync';
import type { Response } from 'express';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { ExportSlots } from '../../server/src/exports/export-slots';
import { openXlsx } from '../../server/src/imports/readers/xlsx-reader';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Actors and sources have exports as statements do (GET /api/actors.csv, .json, .ndjson; the
 * same for sources): the list's filters and sort, every record, streamed, formulas neutralised
 * in CSV, and counted against the same export limits.
 */
let t: TestApp;
let work: string;
const FORMULA = '=HYPERLINK("https://example.org","click")';
let formulaActor: number;
let formulaSource: number;

const ACTOR_COLUMNS = 'id,name,native_name,kind,country,title,aliases,wikidata_id,description,created_at,updated_at';
const SOURCE_COLUMNS =
  'id,title,publisher,url,authors,published_on,accessed_on,archive_url,language,translated_from,kind,created_at,updated_at';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const make = factories(t);
  formulaActor = (await make.actor({ name: FORMULA, nativeName: '河野太郎', aliases: ['@SUM(A1)', 'plain'], kind: 'organization' })).id;
  formulaSource = (await make.source({ title: '+7 495 000', authors: ['-2 degrees', 'A. Writer'], publishedOn: '2019-01-15' })).id;
  work = await mkdtemp(path.join(os.tmpdir(), 'chronicle-record-exports-'));
});
afterAll(async () => {
  await t.close();
  await rm(work, { recursive: true, force: true });
});

const ids = async (listPath: string) => {
  const res = await t.http().get(listPath).expect(200);
  return (res.body as { id: number }[]).map((record) => record.id);
};

describe('the actors export', () => {
  it('is RFC 4180 CSV of every actor the list shows, in its order, with every column', async () => {
    const res = await t.http().get('/api/actors.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="actors-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.text.startsWith(`${ACTOR_COLUMNS}\r\n`)).toBe(true);
    const rows: Record<string, string>[] = parseCsv(res.text, { columns: true });
    expect(rows.map((row) => Number(row.id))).toEqual(await ids('/api/actors?_end=1000'));
    expect(rows.find((row) => row.name === 'Sergey Lavrov')).toMatchObject({
      native_name: 'Сергей Лавров',
      kind: 'person',
      country: 'RU',
      title: 'Foreign Minister of Russia',
      aliases: 'Sergei Lavrov',
    });
    expect(rows.find((row) => row.name === 'Shinzo Abe')!.aliases).toBe('Shinzō Abe; Abe Shinzo');
    expect(rows[0].created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('neutralises a name that a spreadsheet would read as a formula, and every alias', async () => {
    const rows: Record<string, string>[] = parseCsv((await t.http().get('/api/actors.csv?kind=organization').expect(200)).text, {
      columns: true,
    });
    expect(rows.find((row) => Number(row.id) === formulaActor)).toMatchObject({
      name: `'${FORMULA}`,
      native_name: '河野太郎',
      aliases: "'@SUM(A1); plain",
    });
  });

  it("takes the list's filters and sort, and names the file for them", async () => {
    const res = await t.http().get('/api/actors.csv?kind=organization&country=RU&_sort=name&_order=DESC&columns=id,name').expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="actors-organization-ru-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows: Record<string, string>[] = parseCsv(res.text, { columns: true });
    expect(rows.map((row) => Number(row.id))).toEqual(await ids('/api/actors?kind=organization&country=RU&_sort=name&_order=DESC'));
    expect(rows.map((row) => row.name)).toEqual(['Russian leaders', 'Russian Foreign Ministry', 'Russia']);
    expect(Object.keys(rows[0])).toEqual(['id', 'name']);
    const searched = parseCsv((await t.http().get('/api/actors.csv?q=Лавров').expect(200)).text, { columns: true });
    expect((searched as { name: string }[]).map((row) => row.name)).toEqual(['Sergey Lavrov']);
  });

  it('is JSON (numbers as numbers) and NDJSON too', async () => {
    const json = await t.http().get('/api/actors.json?q=Lavrov').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toEqual([expect.objectContaining({ id: expect.any(Number), name: 'Sergey Lavrov', wikidata_id: null })]);
    const ndjson = await asText('/api/actors.ndjson?kind=person&columns=id,name').expect(200);
    expect(ndjson.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = (ndjson.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(await ids('/api/actors?kind=person'));
    expect(Object.keys(lines[0])).toEqual(['id', 'name']);
  });
});

describe('the sources export', () => {
  it('has every column, days as YYYY-MM-DD, authors joined, formulas neutralised', async () => {
    const res = await t.http().get('/api/sources.csv?_sort=id&_order=ASC').expect(200);
    expect(res.text.startsWith(`${SOURCE_COLUMNS}\r\n`)).toBe(true);
    const rows: Record<string, string>[] = parseCsv(res.text, { columns: true });
    expect(rows.map((row) => Number(row.id))).toEqual(await ids('/api/sources?_sort=id&_order=ASC'));
    expect(rows[0]).toMatchObject({
      title: 'Deep gap emerges between Japan, Russia over territorial dispute',
      publisher: 'The Mainichi',
      authors: 'Muneyoshi Mitsuda; Hitoshi Omae',
      translated_from: 'ja',
      kind: 'news',
    });
    expect(rows.find((row) => Number(row.id) === formulaSource)).toMatchObject({
      title: "'+7 495 000",
      authors: "'-2 degrees; A. Writer",
      published_on: '2019-01-15',
    });
  });

  it('is JSON and NDJSON at /api/sources.json and .ndjson, filtered by the list', async () => {
    const json = await t.http().get('/api/sources.json?q=Mainichi').expect(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="sources-mainichi-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(json.body.map((row: { publisher: string }) => row.publisher)).toEqual(['The Mainichi']);
    const ndjson = await asText(`/api/sources.ndjson?id=${formulaSource}`).expect(200);
    expect(JSON.parse(ndjson.body)).toMatchObject({ id: formulaSource, published_on: '2019-01-15', url: null });
  });
});

describe('refusals and limits', () => {
  it.each([
    ['/api/actors.csv?colour=red', 'colour'],
    ['/api/actors.csv?columns=id,headline', 'columns'],
    ['/api/actors.csv?columns=id,id', 'columns'],
    ['/api/sources.json?bom=1', 'bom'],
    ['/api/sources.csv?_sort=password', '_sort'],
    ['/api/sources.csv?format=json', 'format'],
    ['/api/actors.ndjson?kind=robot', 'kind'],
  ])('%s → 400 naming %s', async (url, field) => {
    const res = await t.http().get(url).expect(400);
    expect(Object.keys(res.body.errors)).toEqual([field]);
  });

  it('counts against the export limits: an account already streaming its 2 is refused with 429, others are not', async () => {
    const slots = t.app.get(ExportSlots);
    const run = jest.spyOn(slots, 'run');
    await t.http().get('/api/actors.csv').expect(200);
    await t.http().get('/api/sources.ndjson').expect(200);
    expect(run).toHaveBeenCalledTimes(2);
    run.mockRestore();

    // Two exports of the admin's under way (held open here), as if their readers had paused.
    const held: (() => void)[] = [];
    const streaming = {
      req: { principal: { user: { id: t.users.admin.id } }, path: '/api/statements.csv' },
      on: () => undefined,
      once: () => undefined,
    };
    const under = [0, 1].map(() =>
      slots.run(
        { ...streaming, removeListener: () => undefined } as unknown as Response,
        () => new Promise<void>((done) => held.push(done)),
      ),
    );
    try {
      for (const url of ['/api/actors.csv', '/api/sources.json']) {
        const refused = await t.http().get(url).expect(429);
        expect(refused.headers['retry-after']).toBe('10');
        expect(refused.body.message).toMatch(/EXPORTS_PER_USER = 2/);
      }
      await t.as('viewer').get('/api/actors.csv').expect(200);
    } finally {
      for (const done of held) done();
      await Promise.all(under);
    }
    await t.http().get('/api/actors.csv').expect(200);
  });
});

describe('in LibreOffice', () => {
  it('opens the actors CSV with every cell as text: no formula, the names intact', async () => {
    const csvFile = path.join(work, 'actors.csv');
    await writeFile(
      csvFile,
      (await t.http().get('/api/actors.csv?kind=organization&columns=id,name,native_name,aliases').expect(200)).text,
    );
    const workbook = await libreOfficeWorkbook(csvFile, path.join(work, 'out'));
    const table = await openXlsx(workbook, {});
    const rows: Record<string, unknown>[] = [];
    try {
      for await (const row of table.rows) rows.push(row.cells);
    } finally {
      await table.close();
    }
    expect(rows.find((row) => row.id === formulaActor || row.id === String(formulaActor))).toMatchObject({
      name: `'${FORMULA}`,
      native_name: '河野太郎',
      aliases: "'@SUM(A1); plain",
    });
    expect(rows.find((row) => row.name === 'Russian Foreign Ministry')).toMatchObject({
      native_name: 'Министерство иностранных дел Российской Федерации',
    });
  }, 120_000);
});

/** A GET whose body is read as text, whatever its type (supertest leaves NDJSON unread otherwise). */
const asText = (url: string) =>
  t
    .http()
    .get(url)
    .buffer(true)
    .parse((response, done) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done(null, body));
    });

/**
 * The CSV made into a workbook by LibreOffice, headless, with a profile of its own, with
 * LibreOffice's own cell types (as a user opening the file gets them): a cell it read as a
 * formula would hold its result, not the text.
 */
async function libreOfficeWorkbook(csvFile: string, outDir: string): Promise<string> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'chronicle-soffice-'));
  try {
    await promisify(execFile)(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--infilter=Text - txt - csv (StarCalc):44,34,76,1',
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
