import { parse as parseCsv } from 'csv-parse/sync';
import { createTestApp, TestApp } from '../../support/test-app';
import { buildSmallWorld, SmallWorld } from './small-world';

/** The discourse networks of the small world (small-world.ts): every node, edge and weight, worked out by hand. */
let t: TestApp;
let w: SmallWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildSmallWorld(t);
});
afterAll(() => t.close());

interface Link {
  source: string;
  target: string;
  weight: number;
  withStance?: number;
  meanScore?: number | null;
  stanceCounts?: Record<string, number>;
}
const network = async (query: string) => (await t.http().get(`/api/analysis/network?${query}`).expect(200)).body;
const a = (id: number) => `a${id}`;
const tp = (id: number) => `t${id}`;
/** Links as `source target weight`, sorted, for comparing with a hand-made list. */
const triples = (links: Link[]) => links.map((l) => `${l.source} ${l.target} ${l.weight}`).sort();

describe('actor-topic', () => {
  it('links each speaker to each topic it spoke on, weighted by statements, with the stances', async () => {
    const { actors, topics, stance } = w;
    const body = await network('kind=actor-topic');
    expect(body).toMatchObject({ kind: 'actor-topic', directed: false, bipartite: true, weight: 'statements', tooLarge: false });
    expect(body.nodes).toEqual([
      {
        id: a(actors.lavrov),
        mode: 'actor',
        actorId: actors.lavrov,
        topicId: null,
        name: 'Sergey Lavrov',
        nativeName: 'Сергей Лавров',
        kind: 'person',
        country: 'RU',
        statements: 7,
      },
      {
        id: a(actors.kono),
        mode: 'actor',
        actorId: actors.kono,
        topicId: null,
        name: 'Taro Kono',
        nativeName: '河野太郎',
        kind: 'person',
        country: 'JP',
        statements: 4,
      },
      {
        id: a(actors.abe),
        mode: 'actor',
        actorId: actors.abe,
        topicId: null,
        name: 'Shinzo Abe',
        nativeName: '安倍晋三',
        kind: 'person',
        country: 'JP',
        statements: 4,
      },
      {
        id: tp(topics.sovereignty),
        mode: 'topic',
        actorId: null,
        topicId: topics.sovereignty,
        name: 'Sovereignty',
        nativeName: null,
        kind: 'topic',
        country: null,
        statements: 6,
      },
      {
        id: tp(topics.peace),
        mode: 'topic',
        actorId: null,
        topicId: topics.peace,
        name: 'Peace treaty',
        nativeName: null,
        kind: 'topic',
        country: null,
        statements: 11,
      },
    ]);
    const link = (actor: number, topic: number) => body.links.find((l: Link) => l.source === a(actor) && l.target === tp(topic));
    expect(body.links).toHaveLength(6);
    expect(body.linkCount).toBe(6);
    expect(body.nodeCount).toBe(5);
    // L2 −2, L3 −1, L4 −2, L5 −1.
    expect(link(actors.lavrov, topics.sovereignty)).toEqual({
      ...{ source: a(actors.lavrov), target: tp(topics.sovereignty), weight: 4, withStance: 4, meanScore: -1.5 },
      stanceCounts: { [stance[-2]]: 2, [stance[-1]]: 2 },
    });
    // L1 +1, L3 −1, L6 none, L7 −2.
    const lavrovPeace = link(actors.lavrov, topics.peace);
    expect(lavrovPeace).toMatchObject({ weight: 4, withStance: 3, stanceCounts: { [stance[1]]: 1, [stance[-1]]: 1, [stance[-2]]: 1 } });
    expect(lavrovPeace.meanScore).toBeCloseTo(-2 / 3, 12);
    expect(link(actors.kono, topics.sovereignty)).toMatchObject({ weight: 1, withStance: 1, meanScore: -1 });
    expect(link(actors.kono, topics.peace)).toMatchObject({ weight: 3, withStance: 3, meanScore: 1 });
    expect(link(actors.abe, topics.peace)).toMatchObject({ weight: 4, withStance: 4, meanScore: 1 });
    expect(link(actors.abe, topics.sovereignty)).toMatchObject({ weight: 1, withStance: 1, meanScore: 1 });
    expect(body.stances.map((s: { attribute: string }) => s.attribute)).toEqual([
      'stance_rejecting',
      'stance_critical',
      'stance_neutral',
      'stance_conciliatory',
      'stance_supportive',
    ]);
  });
});

