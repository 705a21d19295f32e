import { createTestApp, TestApp } from '../support/test-app';

/**
 * The Markdown export of the seed (fixtures/japan-russia-2019.json) as a researcher pastes it
 * into a paper: each entry with its headline, date (as precise as its EDTF date), speaker with
 * the role at the time said once, stance, quote as its kind allows, summary, sources with their
 * locators, and "In reply to" linking to the entry it answers within the report — or naming it
 * when the report leaves it out, never a link that leads nowhere.
 *
 * Here the text is checked as written: the links against the anchors the report defines,
 * `[text](#statement-<id>)` and `<a id="statement-<id>"></a>` (CommonMark inline HTML). The
 * report as rendered by a CommonMark renderer and read in a browser is checked in
 * test/browser/markdown-report.e2e-spec.ts.
 */
let t: TestApp;
/** Seed statements' ids by their key. */
const id: Record<string, number> = {};

beforeAll(async () => {
  // PUBLIC_READ=verified: an anonymous reader gets a report of verified statements only.
  t = await createTestApp({ seed: true, auth: { publicRead: 'verified' } });
  const statements = (await t.http().get('/api/statements?_end=100').expect(200)).body as { id: number; key: string }[];
  for (const statement of statements) id[statement.key] = statement.id;
});
afterAll(() => t.close());

const markdown = async (query = '', as: 'admin' | 'anonymous' = 'admin') =>
  (await t.as(as).get(`/api/statements.md${query}`).expect(200)).text;

/** The in-document links (`](#target)`), and the anchors (`<a id="…"></a>`), in order. */
const links = (md: string) => [...md.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => match[1]);
const anchors = (md: string) => [...md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);

/** The entry of a statement: from its heading to the next heading or rule. */
function entry(md: string, statementId: number): string {
  const start = md.indexOf(`### <a id="statement-${statementId}"></a>`);
  expect(start).toBeGreaterThan(-1);
  const end = md.slice(start + 1).search(/\n(#{2,3} |---\n)/);
  return md.slice(start, start + 1 + end);
}

describe('the Markdown report of the seed', () => {
  it('gives the deputy minister’s warning its headline, date, speaker once, stance, summary, source locator and a link to what it answers', async () => {
    const md = await markdown();
    expect(entry(md, id['ru-warning-2019-01-09'])).toBe(
      `### <a id="statement-${id['ru-warning-2019-01-09']}"></a>Russia's deputy foreign minister lodges a strong warning with the Japanese ambassador\n\n` +
        // The speaker is recorded under his office (the article does not name him): said once, not "office, office".
        '**Jan. 9, 2019** · **Deputy Foreign Minister of Russia** · Stance: Rejecting · [1, para. 6]\n\n' +
        `*In reply to* [Abe: a compromise must be acceptable to Russians about the "change of attribution" (Jan. 1, 2019)](#statement-${id['abe-tv-asahi-2019-01-01']})\n\n` +
        "In a harsh rebuke of Abe's remark, Russia's deputy foreign minister lodged a strong warning with the Japanese ambassador to Russia.\n\n" +
        '*According to The Mainichi:* Russia apparently is considering the option of only offering administrative right -- not sovereignty -- over the two islands and thus didn\'t like Abe\'s expression of "change of attribution."\n',
    );
    expect(md).not.toContain('Deputy Foreign Minister of Russia, Deputy Foreign Minister of Russia');
    expect(md).toMatch(
      /\n## Sources\n\n1\. Muneyoshi Mitsuda and Hitoshi Omae, “Deep gap emerges between Japan, Russia over territorial dispute”, \*The Mainichi\* \(translated from ja\)\.\n$/,
    );
  });

  it('dates an entry no more precisely than its EDTF date, and quotes a translation in quotation marks, a paraphrase without', async () => {
    const md = await markdown();
    const lavrov = entry(md, id['lavrov-unacceptable']);
    expect(lavrov).toContain(
      '\n**January 2019** · **Sergey Lavrov**, Foreign Minister of Russia (remarks to reporters) · Stance: Rejecting · [1, para. 6]\n',
    );
    expect(lavrov).toContain('\n> “unacceptable” *(translation)*\n');
    expect(entry(md, id['japan-sees-two-islands'])).toContain('\n**by January 2019** · **Japan** · [1, para. 4]\n');
    expect(entry(md, id['lavrov-wwii-legacy'])).toContain('\n**Jan. 14, 2019** (date inferred) · **Sergey Lavrov**');
    const paraphrase = entry(md, id['lavrov-japan-independence']);
    expect(paraphrase).toContain('\n*Paraphrase:* Russia is confident that Japan');
    expect(paraphrase).not.toContain('“');
  });

  it('links every reply to an entry of the report: each link finds exactly one anchor', async () => {
    const md = await markdown();
    const targets = links(md);
    expect(targets).toEqual([
      `statement-${id['tokyo-compensation-right']}`,
      `statement-${id['abe-tv-asahi-2019-01-01']}`,
      `statement-${id['abe-tv-asahi-2019-01-01']}`,
    ]);
    const defined = anchors(md);
    expect(defined).toHaveLength(22);
    expect(new Set(defined).size).toBe(22);
    for (const target of targets) expect(defined.filter((anchor) => anchor === target)).toHaveLength(1);
  });

  it('names a statement replied to that the filter leaves out, with its headline and date, and links nowhere', async () => {
    const lavrovId = (await t.http().get('/api/actors?q=Lavrov').expect(200)).body[0].id;
    const md = await markdown(`?speakerId=${lavrovId}`);
    expect(entry(md, id['lavrov-unacceptable'])).toContain(
      '\n*In reply to* Abe: a compromise must be acceptable to Russians about the "change of attribution" (Jan. 1, 2019), not in this report.\n',
    );
    expect(links(md)).toEqual([]);
  });

  it('names no draft to an anonymous reader of verified statements only, though a verified entry replies to it', async () => {
    const [speaker] = (await t.http().get('/api/actors?q=Sergey Lavrov').expect(200)).body;
    const reply = (
      await t
        .http()
        .post('/api/statements')
        .send({
          date: '2019-02',
          speakerId: speaker.id,
          headline: 'A verified reply to a draft',
          respondsToId: id['tokyo-compensation-right'],
          reviewStatus: 'verified',
        })
        .expect(201)
    ).body;
    const draftHeadline = "Tokyo maintains that the former Japanese residents' right to seek redress still stands";
    const anonymous = await markdown('', 'anonymous');
    expect(entry(anonymous, reply.id)).toContain('\n*In reply to a statement not in this report.*\n');
    expect(anonymous).not.toContain(draftHeadline);
    const team = await markdown('?reviewStatus=verified');
    expect(entry(team, reply.id)).toContain(`\n*In reply to* ${draftHeadline} (by January 2019), not in this report.\n`);
    await t.http().delete(`/api/statements/${reply.id}`).expect(200);
  });
});
