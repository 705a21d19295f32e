import { parse as parseCsv } from 'csv-parse/sync';
import { databaseChecksum } from '../support/database-checksum';
import { createTestApp, TestApp } from '../support/test-app';

/** Imports over HTTP: identity, matching, all or nothing, dry runs, undo, and the report. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

/**
 * Every table's checksum but auth_tokens': a request's authentication notes when its token was
 * last used (once a minute, after the answer), which is no write of the import's.
 */
async function dataChecksum(): Promise<Record<string, string>> {
  const { auth_tokens: _tokens, ...tables } = await databaseChecksum(t.databaseUrl);
  return tables;
}

const csv = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

function upload(body: string | Buffer, query = '', type = 'text/csv', role: 'admin' | 'editor' | 'viewer' = 'editor') {
  return t
    .as(role)
    .post(`/api/imports${query ? `?${query}` : ''}`)
    .set('Content-Type', type)
    .send(body);
}

async function exportCsv(query = ''): Promise<string> {
  const res = await t
    .http()
    .get(`/api/statements/export?format=csv${query ? `&${query}` : ''}`)
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
  return res.body as string;
}

describe('the seed, exported and imported back', () => {
  it('is unchanged row for row, and writes nothing', async () => {
    const file = await exportCsv();
    const before = await dataChecksum();
    const res = await upload(file, 'dryRun=false');
    expect(res.status).toBe(201);
    expect(res.body.counts).toEqual({ created: 0, updated: 0, unchanged: 22, failed: 0 });
    const after = await dataChecksum();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect(changed.sort()).toEqual(['import_rows', 'imports', 'revisions']);
  });
});

describe('a new coding sheet', () => {
  const sheet = csv([
    'key,date,speaker,headline,topics,stance,quote_language',
    'k-1,2019-02-01,Lavrov,First imported,Sovereignty,,ru',
    'k-2,2019-02-02,ＬＡＶＲＯＶ,Second imported,,,',
  ]);

  it('is checked by a dry run that writes nothing', async () => {
    const before = await dataChecksum();
    const res = await upload(sheet, 'dryRun=true');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ dryRun: true, status: 'finished', counts: { created: 2, updated: 0, unchanged: 0, failed: 0 } });
    expect(await dataChecksum()).toEqual(before);
  });

  it('is created, then unchanged the second time', async () => {
    const first = await upload(sheet);
    expect(first.status).toBe(201);
    expect(first.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, failed: 0 });
    const second = await upload(sheet);
    expect(second.body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    const rows = parseCsv<Record<string, string>>(await exportCsv('q=imported'), { columns: true });
    expect(rows.map((r) => [r.key, r.speaker, r.headline])).toEqual([
      ['k-1', 'Sergey Lavrov', 'First imported'],
      ['k-2', 'Sergey Lavrov', 'Second imported'],
    ]);
  });

  it('names the row and column of each error, and writes nothing', async () => {
    const before = await dataChecksum();
    const res = await upload(csv(['key,date,speaker,headline', 'k-3,03/04/2019,Nobody Known,Bad', 'k-4,2019,Lavrov,']));
    expect(res.status).toBe(400);
    expect(res.body.errors).toMatchObject({
      'row 2, date': expect.stringContaining('day and month are never guessed'),
      'row 2, speaker': expect.stringContaining('no actor is named "Nobody Known"'),
      'row 3, headline': expect.stringContaining('headline'),
    });
    expect(await dataChecksum()).toMatchObject({ statements: before.statements, revisions: before.revisions });
  });
});
