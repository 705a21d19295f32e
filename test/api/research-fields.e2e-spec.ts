import { parse as parseCsv } from 'csv-parse/sync';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * What a statement's source says, precisely: the quote's kind, the original wording, whom the
 * source credits, the source's own reading, and each source's role, locator and excerpt —
 * through the API, the rules across fields, full text, every export and an import round trip.
 */
let t: TestApp;
let lavrov: number;
let mainichi: number;
let tass: number;
let translated: number;
let paraphrased: number;

const ORIGINAL = 'Это российские территории';
const EXCERPT = '"These are Russian territories," said the top Russian diplomat.';

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров' })).id;
  mainichi = (await make.source({ title: 'Deep gap emerges', publisher: 'The Mainichi' })).id;
  tass = (await make.source({ title: 'Lavrov press conference transcript', publisher: 'TASS' })).id;
  translated = (
    await t
      .http()
      .post('/api/statements')
      .send({
        speakerId: lavrov,
        date: '2019-01-14',
        headline: 'Lavrov: "These are Russian territories"',
        quote: 'These are Russian territories',
        quoteKind: 'translation',
        quoteLanguage: 'en',
        quoteOriginal: ORIGINAL,
        quoteOriginalLanguage: 'ru',
        sources: [
          { sourceId: mainichi, role: 'reporting', locator: 'para. 9', excerpt: EXCERPT },
          { sourceId: tass, role: 'primary', locator: '12:40' },
        ],
      })
      .expect(201)
  ).body.id;
  paraphrased = (
    await t
      .http()
      .post('/api/statements')
      .send({
        speakerId: lavrov,
        date: '2019-01',
        headline: 'Lavrov questions the independence of Japan',
        quote: 'the level of independence of Japan, which is dependent on the U.S., is questioned',
        quoteKind: 'paraphrase',
        attribution: 'according to people familiar with Russian thinking',
        interpretation: 'This remark seems to suggest his intention of requiring Japan to directly engage with Russia.',
        sourceIds: [mainichi],
      })
      .expect(201)
  ).body.id;
});
afterAll(() => t.close());

