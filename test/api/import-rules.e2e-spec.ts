import { Client } from 'pg';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The rules of an import, one by one: identity (key, id, neither), how cells find actors,
 * topics, stances and sources, createMissing, skipInvalid, undo and its refusal, the activity
 * entry, who may import, and the 202 of a long import with its progress.
 */
let t: TestApp;
let make: ReturnType<typeof factories>;
let lavrov: number;
let kono: number;
let akie: number;
let shinzo: number;
let rejecting: number;

beforeAll(async () => {
  t = await createTestApp();
  make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров', aliases: ['Sergei Lavrov'], wikidataId: 'Q172809' })).id;
  kono = (await make.actor({ name: 'Taro Kono', nativeName: '河野太郎', aliases: ['Tarō Kōno'] })).id;
  shinzo = (await make.actor({ name: 'Shinzo Abe', nativeName: '安倍晋三' })).id;
  akie = (await make.actor({ name: 'Akie Abe' })).id;
  rejecting = (await make.stance({ name: 'Rejecting', score: -2 })).id;
  await make.topic({ name: 'Sovereignty' });
  await make.source({ title: 'Deep gap emerges', publisher: 'The Mainichi', url: 'https://mainichi.jp/a' });
});
afterAll(() => t.close());

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const upload = (body: string | Buffer, query = '', type = 'text/csv', role: 'admin' | 'editor' | 'viewer' = 'editor') =>
  t
    .as(role)
    .post(`/api/imports${query ? `?${query}` : ''}`)
    .set('Content-Type', type)
    .send(body);

async function statementByKey(key: string) {
  const [row] = await t.dataSource.query('SELECT id FROM statements WHERE key = $1 AND deleted_at IS NULL', [key]);
  return row ? (await t.http().get(`/api/statements/${row.id}`).expect(200)).body : undefined;
}

const revisionCount = async () => Number((await t.dataSource.query('SELECT count(*)::int AS n FROM revisions'))[0].n);

