import { QueryRunner } from 'typeorm';
import { StoreSnapshotNetworkFiles1796700000002 } from '../../../migrations/1796700000002-StoreSnapshotNetworkFiles';
import { factories } from '../../support/factories';
import { createTestApp, TestApp } from '../../support/test-app';
import { buildSmallWorld, SmallWorld } from '../analysis/small-world';
import { download, downloadNetwork, fetchFile, inTurn, NETWORK_FILES, SNAPSHOT_FORMATS } from './snapshot-files';

/**
 * A snapshot freezes the discourse networks of its statements with them: each kind in every
 * format, the same bytes as the live network route wrote at that instant (but for the
 * description, which names the snapshot), and the same bytes ever after, whatever happens to
 * the statements, actors and topics it was made of.
 */
let t: TestApp;
let w: SmallWorld;
let snapshot: { id: number; sha256: string; files: { format: string; sha256: string }[] };
/** The live network files of the snapshot's query, downloaded right after it was made. */
const liveAtCreation = new Map<string, string>();
/** Lavrov, Kono and Abe on sovereignty: a topic filter gives the network of that topic only. */
let query: string;

/** The description and date lines differ by design (the snapshot's names it); everything else must not. */
const withoutDescription = (text: string) =>
  text
    .replace(/<desc>.*<\/desc>/, '<desc/>')
    .replace(/<meta lastmodifieddate="[^"]*">.*<\/meta>/, '<meta/>')
    .replace(/<description>.*<\/description>/, '');

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSmallWorld(t);
  query = `date_gte=2018-11-01&date_lte=2019-03-31&_sort=date`;
  snapshot = (await t.http().post('/api/snapshots').send({ title: 'Small world, winter', query }).expect(201)).body;
  for (const file of NETWORK_FILES) {
    liveAtCreation.set(file.name, (await fetchFile(t, `/api/analysis/network?${file.query}&${query.replace('&_sort=date', '')}`)).text);
  }
});
afterAll(() => t.close());

describe('frozen networks', () => {
  it('are every kind in every format, each with its hash', () => {
    const names = snapshot.files.map((file) => file.format);
    for (const file of NETWORK_FILES) expect(names).toContain(file.name);
    expect(names).toHaveLength(SNAPSHOT_FORMATS.length + NETWORK_FILES.length);
  });

  it('hold what the live network route gives for the same query at that instant', async () => {
    for (const file of NETWORK_FILES) {
      const frozen = await downloadNetwork(t, snapshot.id, file.query);
      expect(frozen.sha256).toBe(snapshot.files.find((f) => f.format === file.name)!.sha256);
      const live = liveAtCreation.get(file.name)!;
      if (file.name.endsWith('.json') || file.name.endsWith('.csv')) expect(frozen.text).toBe(live);
      else expect(withoutDescription(frozen.text)).toBe(withoutDescription(live));
    }
    // Not empty: the winter's reply network has Kono answering Lavrov and Abe answering Lavrov.
    const replies = JSON.parse((await downloadNetwork(t, snapshot.id, 'kind=replies')).text);
    expect(replies.links.map((l: { source: string; target: string }) => `${l.source}>${l.target}`).sort()).toEqual(
      [`a${w.actors.abe}>a${w.actors.lavrov}`, `a${w.actors.kono}>a${w.actors.lavrov}`, `a${w.actors.lavrov}>a${w.actors.abe}`].sort(),
    );
  });

  it('name the snapshot and its hash in their description', async () => {
    const graphml = (await downloadNetwork(t, snapshot.id, 'kind=actor-topic&format=graphml')).text;
    expect(graphml).toContain(`snapshot ${snapshot.id} of Chronicle, “Small world, winter” (SHA-256 of its NDJSON ${snapshot.sha256})`);
    const gexf = (await downloadNetwork(t, snapshot.id, 'kind=actor-topic&format=gexf')).text;
    expect(gexf).toContain(`SHA-256 of its NDJSON ${snapshot.sha256}`);
  });

  it('stay the same bytes after the statements, speakers and topics change and are trashed', async () => {
    const before = await inTurn(NETWORK_FILES, async (file) => (await downloadNetwork(t, snapshot.id, file.query)).sha256);
    await t.http().patch(`/api/actors/${w.actors.kono}`).send({ name: 'Kono Taro' }).expect(200);
    await t.http().patch(`/api/topics/${w.topics.peace}`).send({ name: 'Peace' }).expect(200);
    await factories(t).statement({
      speakerId: w.actors.abe,
      date: '2019-02-01',
      headline: 'Abe, later',
      stanceId: w.stance[2],
      topicIds: [w.topics.sovereignty],
    });
    await t.http().delete(`/api/statements/${w.ids.L2}`).expect(200);
    const live = (await fetchFile(t, `/api/analysis/network?kind=replies&${query.replace('&_sort=date', '')}`)).text;
    expect(live).not.toBe(liveAtCreation.get('network-replies.json'));
    const after = await inTurn(NETWORK_FILES, async (file) => (await downloadNetwork(t, snapshot.id, file.query)).sha256);
    expect(after).toEqual(before);
  });

  it('answer 304 to a client that has the file', async () => {
    const file = snapshot.files.find((f) => f.format === 'network-actor-conflict.gexf')!;
    await t
      .http()
      .get(`/api/snapshots/${snapshot.id}/network?kind=actor-conflict&format=gexf`)
      .set('If-None-Match', `"${file.sha256}"`)
      .expect(304);
  });
});