const text = async (query: string) =>
  (
    await t
      .http()
      .get(`/api/statements/export?${query}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
      })
      .expect(200)
  ).body as string;

describe('the record', () => {
  it('keeps the quote kind, the original wording and each source with its role, locator and excerpt', async () => {
    const record = (await t.http().get(`/api/statements/${translated}`).expect(200)).body;
    expect(record).toMatchObject({
      quoteKind: 'translation',
      quoteOriginal: ORIGINAL,
      quoteOriginalLanguage: 'ru',
      sourceIds: [mainichi, tass],
    });
    expect(record.sources).toEqual([
      { sourceId: mainichi, role: 'reporting', locator: 'para. 9', excerpt: EXCERPT },
      { sourceId: tass, role: 'primary', locator: '12:40', excerpt: null },
    ]);
  });

  it('takes the interpretation as the one cited source’s reading', async () => {
    const record = (await t.http().get(`/api/statements/${paraphrased}`).expect(200)).body;
    expect(record).toMatchObject({
      interpretationSourceId: mainichi,
      sources: [{ sourceId: mainichi, role: null, locator: null, excerpt: null }],
    });
  });

  it('keeps the details of the sources kept when only sourceIds changes (react-admin), and drops the removed one', async () => {
    const id = (
      await t
        .http()
        .post('/api/statements')
        .send({
          speakerId: lavrov,
          date: '2019',
          headline: 'Details kept',
          sources: [{ sourceId: mainichi, role: 'reporting', locator: 'p. 2' }],
        })
        .expect(201)
    ).body.id;
    const changed = (
      await t
        .http()
        .patch(`/api/statements/${id}`)
        .send({ sourceIds: [tass, mainichi] })
        .expect(200)
    ).body;
    expect(changed.sources).toEqual([
      { sourceId: tass, role: null, locator: null, excerpt: null },
      { sourceId: mainichi, role: 'reporting', locator: 'p. 2', excerpt: null },
    ]);
    const bulk = (
      await t
        .http()
        .patch(`/api/statements/${id}`)
        .send({ sourceIds: { remove: [tass] } })
        .expect(200)
    ).body;
    expect(bulk.sources).toEqual([{ sourceId: mainichi, role: 'reporting', locator: 'p. 2', excerpt: null }]);
    // A whole record sent back with changed sources (a form): sources win, sourceIds follows.
    const form = (
      await t
        .http()
        .put(`/api/statements/${id}`)
        .send({ ...bulk, sources: [{ ...bulk.sources[0], role: 'commentary' }] })
        .expect(200)
    ).body;
    expect(form.sources[0].role).toBe('commentary');
  });

  it('refuses what cannot be meant, naming the field', async () => {
    const base = { speakerId: lavrov, date: '2019', headline: 'Refused' };
    const refusals: [object, string, RegExp][] = [
      [{ quoteKind: 'verbatim' }, 'quoteKind', /describes a quote/],
      [{ quoteKind: 'literal', quote: 'x' }, 'quoteKind', /must be one of: verbatim, translation, paraphrase/],
      [{ quote: 'x', quoteOriginal: ORIGINAL }, 'quoteOriginal', /needs its language/],
      [{ quote: 'x', quoteOriginal: ORIGINAL, quoteOriginalLanguage: 'russian!' }, 'quoteOriginalLanguage', /BCP 47|language/],
      [{ interpretation: 'The remark suggests…' }, 'interpretation', /cite that source/],
      [{ interpretation: 'x', sourceIds: [mainichi, tass] }, 'interpretation', /interpretationSourceId/],
      [
        { interpretation: 'x', sourceIds: [mainichi], interpretationSourceId: tass },
        'interpretationSourceId',
        /must be one the statement cites/,
      ],
      [{ sourceIds: [mainichi], interpretationSourceId: mainichi }, 'interpretationSourceId', /there is none/],
      [{ sources: [{ sourceId: mainichi, role: 'witness' }] }, 'sources.0.role', /must be one of: primary, reporting, commentary/],
      [{ sources: [{ sourceId: mainichi, excerpt: 'x'.repeat(2001) }] }, 'sources.0.excerpt', /2000/],
      [{ sources: [{ sourceId: mainichi, page: 3 }] }, 'sources.0.page', /not a field/],
      [{ sources: [{ sourceId: mainichi }, { sourceId: mainichi }] }, 'sources', /twice/],
      [{ sources: [{ sourceId: mainichi }], sourceIds: [tass] }, 'sources', /name different records/],
    ];
    for (const [body, field, reason] of refusals) {
      const res = await t
        .http()
        .post('/api/statements')
        .send({ ...base, ...body });
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect({ body, reason: res.body.errors?.[field] }).toEqual({ body, reason: expect.stringMatching(reason) });
    }
    expect((await t.http().get('/api/statements?q=Refused').expect(200)).body).toEqual([]);
  });

  it('lets go of the interpretation’s source when a form empties the interpretation', async () => {
    const made = (
      await t
        .http()
        .post('/api/statements')
        .send({ speakerId: lavrov, date: '2019', headline: 'Read by the paper', interpretation: 'A reading.', sourceIds: [mainichi] })
        .expect(201)
    ).body;
    expect(made.interpretationSourceId).toBe(mainichi);
    const cleared = (
      await t
        .http()
        .put(`/api/statements/${made.id}`)
        .send({ ...made, interpretation: '' })
        .expect(200)
    ).body;
    expect(cleared).toMatchObject({ interpretation: null, interpretationSourceId: null });
  });

  it('is found by its original wording, in Russian', async () => {
    const found = (
      await t
        .http()
        .get(`/api/statements?q=${encodeURIComponent('российские территории')}`)
        .expect(200)
    ).body;
    expect(found.map((s: { id: number }) => s.id)).toEqual([translated]);
  });
});

describe('the exports', () => {
  it('carry every field in CSV, the sources’ details as a JSON list aligned with the sources column', async () => {
    const [row] = parseCsv<Record<string, string>>(await text(`format=csv&id=${translated}`), { columns: true, bom: true });
    expect(row).toMatchObject({
      quote_kind: 'translation',
      quote_original: ORIGINAL,
      quote_original_language: 'ru',
      date_inferred: 'false',
    });
    expect(row.sources).toBe('Deep gap emerges — The Mainichi; Lavrov press conference transcript — TASS');
    expect(JSON.parse(row.source_details)).toEqual([
      { role: 'reporting', locator: 'para. 9', excerpt: EXCERPT },
      { role: 'primary', locator: '12:40' },
    ]);
    const [other] = parseCsv<Record<string, string>>(await text(`format=csv&id=${paraphrased}`), { columns: true, bom: true });
    expect(other).toMatchObject({
      attribution: 'according to people familiar with Russian thinking',
      interpretation_source: 'Deep gap emerges — The Mainichi',
      source_details: '',
    });
  });

  it('carry the details as objects in JSON', async () => {
    const [row] = JSON.parse(await text(`format=json&id=${translated}`));
    expect(row.source_details[1]).toEqual({ role: 'primary', locator: '12:40' });
    expect(row.date_inferred).toBe(false);
  });

  it('put only the speaker’s words in quotation marks (Markdown), the source’s reading as the source’s, citations with their locators', async () => {
    const md = await text(`format=markdown&speakerId=${lavrov}`);
    expect(md).toContain('\n> “These are Russian territories” *(translated from ru)*\n>\n> *Original (ru):* Это российские территории\n');
    expect(md).toContain(
      `\n### <a id="statement-${translated}"></a>Lavrov: "These are Russian territories"\n\n**Jan. 14, 2019** · **Sergey Lavrov** · [1, para. 9][2, 12:40]\n`,
    );
    expect(md).toContain('\n*Paraphrase:* the level of independence of Japan, which is dependent on the U.S., is questioned\n');
    expect(md).not.toContain('“the level of independence');
    expect(md).toContain('*(according to people familiar with Russian thinking)*');
    expect(md).toContain('\n*According to The Mainichi:* This remark seems to suggest');
  });

  it('do the same in TimelineJS', async () => {
    const { events } = JSON.parse(await text(`format=timelinejs&speakerId=${lavrov}`));
    const byId = (id: number) => events.find((e: { unique_id: string }) => e.unique_id === `statement-${id}`).text.text as string;
    expect(byId(translated)).toContain(
      '<blockquote><p>“These are Russian territories”</p><p><em>(translated from ru)</em></p></blockquote>',
    );
    expect(byId(translated)).toContain('<span lang="ru">Это российские территории</span>');
    expect(byId(paraphrased)).not.toContain('<blockquote>');
    expect(byId(paraphrased)).toContain('<em>Paraphrase:</em> the level of independence');
    expect(byId(paraphrased)).toContain('<em>According to The Mainichi:</em> This remark seems');
  });
});

