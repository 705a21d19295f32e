import { parse as parseCsv } from 'csv-parse/sync';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** Every export format, parsed back with real parsers, on text that breaks careless writers. */
let t: TestApp;
let lavrov: number;
let kono: number;
let rejecting: number;
let sovereignty: number;
const awkward: Record<string, number> = {};

const AWKWARD = {
  commas: 'Tokyo, Moscow, and "the islands", again',
  newlines: 'line one\nline two\r\nline three\rend',
  emoji: 'islands 🗾🇯🇵🇷🇺 and a family 👩‍👩‍👧',
  japanese: '河野外相「実り多い歴史的な年にしたい」',
  russian: 'Лавров: «Это российские территории»',
  html: '<img src=x onerror=alert(1)>',
};
/** OWASP's formula starts, each of which must come out of CSV as text. */
const FORMULAS = ['=1+2', '+7 495 000', '-2 degrees', '@SUM(A1)', '\tTabbed', '\rCarriage', '\nNewline', '＝1+1', '＋1', '－1', '＠cmd'];

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  lavrov = (await make.actor({ name: 'Sergey Lavrov', nativeName: 'Сергей Лавров' })).id;
  kono = (await make.actor({ name: 'Taro Kono', nativeName: '河野太郎' })).id;
  rejecting = (await make.stance({ name: 'Rejecting', score: -2, color: '#c62828' })).id;
  sovereignty = (await make.topic({ name: 'Sovereignty' })).id;
  const source = await make.source({ title: 'Deep gap, "quoted"', publisher: 'The Mainichi', url: 'https://example.org/a?b=1&c=2' });
  for (const [key, text] of Object.entries(AWKWARD)) {
    awkward[key] = (
      await make.statement({
        speakerId: key === 'japanese' ? kono : lavrov,
        participantIds: key === 'japanese' ? [lavrov] : [kono],
        date: '2019-01-14',
        headline: `Headline with ${key}: ${text}`.slice(0, 300),
        quote: text,
        quoteKind: 'verbatim',
        summary: text,
        stanceId: rejecting,
        topicIds: [sovereignty],
        sourceIds: [source.id],
        venue: 'press conference, Moscow',
      })
    ).id;
  }
  for (const formula of FORMULAS) await make.statement({ speakerId: kono, date: '2018-23', headline: formula, quote: formula });
  await make.statement({ speakerId: lavrov, date: '2019-06', headline: 'Summit', type: 'meeting', status: 'planned' });
  await make.statement({ speakerId: kono, date: '2019-01/..', headline: 'Open-ended process' });
});
afterAll(() => t.close());

const exportText = async (query: string) => {
  const res = await t
    .http()
    .get(`/api/statements/export?${query}`)
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
    });
  return res;
};
const listIds = async (query: string) => {
  const ids: number[] = [];
  for (let start = 0; ; start += 1000) {
    const res = await t
      .http()
      .get(`/api/statements?${query}&_start=${start}&_end=${start + 1000}`)
      .expect(200);
    ids.push(...res.body.map((r: { id: number }) => r.id));
    if (ids.length >= Number(res.headers['x-total-count'])) return ids;
  }
};

