import jsonServerProvider from 'ra-data-json-server';
import { fetchUtils } from 'ra-core';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The admin's stock data provider (ra-data-json-server), not a copy of its protocol, against
 * the real server: what react-admin's list, getMany, update, updateMany and deleteMany send.
 */
let t: TestApp;
let provider: ReturnType<typeof jsonServerProvider>;
let lavrov: number;
let topics: number[];

beforeAll(async () => {
  t = await createTestApp();
  const base = await t.listen();
  const httpClient = (url: string, options: fetchUtils.Options = {}) =>
    fetchUtils.fetchJson(url, { ...options, user: { authenticated: true, token: `Bearer ${t.users.editor.token}` } });
  provider = jsonServerProvider(`${base}/api`, httpClient);
  lavrov = (await t.http().post('/api/actors').send({ name: 'Sergey Lavrov' }).expect(201)).body.id;
  topics = [];
  for (const name of ['Sovereignty', 'Peace treaty', 'Sanctions'])
    topics.push((await t.http().post('/api/topics').send({ name }).expect(201)).body.id);
});
afterAll(() => t.close());

const statement = async (headline: string, topicIds: number[]) =>
  (await t.http().post('/api/statements').send({ date: '2019-01-14', headline, speakerId: lavrov, topicIds }).expect(201)).body;

describe('ra-data-json-server against the server', () => {
  it('updateMany sets one field on every record: one PUT each, no version, the other fields kept', async () => {
    const a = await statement('First', [topics[0]]);
    const b = await statement('Second', []);
    const { data } = await provider.updateMany('statements', { ids: [a.id, b.id], data: { reviewStatus: 'verified' } });
    expect(data).toEqual([a.id, b.id]);
    const { data: after } = await provider.getMany('statements', { ids: [b.id, a.id] });
    // getMany answers in the order asked.
    expect(after.map((s) => [s.id, s.reviewStatus, s.headline, s.version])).toEqual([
      [b.id, 'verified', 'Second', 2],
      [a.id, 'verified', 'First', 2],
    ]);
    // Recorded as a change by the editor, like any other.
    const revisions = (await t.http().get(`/api/statements/${a.id}/revisions`).expect(200)).body;
    expect(revisions[0]).toMatchObject({ action: 'update', changedFields: ['reviewStatus'], user: { id: t.users.editor.id } });
  });

  it('updateMany adds a topic to each record’s own topics', async () => {
    const a = await statement('Has two', [topics[0], topics[1]]);
    const b = await statement('Has none', []);
    await provider.updateMany('statements', { ids: [a.id, b.id], data: { topicIds: { add: [topics[2]] } } });
    const { data } = await provider.getMany('statements', { ids: [a.id, b.id] });
    expect(data.map((s) => s.topicIds)).toEqual([[topics[0], topics[1], topics[2]], [topics[2]]]);
  });

  it('update sends the whole record with its version: a stale one is refused (409)', async () => {
    const a = await statement('Edited twice', []);
    const { data } = await provider.update('statements', { id: a.id, data: { ...a, headline: 'Edited once' }, previousData: a });
    expect(data).toMatchObject({ headline: 'Edited once', version: 2 });
    await expect(
      provider.update('statements', { id: a.id, data: { ...a, headline: 'From the stale form' }, previousData: a }),
    ).rejects.toMatchObject({
      status: 409,
    });
  });

  it('getList pages with X-Total-Count, and deleteMany moves records to the trash', async () => {
    const a = await statement('Trash me', []);
    const list = await provider.getList('statements', {
      pagination: { page: 1, perPage: 2 },
      sort: { field: 'id', order: 'DESC' },
      filter: {},
    });
    expect(list.data).toHaveLength(2);
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect((await provider.deleteMany('statements', { ids: [a.id] })).data).toEqual([a.id]);
    await t.http().get(`/api/statements/${a.id}`).expect(404);
  });
});