describe('an import', () => {
  it('reads an export of them back unchanged, and their details edited', async () => {
    const csv = await text(`format=csv&id=${translated}&id=${paraphrased}`);
    const again = await t.http().post('/api/imports').set('Content-Type', 'text/csv').send(csv).expect(201);
    expect(again.body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    // In the CSV cell, the JSON's quotes are doubled.
    const edited = csv.replace('""locator"":""12:40""', '""locator"":""12:41""');
    expect(edited).not.toBe(csv);
    const changed = await t.http().post('/api/imports').set('Content-Type', 'text/csv').send(edited).expect(201);
    expect(changed.body.counts).toEqual({ created: 0, updated: 1, unchanged: 1, failed: 0 });
    expect((await t.http().get(`/api/statements/${translated}`).expect(200)).body.sources[1].locator).toBe('12:41');
  });

  it('refuses details that do not line up with the sources, naming the row and column', async () => {
    const csv = [
      'key,date,speaker,headline,sources,source_details',
      `misaligned,2019,Sergey Lavrov,Misaligned,Deep gap emerges,"[{""role"":""primary""},{""role"":""reporting""}]"`,
      `bad-role,2019,Sergey Lavrov,Bad role,Deep gap emerges,"[{""role"":""witness""}]"`,
    ].join('\r\n');
    const res = await t.http().post('/api/imports?dryRun=true').set('Content-Type', 'text/csv').send(csv).expect(201);
    const errors = res.body.rows.map((row: { errors?: Record<string, string> }) => row.errors);
    expect(errors[0].source_details).toMatch(/2 entries and sources 1/);
    expect(errors[1].source_details).toMatch(/role must be one of/);
  });
});

describe('the review filter', () => {
  it('finds the statements that need a look, each reason alone and several together, in the list, its count and the exports', async () => {
    const make = factories(t);
    const unsaid = (await make.statement({ speakerId: lavrov, date: '2018', headline: 'Needs: kind', quote: 'x', sourceIds: [] })).id;
    const inferred = (
      await t
        .http()
        .post('/api/statements')
        .send({
          speakerId: lavrov,
          date: '2018',
          headline: 'Needs: inferred',
          dateInferred: true,
          reviewStatus: 'verified',
          sources: [{ sourceId: tass, role: 'primary' }],
        })
        .expect(201)
    ).body.id;
    const untranslated = (
      await t
        .http()
        .post('/api/statements')
        .send({
          speakerId: lavrov,
          date: '2018',
          headline: 'Needs: original',
          quote: 'y',
          quoteKind: 'translation',
          reviewStatus: 'verified',
          sources: [{ sourceId: mainichi, role: 'reporting' }],
        })
        .expect(201)
    ).body.id;
    const ids = async (query: string) => {
      const res = await t.http().get(`/api/statements?${query}&date_lte=2018&_start=0&_end=100`).expect(200);
      expect(Number(res.headers['x-total-count'])).toBe(res.body.length);
      return res.body.map((s: { id: number }) => s.id).sort((a: number, b: number) => a - b);
    };
    expect(await ids('needs=quoteKind')).toEqual([unsaid]);
    expect(await ids('needs=inferredDate')).toEqual([inferred]);
    expect(await ids('needs=originalWording')).toEqual([untranslated]);
    expect(await ids('needs=source')).toEqual([unsaid]);
    expect(await ids('needs=review')).toEqual([unsaid]);
    expect(await ids('needs=inferredDate&needs=originalWording')).toEqual([inferred, untranslated]);
    const [row] = parseCsv<Record<string, string>>(await text('format=csv&needs=inferredDate'), { columns: true, bom: true });
    expect(row).toMatchObject({ id: String(inferred), date_inferred: 'true' });
    expect(await text('format=markdown&needs=originalWording')).toMatch(
      /^# Statements needing a look \(translation without the original\)\n/,
    );
    const refused = await t.http().get('/api/statements?needs=everything').expect(400);
    expect(refused.body.errors.needs).toMatch(/quoteKind, source, originalWording, inferredDate, review/);
  });
});