describe('CSV', () => {
  it('is RFC 4180 with a header row, CRLF line ends and every column, read back exactly by a CSV parser', async () => {
    const res = await exportText(`format=csv&speakerId=${lavrov}&speakerId=${kono}&q=Headline`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="statements-sergey-lavrov-taro-kono-headline-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = res.body as string;
    expect(
      text.startsWith(
        'id,key,date,date_start,date_end,display_date,date_inferred,type,status,speaker,speaker_native_name,speaker_title,participants,stance,stance_score,topics,headline,quote,quote_kind,quote_language,quote_original,quote_original_language,summary,attribution,interpretation,interpretation_source,venue,location,sources,source_details,responds_to_id,responds_to_key,review_status,created_at,updated_at\r\n',
      ),
    ).toBe(true);
    const rows: Record<string, string>[] = parseCsv(text, { columns: true, relax_quotes: false, bom: true });
    expect(rows).toHaveLength(Object.keys(AWKWARD).length);
    for (const [key, value] of Object.entries(AWKWARD)) {
      const row = rows.find((r) => Number(r.id) === awkward[key])!;
      const expected = /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
      expect(row.quote).toBe(expected);
      expect(row.summary).toBe(expected);
      expect(row).toMatchObject({ date: '2019-01-14', date_start: '2019-01-14', date_end: '2019-01-14', display_date: 'Jan. 14, 2019' });
      expect(row.stance).toBe('Rejecting');
      expect(row.stance_score).toBe('-2');
      expect(row.topics).toBe('Sovereignty');
      expect(row.sources).toBe('Deep gap, "quoted" — The Mainichi — https://example.org/a?b=1&c=2');
      expect(row.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(rows.find((r) => Number(r.id) === awkward.japanese)).toMatchObject({
      speaker: 'Taro Kono',
      speaker_native_name: '河野太郎',
      participants: 'Sergey Lavrov',
    });
  });

  it.each(FORMULAS)('neutralises a cell starting %j with an apostrophe; numeric columns stay numbers', async (formula) => {
    const res = await exportText(`format=csv&columns=id,headline,quote,stance_score&speakerId=${kono}&date_gte=2018-09&date_lte=2018-11`);
    const rows: Record<string, string>[] = parseCsv(res.body, { columns: true });
    const row = rows.find((r) => r.headline === `'${formula}`);
    expect(row).toBeDefined();
    expect(row!.quote).toBe(`'${formula}`);
    expect(row!.stance_score).toBe('');
    expect(Number(row!.id)).toBeGreaterThan(0);
  });

  it('starts with a byte-order mark on bom=1, for Excel', async () => {
    const res = await t
      .http()
      .get('/api/statements/export?format=csv&bom=1&columns=id')
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect([...(res.body as Buffer).subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64]);
  });

  it('leaves an open interval end empty, never infinity, a shifted day or epoch milliseconds', async () => {
    const rows: Record<string, string>[] = parseCsv((await exportText('format=csv&q=Open')).body, { columns: true });
    expect(rows[0]).toMatchObject({ date: '2019-01/..', date_start: '2019-01-01', date_end: '' });
  });

  it('is served at /api/statements.csv too, for read.csv() and pandas.read_csv()', async () => {
    const res = await t.http().get(`/api/statements.csv?speakerId=${lavrov}&columns=id,headline`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(parseCsv(res.text, { columns: true }).length).toBe((await listIds(`speakerId=${lavrov}`)).length);
  });
});

describe('file names', () => {
  const disposition = async (query: string) =>
    String((await t.http().get(`/api/statements.csv?columns=id${query}`).expect(200)).headers['content-disposition']);

  it('are statements-<date> unfiltered, and say the words of the filter otherwise', async () => {
    expect(await disposition('')).toMatch(/^attachment; filename="statements-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await disposition(`&speakerId=${lavrov}&topicId=${sovereignty}&date_gte=2019-01&date_lte=2019-03`)).toMatch(
      /^attachment; filename="statements-sergey-lavrov-sovereignty-2019-01-to-2019-03-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(await disposition(`&stanceId=${rejecting}&date_gte=2019-01-14&date_lte=2019-01-14`)).toMatch(
      /^attachment; filename="statements-rejecting-2019-01-14-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
  });

  it('give a name beyond ASCII in UTF-8 (RFC 6266 filename*), with an ASCII stand-in for older clients', async () => {
    const native = (await factories(t).actor({ name: '河野太郎' })).id;
    const header = await disposition(`&speakerId=${native}&speakerId=${lavrov}`);
    const [, ascii, encoded] = /^attachment; filename="([ -~]+)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(header)!;
    expect(ascii).toMatch(new RegExp(`^statements-speaker-${native}-sergey-lavrov-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(decodeURIComponent(encoded)).toMatch(/^statements-河野太郎-sergey-lavrov-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('are capped in length, whatever the filter', async () => {
    const header = await disposition(`&q=${encodeURIComponent('longwords '.repeat(16))}&speakerId=${lavrov}&speakerId=${kono}`);
    const ascii = /filename="([^"]+)"/.exec(header)![1];
    expect(ascii.length).toBeLessThanOrEqual('statements-'.length + 60 + '-2026-12-06.csv'.length);
  });
});

describe('JSON and NDJSON', () => {
  it('JSON is one array of objects with the chosen columns in order, numbers as numbers', async () => {
    const res = await exportText(`format=json&columns=id,stance_score,quote,date_end&speakerId=${lavrov}`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="statements-sergey-lavrov-\d{4}-\d{2}-\d{2}\.json"/);
    const rows = JSON.parse(res.body);
    expect(rows.length).toBe((await listIds(`speakerId=${lavrov}`)).length);
    const emoji = rows.find((r: { id: number }) => r.id === awkward.emoji);
    expect(Object.keys(emoji)).toEqual(['id', 'stance_score', 'quote', 'date_end']);
    expect(emoji).toEqual({ id: awkward.emoji, stance_score: -2, quote: AWKWARD.emoji, date_end: '2019-01-14' });
    // JSON keeps text as it is: formula neutralisation is for spreadsheets only.
    expect(JSON.parse((await exportText('format=json&columns=headline&q=Tabbed')).body)).toEqual([{ headline: '\tTabbed' }]);
  });

  it('an empty result is an empty JSON array', async () => {
    expect(JSON.parse((await exportText('format=json&speakerId=999999')).body)).toEqual([]);
  });

  it('NDJSON is one JSON object per line, also at /api/statements.ndjson', async () => {
    const res = await exportText(`format=ndjson&speakerId=${kono}`);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = (res.body as string).split('\n');
    expect(lines.pop()).toBe('');
    const rows = lines.map((line) => JSON.parse(line));
    expect(rows.map((r) => r.id)).toEqual(await listIds(`speakerId=${kono}&_sort=date&_order=ASC`));
    const alias = await t.http().get(`/api/statements.ndjson?speakerId=${kono}&columns=id`).expect(200);
    expect(alias.text.trim().split('\n')).toHaveLength(rows.length);
  });
});

describe('the same rows as the list, in the same order', () => {
  it.each([
    '',
    `speakerId=${0}`,
    '_sort=date&_order=DESC',
    '_sort=headline&_order=ASC',
    '_sort=speakerName&_order=DESC',
    '_sort=stanceScore&_order=ASC',
    'date_gte=2019-01&date_lte=2019-06',
    'q=Headline&_sort=id&_order=DESC',
    'type=meeting&status=planned',
  ])('filter "%s"', async (raw) => {
    const query = raw.replace('speakerId=0', `speakerId=${kono}`);
    const exported = JSON.parse((await exportText(`format=json&columns=id&${query}`)).body).map((r: { id: number }) => r.id);
    expect(exported).toEqual(await listIds(query));
    expect(exported.length).toBeGreaterThan(0);
  });

  it('updated_gte keeps only what changed since a time', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await t.http().patch(`/api/statements/${awkward.russian}`).send({ notes: 'checked again', version: 1 }).expect(200);
    const rows = JSON.parse((await exportText(`format=json&columns=id&updated_gte=${encodeURIComponent(before)}`)).body);
    expect(rows).toEqual([{ id: awkward.russian }]);
    expect(await listIds(`updated_gte=${encodeURIComponent(before)}`)).toEqual([awkward.russian]);
  });
});

describe('Markdown', () => {
  it('is a report: title describing the filter, period headings, quotes as blockquotes, numbered sources', async () => {
    const res = await exportText(`format=markdown&speakerId=${lavrov}&date_gte=2019-01&date_lte=2019-01`);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="statements-sergey-lavrov-2019-01-\d{4}-\d{2}-\d{2}\.md"/);
    const md: string = res.body;
    expect(md).toMatch(/^# Statements by Sergey Lavrov, Jan\. 2019 \(dates overlapping it\)\n/);
    expect(md).toContain('\n## January 2019\n');
    expect(md).toContain(
      '\n### <a id="statement-' +
        awkward.russian +
        '"></a>Headline with russian: Лавров: «Это российские территории»\n\n' +
        '**Jan. 14, 2019** · **Sergey Lavrov** (press conference, Moscow) · Stance: Rejecting · [1]\n',
    );
    // The speaker's words, in quotation marks.
    expect(md).toContain('\n> “Лавров: «Это российские территории»”\n');
    // Every line of a multi-line quote stays in the blockquote.
    expect(md).toContain('\n> “line one\n> line two\n> line three\n> end”\n');
    // Markup in the data is escaped, not rendered.
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toMatch(/\n## Sources\n\n1\. “Deep gap, "quoted"”, \*The Mainichi\*\. <https:\/\/example\.org\/a\?b=1&c=2>\n$/);
    expect(md).toContain(`\n${Object.keys(AWKWARD).length - 1} entries.\n`);
  });

  it('groups by period and marks planned entries', async () => {
    const md: string = (await exportText(`format=markdown&speakerId=${lavrov}`)).body;
    expect(md.indexOf('## January 2019')).toBeLessThan(md.indexOf('## June 2019'));
    expect(md).toContain('Summit *(planned)*');
  });

  it('is served at /api/statements.md too', async () => {
    const res = await t.http().get(`/api/statements.md?speakerId=${kono}`).expect(200);
    expect(res.text).toMatch(/^# Statements by Taro Kono\n/);
  });
});

describe('TimelineJS', () => {
  it('is the JSON TimelineJS 3 loads: title, events with dates at the EDTF precision, escaped HTML, groups', async () => {
    const res = await exportText(`format=timelinejs&speakerId=${kono}`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="statements-taro-kono-\d{4}-\d{2}-\d{2}\.timeline\.json"/);
    const doc = JSON.parse(res.body);
    expect(doc.title.text.headline).toBe('Statements by Taro Kono');
    expect(doc.events).toHaveLength((await listIds(`speakerId=${kono}`)).length);
    const autumn = doc.events.find((e: { text: { headline: string } }) => e.text.headline === '=1+2');
    expect(autumn).toMatchObject({
      start_date: { year: 2018, month: 9 },
      end_date: { year: 2018, month: 11 },
      display_date: 'autumn 2018',
      group: 'Taro Kono',
    });
    const open = doc.events.find((e: { text: { headline: string } }) => e.text.headline === 'Open-ended process');
    expect(open.start_date).toEqual({ year: 2019, month: 1 });
    expect(open.end_date).toBeUndefined();
    const japanese = doc.events.find((e: { unique_id: string }) => e.unique_id === `statement-${awkward.japanese}`);
    expect(japanese.start_date).toEqual({ year: 2019, month: 1, day: 14 });
    expect(japanese.text.text).toContain('<blockquote><p>“河野外相「実り多い歴史的な年にしたい」”</p></blockquote>');
    expect(japanese.text.text).toContain('<a href="https://example.org/a?b=1&amp;c=2"');
    const html = JSON.parse((await exportText(`format=timelinejs&q=onerror`)).body).events[0];
    expect(html.text.headline).toBe('Headline with html: &lt;img src=x onerror=alert(1)&gt;');
    expect(html.text.text).not.toContain('<img');
  });
});

describe('refusals', () => {
  it.each([
    ['format=xml', 'format', /must be one of: csv, json, ndjson, markdown, timelinejs/],
    ['', 'format', /must be one of/],
    ['format=csv&format=json', 'format', /must be one of/],
    ['format=csv&columns=id,password', 'columns', /has unknown column password; allowed: id, key, date, /],
    ['format=csv&columns=id,id', 'columns', /twice/],
    ['format=csv&columns=', 'columns', /must list column names/],
    ['format=markdown&columns=id', 'columns', /fixed layout/],
    ['format=json&bom=1', 'bom', /csv only/],
    ['format=csv&bom=yes', 'bom', /1 or 0/],
    ['format=csv&_start=0', '_start', /not a filter/],
    ['format=csv&speaker=3', 'speaker', /not a filter/],
    ['format=csv&_sort=password', '_sort', /cannot sort/],
    ['format=csv&date_gte=soon', 'date_gte', /ISO date/],
  ])('%s → 400 naming %s', async (query, field, reason) => {
    const res = await t.http().get(`/api/statements/export?${query}`).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.body.errors[field]).toMatch(reason);
  });

  it('the extension routes refuse a format parameter', async () => {
    const res = await t.http().get('/api/statements.csv?format=json').expect(400);
    expect(res.body.errors.format).toMatch(/not a filter/);
  });

  it('does not take /statements/export for a statement id', async () => {
    await t.http().get('/api/statements/export?format=csv').expect(200);
    await t.http().get('/api/statements/exports').expect(400);
  });
});
