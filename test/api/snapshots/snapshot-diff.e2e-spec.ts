import { factories } from '../../support/factories';
import { createTestApp, TestApp } from '../../support/test-app';

/**
 * What moved since a snapshot, on a hand-made world: six statements of one speaker, then one
 * corrected, one trashed, one purged, one given to another speaker, one left alone, one given
 * a topic, and a new one recorded.
 */
const PUBLIC_URL = 'https://chronicle.example.org';
let t: TestApp;
let S: number[];
let first: number;
let kono: number;
let other: number;

const url = (id: number) => `${PUBLIC_URL}/api/statements/${id}`;

beforeAll(async () => {
  t = await createTestApp({ snapshots: { publicUrl: PUBLIC_URL } });
  const make = factories(t);
  kono = (await make.actor({ name: 'Taro Kono' })).id;
  other = (await make.actor({ name: 'Sergey Lavrov' })).id;
  const critical = (await make.stance({ name: 'Critical', score: -1 })).id;
  const sovereignty = (await make.topic({ name: 'Sovereignty' })).id;
  S = [];
  for (let i = 1; i <= 6; i++) {
    S.push((await make.statement({ speakerId: kono, date: `2019-01-${String(10 + i)}`, headline: `Kono ${i}`, stanceId: critical })).id);
  }
  first = (
    await t
      .http()
      .post('/api/snapshots')
      .send({ title: 'Kono', query: `speakerId=${kono}&_sort=id` })
      .expect(201)
  ).body.id;

  const rejecting = (await make.stance({ name: 'Rejecting', score: -2 })).id;
  await t.http().patch(`/api/statements/${S[0]}`).send({ headline: 'Kono 1, corrected', stanceId: rejecting }).expect(200);
  await t.http().delete(`/api/statements/${S[1]}`).expect(200);
  await t.http().delete(`/api/statements/${S[2]}`).expect(200);
  await t.http().delete(`/api/trash/statements/${S[2]}`).expect(200);
  await t.http().patch(`/api/statements/${S[3]}`).send({ speakerId: other }).expect(200);
  await t
    .http()
    .patch(`/api/statements/${S[5]}`)
    .send({ topicIds: [sovereignty] })
    .expect(200);
  S.push((await make.statement({ speakerId: kono, date: '2019-01-20', headline: 'Kono 7' })).id);
  await make.statement({ speakerId: other, date: '2019-01-20', headline: 'Lavrov, not Kono' });
});
afterAll(() => t.close());

describe('diff against now', () => {
  it('lists what was added, removed (and why) and changed, field by field, with links to the current records', async () => {
    const diff = (await t.as('viewer').get(`/api/snapshots/${first}/diff`).expect(200)).body;
    expect(diff.to).toMatchObject({ id: null, sha256: null });
    expect(diff.counts).toEqual({ added: 1, removed: 3, changed: 2, unchanged: 1 });
    expect(diff.added).toEqual([{ id: S[6], headline: 'Kono 7', date: '2019-01-20', url: url(S[6]) }]);
    expect(diff.removed).toEqual([
      { id: S[1], headline: 'Kono 2', date: '2019-01-12', url: url(S[1]), reason: 'trashed' },
      // Purged: nothing to link to.
      { id: S[2], headline: 'Kono 3', date: '2019-01-13', reason: 'purged' },
      { id: S[3], headline: 'Kono 4', date: '2019-01-14', url: url(S[3]), reason: 'no longer matching' },
    ]);
    expect(diff.changed).toEqual([
      {
        id: S[0],
        headline: 'Kono 1',
        date: '2019-01-11',
        url: url(S[0]),
        fields: [
          { field: 'stance', before: 'Critical', after: 'Rejecting' },
          { field: 'stance_score', before: -1, after: -2 },
          { field: 'headline', before: 'Kono 1', after: 'Kono 1, corrected' },
        ],
      },
      {
        id: S[5],
        headline: 'Kono 6',
        date: '2019-01-16',
        url: url(S[5]),
        fields: [{ field: 'topics', before: null, after: 'Sovereignty' }],
      },
    ]);
  });
});

describe('diff against another snapshot', () => {
  it('compares the two frozen versions, whatever happened since', async () => {
    const second = (
      await t
        .http()
        .post('/api/snapshots')
        .send({ title: 'Kono, later', query: `speakerId=${kono}&_sort=id` })
        .expect(201)
    ).body;
    await t.http().patch(`/api/statements/${S[4]}`).send({ headline: 'Kono 5, changed after both' }).expect(200);
    const diff = (await t.http().get(`/api/snapshots/${first}/diff?to=${second.id}`).expect(200)).body;
    expect(diff.to).toEqual({ id: second.id, sha256: second.sha256, at: second.createdAt });
    expect(diff.counts).toEqual({ added: 1, removed: 3, changed: 2, unchanged: 1 });
    expect(diff.removed.map((r: { id: number; reason: string }) => [r.id, r.reason])).toEqual([
      [S[1], 'not in the other snapshot'],
      [S[2], 'not in the other snapshot'],
      [S[3], 'not in the other snapshot'],
    ]);
    expect(diff.changed.map((c: { id: number; fields: { field: string }[] }) => [c.id, c.fields.map((f) => f.field)])).toEqual([
      [S[0], ['stance', 'stance_score', 'headline']],
      [S[5], ['topics']],
    ]);
    const same = (await t.http().get(`/api/snapshots/${second.id}/diff?to=${second.id}`).expect(200)).body;
    expect(same.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 4 });
    expect((await t.http().get(`/api/snapshots/${first}/diff?to=999999`).expect(400)).body.errors).toEqual({
      to: 'snapshot 999999 does not exist',
    });
  });
});