describe('bad requests', () => {
  it.each([
    ['', 'kind', 'must be one of: actor-topic, actor-congruence, actor-conflict, replies'],
    ['kind=friends', 'kind', 'must be one of: actor-topic, actor-congruence, actor-conflict, replies'],
    ['kind=replies&format=pajek', 'format', 'must be one of: json, graphml, gexf, csv'],
    ['kind=replies&format=csv', 'table', 'must be one of: nodes, edges'],
    ['kind=replies&table=nodes', 'table', 'applies to format=csv only (a CSV file holds either the nodes or the edges)'],
    ['kind=replies&speakerId=1', 'speakerId', 'is not a parameter here; allowed: kind, format, table, ticket'],
  ])('?%s → 400 naming %s', async (params, field, reason) => {
    const res = await t.http().get(`/api/snapshots/${snapshot.id}/network?${params}`).expect(400);
    expect(res.body.errors[field]).toBe(reason);
  });

  it('a snapshot that never existed → 404', async () => {
    await t.http().get('/api/snapshots/999999/network?kind=replies').expect(404);
  });
});

describe('snapshots made before networks were frozen', () => {
  it('keep their statement files byte for byte through the migration, and say they have no networks', async () => {
    const made = (
      await t
        .http()
        .post('/api/snapshots')
        .send({ title: 'Before', query: 'speakerId=' + w.actors.lavrov })
        .expect(201)
    ).body;
    const before = await inTurn(SNAPSHOT_FORMATS, async (format) => (await download(t, made.id, format)).sha256);
    // Back to the schema before network files (its down drops them), then forward again: as a
    // snapshot made before the migration finds itself after it.
    const migration = new StoreSnapshotNetworkFiles1796700000002();
    const runner: QueryRunner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await inTurn(SNAPSHOT_FORMATS, async (format) => (await download(t, made.id, format)).sha256);
    expect(after).toEqual(before);
    const record = (await t.http().get(`/api/snapshots/${made.id}`).expect(200)).body;
    expect(record.files.map((f: { format: string }) => f.format).sort()).toEqual([...SNAPSHOT_FORMATS].sort());
    const missing = await t.http().get(`/api/snapshots/${made.id}/network?kind=replies`).expect(404);
    expect(missing.body.message).toBe(`Snapshot ${made.id} has no network files: it was made before snapshots froze networks`);
  });
});