describe('identity', () => {
  it('a key creates the statement, then updates only what differs, then leaves it alone', async () => {
    const created = await upload(csv('key,date,speaker,headline', 'id-1,2019-01-14,Sergey Lavrov,First'));
    expect(created.status).toBe(201);
    expect(created.body.rows).toEqual([expect.objectContaining({ row: 2, outcome: 'created', key: 'id-1' })]);
    const updated = await upload(csv('key,date,speaker,headline', 'id-1,2019-01-14,Sergey Lavrov,First, corrected'.replace(', c', ' c')));
    expect(updated.body.rows).toEqual([expect.objectContaining({ outcome: 'updated', changedFields: ['headline'] })]);
    const statement = await statementByKey('id-1');
    expect(statement).toMatchObject({ headline: 'First corrected', version: 2 });
    const before = await revisionCount();
    const again = await upload(csv('key,date,speaker,headline', 'id-1,2019-01-14,Sergey Lavrov,First corrected'));
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    // One revision: the import's own entry in the feed; none for the statement.
    expect(await revisionCount()).toBe(before + 1);
  });

  it('an id changes that statement; neither key nor id creates one; a missing or trashed id is an error', async () => {
    const existing = await make.statement({ speakerId: kono, headline: 'By id' });
    const trashed = await make.statement({ speakerId: kono, headline: 'Trashed' });
    await t.http().delete(`/api/statements/${trashed.id}`).expect(200);
    const ok = await upload(
      csv('id,date,speaker,headline', `${existing.id},2019-01-15,Taro Kono,By id`, ',2019,Taro Kono,Neither key nor id'),
    );
    expect(ok.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(['updated', 'created']);
    expect((await t.http().get(`/api/statements/${existing.id}`)).body.date).toBe('2019-01-15');
    const bad = await upload(csv('id,date,speaker,headline', '999999,2019,Taro Kono,Nope', `${trashed.id},2019,Taro Kono,Trashed`));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual({
      'row 2, id': expect.stringContaining('statement 999999 does not exist'),
      'row 3, id': `statement ${trashed.id} is in the trash (restore it first)`,
    });
  });

  it('a key new to the database, on the row of a keyless statement, is given to it', async () => {
    const keyless = await make.statement({ speakerId: kono, headline: 'Keyless' });
    const res = await upload(csv('id,key,date,speaker,headline', `${keyless.id},given-key,2019-01-14,Taro Kono,Keyless`));
    expect(res.body.rows).toEqual([expect.objectContaining({ outcome: 'updated', statementId: keyless.id, changedFields: ['key'] })]);
  });

  it('a key or a statement twice in one file is an error naming the other row', async () => {
    const res = await upload(csv('key,date,speaker,headline', 'twice,2019,Taro Kono,A', 'twice,2019,Taro Kono,B'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ 'row 3, key': 'key "twice" is also on row 2' });
  });

  it('replies find their statement by key, in the file (even a later row) or the database', async () => {
    const res = await upload(
      csv(
        'key,date,speaker,headline,responds_to_key',
        'reply-2,2019-01-16,Taro Kono,Answer to a later row,reply-1',
        'reply-1,2019-01-15,Sergey Lavrov,Asked first,',
        'reply-3,2019-01-17,Sergey Lavrov,Answer to the database,id-1',
        'reply-4,2019-01-17,Sergey Lavrov,Answer to nothing,no-such-key',
      ),
      'skipInvalid=true',
    );
    expect(res.status).toBe(201);
    const [first, second, third] = await Promise.all(['reply-1', 'reply-2', 'reply-3'].map(statementByKey));
    expect(second.respondsToId).toBe(first.id);
    expect(third.respondsToId).toBe((await statementByKey('id-1')).id);
    expect(res.body.rows.find((r: { row: number }) => r.row === 5).errors).toEqual({
      responds_to_key: 'names no statement of this file or the database (key "no-such-key")',
    });
  });
});

describe('references', () => {
  it.each([
    ['an id', `${0}`, 'id'],
    ['a Wikidata id', 'Q172809', 'wikidata id'],
    ['the name in another case', 'sergey LAVROV', 'name'],
    ['full-width letters (NFKC)', 'ＳＥＲＧＥＹ ＬＡＶＲＯＶ', 'name'],
    ['the native name', 'Сергей Лавров', 'native name'],
    ['an alias', 'Sergei Lavrov', 'alias'],
    ['a part of one name only', 'Lavrov', 'part of a name'],
    ['a part in another script', 'Лавров', 'part of a name'],
  ])('finds an actor by %s', async (_what, text, by) => {
    const cell = text === '0' ? String(lavrov) : text;
    const res = await upload(csv('date,speaker,headline', `2019,${cell},Found by ${by}`), 'dryRun=true');
    expect(res.body.counts.failed).toBe(0);
    expect(res.body.references).toEqual([expect.objectContaining({ collection: 'actors', text: cell, id: lavrov, by })]);
  });

  it('compares without accents: "Taro Kōno" is Taro Kono', async () => {
    const res = await upload(csv('date,speaker,headline', '2019,Taro Kōno,Accents'), 'dryRun=true');
    expect(res.body.references).toEqual([expect.objectContaining({ id: kono, by: 'name' })]);
  });

  it('refuses an ambiguous name, naming the candidates', async () => {
    const res = await upload(csv('date,speaker,headline', '2019,Abe,Which Abe?'), 'dryRun=true');
    expect(res.body.rows[0].errors).toEqual({
      speaker: `"Abe" matches 2 actors: Shinzo Abe (${shinzo}), Akie Abe (${akie}); write the name in full or the id`,
    });
  });

  it('creates what is missing only when createMissing allows it, and reports it', async () => {
    const file = csv(
      'key,date,speaker,headline,topics,sources,stance',
      'made-1,2019,Yuri Ushakov,Created refs,New topic; Sovereignty,A new source — A publisher — https://example.org/x,Rejecting',
    );
    const refused = await upload(file, 'dryRun=true');
    expect(refused.body.rows[0].errors).toEqual({
      speaker: 'no actor is named "Yuri Ushakov" (createMissing=actors creates it)',
      topics: 'no topic is named "New topic" (createMissing=topics creates it)',
      sources: 'no source is named "A new source — A publisher — https://example.org/x" (createMissing=sources creates it)',
    });
    const res = await upload(file, 'createMissing=actors,topics,sources');
    expect(res.status).toBe(201);
    const created = res.body.references
      .filter((r: { by: string }) => r.by === 'created')
      .map((r: { collection: string; label: string }) => [r.collection, r.label]);
    expect(created).toEqual([
      ['actors', 'Yuri Ushakov'],
      ['topics', 'New topic'],
      ['sources', 'A new source'],
    ]);
    const statement = await statementByKey('made-1');
    expect(statement.stanceId).toBe(rejecting);
    const source = (await t.http().get(`/api/sources/${statement.sourceIds[0]}`)).body;
    expect(source).toMatchObject({ title: 'A new source', publisher: 'A publisher', url: 'https://example.org/x' });
  });

  it('never creates a stance: the scale is the admins’', async () => {
    const res = await upload(
      csv('date,speaker,headline,stance', '2019,Taro Kono,Stance,Lukewarm'),
      'dryRun=true&createMissing=actors,topics,sources',
    );
    expect(res.body.rows[0].errors).toEqual({ stance: 'no stance is named "Lukewarm"' });
  });
});

describe('all or nothing', () => {
  it('writes nothing when a row fails, the valid rows with skipInvalid', async () => {
    const file = csv('key,date,speaker,headline', 'aon-1,2019,Taro Kono,Valid', 'aon-2,2019-13,Taro Kono,Invalid date');
    const before = await revisionCount();
    const refused = await upload(file);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^1 row has errors; nothing was written \(import \d+/);
    expect(await statementByKey('aon-1')).toBeUndefined();
    expect(await revisionCount()).toBe(before);
    const report = (
      await t
        .http()
        .get(`/api/imports/${/import (\d+)/.exec(refused.body.message)![1]}`)
        .expect(200)
    ).body;
    expect(report).toMatchObject({ status: 'failed', counts: { created: 1, failed: 1 } });
    const skipped = await upload(file, 'skipInvalid=true');
    expect(skipped.status).toBe(201);
    expect(skipped.body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 1 });
    expect(await statementByKey('aon-1')).toMatchObject({ headline: 'Valid' });
  });
});

