import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES_DIR } from '../../server/src/config/paths';
import { FixtureLoader } from '../../server/src/fixtures/fixture-loader';
import { createTestApp, TestApp } from '../support/test-app';

/** The seed case (fixtures/japan-russia-2019.json) as the API serves it. */
let t: TestApp;
const actorId: Record<string, number> = {};
const counts = async () =>
  (
    await t.dataSource.query(`SELECT (SELECT count(*) FROM actors)::int AS actors, (SELECT count(*) FROM sources)::int AS sources,
     (SELECT count(*) FROM topics)::int AS topics, (SELECT count(*) FROM stances)::int AS stances,
     (SELECT count(*) FROM statements)::int AS statements, (SELECT count(*) FROM statement_topics)::int AS links`)
  )[0];

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  for (const actor of (await t.http().get('/api/actors?_end=1000').expect(200)).body) actorId[actor.name] = actor.id;
});
afterAll(() => t.close());

const statements = async (query: string) => (await t.http().get(`/api/statements?${query}`).expect(200)).body;

describe('seed fixtures', () => {
  it('holds the actors with their native-script names', async () => {
    const res = await t
      .http()
      .get(`/api/actors?id=${actorId['Sergey Lavrov']}&id=${actorId['Taro Kono']}&id=${actorId['Shinzo Abe']}`)
      .expect(200);
    const native = Object.fromEntries(res.body.map((a: { name: string; nativeName: string }) => [a.name, a.nativeName]));
    expect(native).toEqual({ 'Sergey Lavrov': 'Сергей Лавров', 'Taro Kono': '河野太郎', 'Shinzo Abe': '安倍晋三' });
  });

  it('serves Lavrov’s statements in date order (the README’s first example)', async () => {
    const rows = await statements(`speakerId=${actorId['Sergey Lavrov']}&_sort=date&_order=ASC`);
    expect(rows.map((s: { headline: string }) => s.headline)).toEqual([
      'Lavrov calls Abe\'s comments "unacceptable" and says he severely warned Tokyo',
      'Lavrov: the islands were obtained as a legacy of World War II, approved by the United Nations',
      'Lavrov: "These are Russian territories"; he will not discuss sovereignty',
      'Lavrov: the level of independence of Japan, which is dependent on the U.S., is questioned',
    ]);
    expect(rows.find((s: { quote: string }) => s.quote === 'These are Russian territories')).toMatchObject({
      date: '2019-01-14',
      displayDate: 'Jan. 14, 2019',
    });
  });

  it('dates entries as the article dates them', async () => {
    const byHeadline = Object.fromEntries((await statements('_end=100')).map((s: { headline: string }) => [s.headline, s]));
    expect(byHeadline['Abe: a compromise must be acceptable to Russians about the "change of attribution"']).toMatchObject({
      date: '2019-01-01',
      venue: 'TV Asahi program',
      displayDate: 'Jan. 1, 2019',
    });
    expect(byHeadline['Abe–Putin summit planned in Japan']).toMatchObject({
      type: 'meeting',
      status: 'planned',
      date: '2019-06',
      displayDate: 'June 2019',
    });
    expect(byHeadline['Japan–Soviet Joint Declaration stipulates the transfer of Habomai and Shikotan']).toMatchObject({
      type: 'document',
      date: '1956',
    });
    expect(byHeadline['Putin agrees with Abe to base future negotiations on the 1956 declaration']).toMatchObject({
      date: '2018-11',
      displayDate: 'November 2018',
    });
    expect(byHeadline['Kono wants to make 2019 "a fruitful and historic one"']).toMatchObject({
      date: '2019-01-14',
      quote: 'a fruitful and historic one',
    });
  });

  it('chains the replies the article shows: the Jan. 9 warning and "unacceptable" answer Abe’s Jan. 1 remark', async () => {
    const [remark] = await statements(`speakerId=${actorId['Shinzo Abe']}&date_gte=2019-01-01&date_lte=2019-01-01`);
    const replies = await statements(`respondsToId=${remark.id}&_sort=date`);
    expect(replies.map((s: { speakerId: number; date: string }) => [s.speakerId, s.date])).toEqual([
      [actorId['Sergey Lavrov'], '2019-01'],
      [actorId['Deputy Foreign Minister of Russia'], '2019-01-09'],
    ]);
  });

  it('records the no-joint-press-conference exchange from both sides', async () => {
    const rows = await statements('q=joint%20press&_sort=id');
    expect(rows.map((s: { speakerId: number }) => s.speakerId)).toEqual(
      expect.arrayContaining([actorId['Japanese side'], actorId['Russian Foreign Ministry']]),
    );
  });

  it('cites the Mainichi article, and invents no URL or date for it', async () => {
    const [source] = (await t.http().get('/api/sources?q=Deep%20gap').expect(200)).body;
    expect(source).toMatchObject({
      publisher: 'The Mainichi',
      url: null,
      publishedOn: null,
      authors: ['Muneyoshi Mitsuda', 'Hitoshi Omae'],
    });
    const cited = await statements(`sourceId=${source.id}&_end=1000`);
    expect(cited.length).toBe((await statements('_end=1000')).length);
  });

  it('holds the topics the article discusses', async () => {
    const names = (await t.http().get('/api/topics?_end=100').expect(200)).body.map((x: { name: string }) => x.name);
    expect(names).toEqual(
      expect.arrayContaining(['Sovereignty', 'Residents', 'Compensation', 'US forces', '1956 Joint Declaration', 'Peace treaty']),
    );
  });

  it('loading again adds nothing and keeps curators’ edits', async () => {
    const before = await counts();
    const [kono] = await statements(`q=fruitful`);
    await t.http().patch(`/api/statements/${kono.id}`).send({ summary: 'Edited by a curator', version: 1 }).expect(200);
    const report = await t.app.get(FixtureLoader).loadAll({ id: t.users.admin.id });
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    expect(await counts()).toEqual(before);
    expect((await t.http().get(`/api/statements/${kono.id}`)).body.summary).toBe('Edited by a curator');
  });

  it('a corrected fixture updates its statement instead of adding a second one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-fixtures-'));
    try {
      const set = JSON.parse(await readFile(path.join(FIXTURES_DIR, 'japan-russia-2019.json'), 'utf8'));
      const fixture = set.statements.find((s: { key: string }) => s.key === 'lavrov-wwii-legacy');
      fixture.headline = `${fixture.headline} (corrected)`;
      await writeFile(path.join(dir, 'japan-russia-2019.json'), JSON.stringify(set));
      const before = await counts();
      const report = await t.app.get(FixtureLoader).loadAll({ id: t.users.admin.id }, dir);
      expect(report.updated.statements).toBe(1);
      expect(report.created.statements).toBe(0);
      expect(await counts()).toEqual(before);
      const [statement] = await t.dataSource.query("SELECT headline FROM statements WHERE key = 'lavrov-wwii-legacy'");
      expect(statement.headline).toMatch(/\(corrected\)$/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a statement loaded before statements had keys takes its key rather than being loaded twice', async () => {
    const [keyed] = await t.dataSource.query("SELECT id FROM statements WHERE key = 'panov-draft-treaty'");
    await t.dataSource.query('UPDATE statements SET key = NULL WHERE id = $1', [keyed.id]);
    const before = await counts();
    const report = await t.app.get(FixtureLoader).loadAll({ id: t.users.admin.id });
    expect(report.created.statements).toBe(0);
    expect(await counts()).toEqual(before);
    const [after] = await t.dataSource.query('SELECT key FROM statements WHERE id = $1', [keyed.id]);
    expect(after.key).toBe('panov-draft-treaty');
  });

  it('a broken fixture file loads nothing at all (one transaction)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-fixtures-'));
    try {
      const good = JSON.parse(await readFile(path.join(FIXTURES_DIR, 'japan-russia-2019.json'), 'utf8'));
      const broken = {
        actors: [{ key: 'new', name: 'A brand-new actor' }],
        sources: [],
        topics: [],
        stances: [],
        statements: [
          { key: 'ok', date: '2020', headline: 'Valid new entry', speaker: 'new' },
          { key: 'bad', date: '2020-13', headline: 'Invalid date', speaker: 'new' },
        ],
      };
      await writeFile(path.join(dir, 'a.json'), JSON.stringify(good));
      await writeFile(path.join(dir, 'b.json'), JSON.stringify(broken));
      const before = await counts();
      await expect(t.app.get(FixtureLoader).loadAll({ id: t.users.admin.id }, dir)).rejects.toThrow(
        /b.json statement bad: date is not a valid EDTF date/,
      );
      expect(await counts()).toEqual(before);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