describe('congruence and conflict', () => {
  // Sides per speaker and topic (neutral takes none): Lavrov sovereignty −, peace + and −;
  // Kono sovereignty −, peace +; Abe sovereignty +, peace +.
  it('links speakers who took a stance of the same sign on a topic, weighted by such topics', async () => {
    const { lavrov, kono, abe } = w.actors;
    const body = await network('kind=actor-congruence');
    expect(body).toMatchObject({ directed: false, bipartite: false, weight: 'topics' });
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual([a(lavrov), a(kono), a(abe)]);
    expect(triples(body.links)).toEqual([`${a(lavrov)} ${a(kono)} 2`, `${a(lavrov)} ${a(abe)} 1`, `${a(kono)} ${a(abe)} 1`].sort());
    // Projections carry only the weight.
    expect(Object.keys(body.links[0]).sort()).toEqual(['source', 'target', 'weight']);
  });

  it('links speakers who took stances of opposite signs on a topic', async () => {
    const { lavrov, kono, abe } = w.actors;
    const body = await network('kind=actor-conflict');
    expect(triples(body.links)).toEqual([`${a(lavrov)} ${a(kono)} 1`, `${a(lavrov)} ${a(abe)} 2`, `${a(kono)} ${a(abe)} 1`].sort());
  });

  it('answers "who takes opposite stances on sovereignty" with the topic filter', async () => {
    const { lavrov, kono, abe } = w.actors;
    const body = await network(`kind=actor-conflict&topicId=${w.topics.sovereignty}`);
    // Sovereignty: Lavrov −, Kono −, Abe +. A1 is on peace too, but a topic set's network holds those topics only.
    expect(triples(body.links)).toEqual([`${a(lavrov)} ${a(abe)} 1`, `${a(kono)} ${a(abe)} 1`].sort());
    const twoMode = await network(`kind=actor-topic&topicId=${w.topics.sovereignty}`);
    expect(twoMode.nodes.filter((n: { mode: string }) => n.mode === 'topic').map((n: { name: string }) => n.name)).toEqual(['Sovereignty']);
    expect(triples(twoMode.links)).toEqual(
      [
        `${a(lavrov)} ${tp(w.topics.sovereignty)} 4`,
        `${a(kono)} ${tp(w.topics.sovereignty)} 1`,
        `${a(abe)} ${tp(w.topics.sovereignty)} 1`,
      ].sort(),
    );
    const january = await network(`kind=actor-congruence&date_gte=2019-01-01&date_lte=2019-01-31&date_mode=within`);
    // January only: Lavrov L2 −, L3 −, L4 −, L7 − (peace); Kono K1 − sovereignty, K2 neutral; Abe A1 +, A2 +.
    expect(triples(january.links)).toEqual([`${a(lavrov)} ${a(kono)} 1`]);
    expect(january.nodes.map((n: { id: string }) => n.id)).toEqual([a(lavrov), a(kono), a(abe)]);
  });
});

describe('replies', () => {
  it('links the speaker of each reply to the speaker answered, weighted by replies, with their stances', async () => {
    const { actors, stance } = w;
    const body = await network('kind=replies');
    expect(body).toMatchObject({ directed: true, weight: 'replies' });
    // K1 → L2, A1 → L3, A4 → L7 (Abe to Lavrov twice), L7 → A2.
    expect(triples(body.links)).toEqual(
      [
        `${a(actors.kono)} ${a(actors.lavrov)} 1`,
        `${a(actors.abe)} ${a(actors.lavrov)} 2`,
        `${a(actors.lavrov)} ${a(actors.abe)} 1`,
      ].sort(),
    );
    const abeToLavrov = body.links.find((l: Link) => l.source === a(actors.abe));
    expect(abeToLavrov).toMatchObject({ withStance: 2, meanScore: 1, stanceCounts: { [stance[1]]: 2 } });
    const lavrovToAbe = body.links.find((l: Link) => l.source === a(actors.lavrov));
    expect(lavrovToAbe).toMatchObject({ withStance: 1, meanScore: -2, stanceCounts: { [stance[-2]]: 1 } });
  });

  it("keeps the speaker answered as a node when the filter leaves out that speaker's statements", async () => {
    const body = await network(`kind=replies&speakerId=${w.actors.kono}`);
    // Nodes come by actor id: Lavrov was created first.
    expect(body.nodes.map((n: { id: string; statements: number }) => [n.id, n.statements])).toEqual([
      [a(w.actors.lavrov), 0],
      [a(w.actors.kono), 4],
    ]);
    expect(triples(body.links)).toEqual([`${a(w.actors.kono)} ${a(w.actors.lavrov)} 1`]);
  });
});