describe('undo', () => {
  it('trashes what the import created and restores what it changed, as new revisions, with one feed entry each', async () => {
    const changed = await make.statement({ speakerId: lavrov, headline: 'Before the import', key: 'undo-existing' });
    const res = await upload(
      csv('key,date,speaker,headline', 'undo-existing,2019-01-14,Sergey Lavrov,Changed by the import', 'undo-new,2019,Sergey Lavrov,New'),
    );
    const id = res.body.id;
    const feed = (await t.http().get('/api/revisions?_end=5').expect(200)).body;
    expect(feed[0]).toMatchObject({ resource: 'imports', recordId: id, action: 'create', importId: id });
    expect(feed[0].label).toMatch(/^Import of : 1 created, 1 updated, 0 unchanged$|^Import of a file: 1 created, 1 updated, 0 unchanged$/);
    const undone = await t.as('editor').post(`/api/imports/${id}/undo`).expect(201);
    expect(undone.body).toMatchObject({ status: 'undone', undoneBy: { name: 'Eddie Editor' } });
    expect((await t.http().get(`/api/statements/${changed.id}`)).body).toMatchObject({ headline: 'Before the import', version: 3 });
    expect(await statementByKey('undo-new')).toBeUndefined();
    const revisions = (await t.http().get(`/api/revisions?importId=${id}&_end=20`).expect(200)).body;
    expect(revisions.map((r: { action: string; resource: string }) => `${r.resource} ${r.action}`).sort()).toEqual(
      ['imports create', 'imports revert', 'statements create', 'statements delete', 'statements revert', 'statements update'].sort(),
    );
    await t.http().post(`/api/imports/${id}/undo`).expect(409);
  });

  it('refuses when a statement changed since, naming it, unless forced', async () => {
    const res = await upload(csv('key,date,speaker,headline', 'undo-edited,2019,Taro Kono,Imported'));
    const statement = await statementByKey('undo-edited');
    await t.http().patch(`/api/statements/${statement.id}`).send({ headline: 'Edited afterwards' }).expect(200);
    const refused = await t.http().post(`/api/imports/${res.body.id}/undo`).expect(409);
    expect(refused.body.message).toMatch(new RegExp(`^Statement ${statement.id} changed after import ${res.body.id}; nothing was undone`));
    expect(await statementByKey('undo-edited')).toMatchObject({ headline: 'Edited afterwards' });
    await t.http().post(`/api/imports/${res.body.id}/undo?force=true`).expect(201);
    expect(await statementByKey('undo-edited')).toBeUndefined();
  });
});