describe('files', () => {
  it('writes GraphML with its keys, nodes and weighted edges', async () => {
    const res = await t.http().get('/api/analysis/network?kind=actor-conflict&format=graphml').expect(200);
    expect(res.headers['content-type']).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="network-actor-conflict-\d{4}-\d{2}-\d{2}\.graphml"$/);
    const xml = res.text;
    expect(xml).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="int"/>');
    expect(xml).toContain('<graph id="actor-conflict" edgedefault="undirected">');
    expect(xml).toContain(`<node id="a${w.actors.kono}"><data key="v_name">Taro Kono</data><data key="v_nativeName">河野太郎</data>`);
    expect(xml.match(/<edge /g)).toHaveLength(3);
    expect(xml).toContain(`<edge source="a${w.actors.lavrov}" target="a${w.actors.abe}"><data key="e_weight">2</data></edge>`);
  });

  it('writes GEXF 1.2 with labels, attributes and weights', async () => {
    const res = await t.http().get('/api/analysis/network?kind=replies&format=gexf').expect(200);
    expect(res.headers['content-type']).toBe('application/gexf+xml; charset=utf-8');
    expect(res.text).toContain('<graph mode="static" defaultedgetype="directed">');
    expect(res.text).toContain(`<node id="a${w.actors.abe}" label="Shinzo Abe">`);
    expect(res.text).toMatch(new RegExp(`<edge id="\\d+" source="a${w.actors.abe}" target="a${w.actors.lavrov}" weight="2">`));
  });

  it('writes the nodes and the edges as two CSV tables', async () => {
    const nodes = parseCsv((await t.http().get('/api/analysis/network?kind=actor-topic&format=csv&table=nodes').expect(200)).text, {
      columns: true,
    });
    expect(nodes).toHaveLength(5);
    expect(nodes[0]).toEqual({
      ...{ id: a(w.actors.lavrov), name: 'Sergey Lavrov', nativeName: 'Сергей Лавров', mode: 'actor', kind: 'person', country: 'RU' },
      ...{ statements: '7', actorId: String(w.actors.lavrov), topicId: '' },
    });
    const res = await t.http().get('/api/analysis/network?kind=actor-topic&format=csv&table=edges').expect(200);
    expect(res.headers['content-disposition']).toMatch(/filename="network-actor-topic-edges-\d{4}-\d{2}-\d{2}\.csv"/);
    const edges: Record<string, string>[] = parseCsv(res.text, { columns: true });
    expect(Object.keys(edges[0])).toEqual([
      ...['source', 'target', 'weight', 'withStance', 'meanScore'],
      ...['stance_rejecting', 'stance_critical', 'stance_neutral', 'stance_conciliatory', 'stance_supportive'],
    ]);
    const lavrovSovereignty = edges.find(
      (e: Record<string, string>) => e.source === a(w.actors.lavrov) && e.target === tp(w.topics.sovereignty),
    );
    expect(lavrovSovereignty).toMatchObject({
      weight: '4',
      withStance: '4',
      meanScore: '-1.5',
      stance_rejecting: '2',
      stance_critical: '2',
      stance_neutral: '0',
    });
  });

  it('says a network is too large instead of sending it, when asked to', async () => {
    const body = await network('kind=actor-topic&maxLinks=5');
    expect(body).toMatchObject({ tooLarge: true, nodeCount: 5, linkCount: 6, nodes: [], links: [] });
    expect((await network('kind=actor-topic&maxLinks=6')).links).toHaveLength(6);
  });

  it('answers an empty network when nothing matches', async () => {
    for (const kind of ['actor-topic', 'actor-congruence', 'actor-conflict', 'replies']) {
      expect(await network(`kind=${kind}&q=nothingmatchesthis`)).toMatchObject({ nodeCount: 0, linkCount: 0, nodes: [], links: [] });
    }
    const xml = (await t.http().get('/api/analysis/network?kind=replies&format=graphml&q=nothingmatchesthis').expect(200)).text;
    expect(xml).toMatch(/<graph id="replies" edgedefault="directed">\n {2}<\/graph>\n<\/graphml>\n$/);
  });
});

describe('bad input', () => {
  it.each([
    ['', 'kind', 'is required; one of: actor-topic, actor-congruence, actor-conflict, replies'],
    ['kind=people', 'kind', 'must be one of: actor-topic, actor-congruence, actor-conflict, replies'],
    ['kind=replies&format=pdf', 'format', 'must be one of: json, graphml, gexf, csv'],
    ['kind=replies&format=csv', 'table', 'is required; one of: nodes, edges'],
    ['kind=replies&table=nodes', 'table', 'applies to format=csv only'],
    ['kind=replies&format=gexf&maxLinks=3', 'maxLinks', 'applies to format=json only'],
    ['kind=replies&maxLinks=-1', 'maxLinks', 'must be an integer from 0 to 1000000'],
    ['kind=replies&interval=month', 'interval', 'is not a filter of statements'],
  ])('%s → 400 naming %s', async (query, field, reason) => {
    const res = await t.http().get(`/api/analysis/network?${query}`).expect(400);
    expect(res.body.errors[field]).toContain(reason);
  });
});