describe('access and listing', () => {
  it('viewers may read imports but not import or undo', async () => {
    await upload(csv('date,speaker,headline', '2019,Taro Kono,Viewer'), '', 'text/csv', 'viewer').expect(403);
    const list = await t.as('viewer').get('/api/imports').expect(200);
    expect(Number(list.headers['x-total-count'])).toBeGreaterThan(0);
    expect(list.body[0]).toMatchObject({ user: { name: expect.any(String) }, counts: expect.any(Object), fileName: expect.any(String) });
    await t.as('viewer').post(`/api/imports/${list.body[0].id}/undo`).expect(403);
    await t.as('anonymous').get('/api/imports').expect(401);
  });

  it('pages a report’s rows, failures first', async () => {
    const res = await upload(
      csv('key,date,speaker,headline', 'page-1,2019,Taro Kono,A', 'page-2,20199,Taro Kono,B', 'page-3,2019,Taro Kono,C'),
      'skipInvalid=true&fileName=paged.csv',
    );
    const rows = await t.http().get(`/api/imports/${res.body.id}/rows?_start=0&_end=2`).expect(200);
    expect(rows.headers['x-total-count']).toBe('3');
    expect(rows.body.map((r: { row: number; outcome: string }) => `${r.row} ${r.outcome}`)).toEqual(['3 failed', '2 created']);
    const failed = await t.http().get(`/api/imports/${res.body.id}/rows?outcome=failed`).expect(200);
    expect(failed.body).toHaveLength(1);
    await t.http().get(`/api/imports/${res.body.id}/rows?outcome=maybe`).expect(400);
    expect((await t.http().get(`/api/imports?_end=1`).expect(200)).body[0]).toMatchObject({ id: res.body.id, fileName: 'paged.csv' });
  });
});

describe('a long import', () => {
  let slow: TestApp;
  beforeAll(async () => {
    slow = await createTestApp({ imports: { waitMs: 0 } });
    await factories(slow).actor({ name: 'Sergey Lavrov' });
  });
  afterAll(() => slow.close());

  it('answers 202 at once, and reports its progress until it is done', async () => {
    // The test holds the imports' lock, so the import waits where its progress is visible.
    const holder = new Client({ connectionString: slow.databaseUrl });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(7346002)');
      const rows = Array.from({ length: 30 }, (_, i) => `long-${i},2019,Sergey Lavrov,Row ${i}`);
      const res = await slow
        .http()
        .post('/api/imports')
        .set('Content-Type', 'text/csv')
        .send(csv('key,date,speaker,headline', ...rows))
        .expect(202);
      expect(res.headers.location).toBe(`/api/imports/${res.body.id}`);
      let report = res.body;
      while (report.totalRows === null) report = (await slow.http().get(`/api/imports/${res.body.id}`).expect(200)).body;
      expect(report).toMatchObject({ status: 'running', processedRows: 0, totalRows: 30 });
      await holder.query('SELECT pg_advisory_unlock(7346002)');
      while (report.status === 'running') report = (await slow.http().get(`/api/imports/${res.body.id}`).expect(200)).body;
      expect(report).toMatchObject({ status: 'finished', processedRows: 30, counts: { created: 30 } });
    } finally {
      await holder.end();
    }
  });
});
