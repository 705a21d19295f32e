import { parse as parseCsv } from 'csv-parse/sync';
import { WidenQualifiedDateBounds1796600000000 } from '../../migrations/1796600000000-WidenQualifiedDateBounds';
import { parseEdtf } from '../../server/src/statements/edtf/parse-edtf';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/*
 * Honest uncertainty (issue 16, item 5): what a date filter does with EDTF qualifiers (one unit
 * of the date's precision either side), the two ways dates match (date_mode=overlap|within) in
 * the list, its count, the timeline and the exports, dates known only by a latest day ("by
 * January 2019", a band of their own in the Markdown report), and unknown bounds in exports
 * (empty in CSV, null in JSON, never PostgreSQL's ±infinity).
 */
let t: TestApp;
const s: Record<string, number> = {};

const DATES = {
  exact: '2019-01-14',
  approxDay: '2019-01-14~', // Jan. 13–15
  approxMonthEnd: '2019-01-31~', // Jan. 30 – Feb. 1
  uncertainMonth: '2019-01?', // Dec. 2018 – Feb. 2019
  uncertainNewYearsEve: '2018-12-31?', // Dec. 30, 2018 – Jan. 1, 2019
  year: '2019',
  approxYear: '2019~', // 2018–2020
  byJanuary: '../2019-01', // -infinity – Jan. 31
  fromJanuary: '2019-01/..', // Jan. 1 – infinity
  declaration: '1956',
};
type Name = keyof typeof DATES;

beforeAll(async () => {
  t = await createTestApp();
  const make = factories(t);
  const speakerId = (await make.actor({ name: 'Sergey Lavrov' })).id;
  for (const [name, date] of Object.entries(DATES)) s[name] = (await make.statement({ speakerId, date, headline: `Entry ${name}` })).id;
});
afterAll(() => t.close());

const sorted = (names: Name[]) => names.map((name) => s[name]).sort((a, b) => a - b);

/** The ids a list query matches, checked against its X-Total-Count. */
const listed = async (query: string) => {
  const res = await t.http().get(`/api/statements?${query}&_sort=id&_order=ASC`).expect(200);
  expect(Number(res.headers['x-total-count'])).toBe(res.body.length);
  return res.body.map((row: { id: number }) => row.id);
};

const exportText = async (query: string) =>
  (
    await t
      .http()
      .get(`/api/statements/export?${query}`)
      .expect(200)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks).toString('utf8')));
      })
  ).body as string;

describe('qualified dates allow one unit of their precision either side', () => {
  it.each<[Name, string, string, string]>([
    ['approxDay', '2019-01-13', '2019-01-15', 'c. Jan. 14, 2019'],
    ['approxMonthEnd', '2019-01-30', '2019-02-01', 'c. Jan. 31, 2019'],
    ['uncertainMonth', '2018-12-01', '2019-02-28', 'January 2019?'],
    ['uncertainNewYearsEve', '2018-12-30', '2019-01-01', 'Dec. 31, 2018?'],
    ['approxYear', '2018-01-01', '2020-12-31', 'c. 2019'],
    ['exact', '2019-01-14', '2019-01-14', 'Jan. 14, 2019'],
  ])('%s is stored as [%s, %s], "%s"', async (name, dateStart, dateEnd, displayDate) => {
    const { body } = await t.http().get(`/api/statements/${s[name]}`).expect(200);
    expect(body).toMatchObject({ date: DATES[name], dateStart, dateEnd, displayDate });
  });

  it('so a day filter finds "c. Jan. 14" on the 15th, which the plain Jan. 14 is not', async () => {
    expect(await listed('date_gte=2019-01-15&date_lte=2019-01-15')).toEqual(
      sorted(['approxDay', 'uncertainMonth', 'year', 'approxYear', 'byJanuary', 'fromJanuary']),
    );
    expect(await listed('date_gte=2019-02-01&date_lte=2019-02-01')).toEqual(
      sorted(['approxMonthEnd', 'uncertainMonth', 'year', 'approxYear', 'fromJanuary']),
    );
  });
});

describe('date_mode', () => {
  it('overlap (the default) keeps every entry that could fall in January 2019', async () => {
    const overlapping = sorted([
      'exact',
      'approxDay',
      'approxMonthEnd',
      'uncertainMonth',
      'uncertainNewYearsEve',
      'year',
      'approxYear',
      'byJanuary',
      'fromJanuary',
    ]);
    expect(await listed('date_gte=2019-01&date_lte=2019-01')).toEqual(overlapping);
    expect(await listed('date_gte=2019-01&date_lte=2019-01&date_mode=overlap')).toEqual(overlapping);
  });

  it('within keeps only entries whose whole range lies inside; an open bound never does', async () => {
    expect(await listed('date_gte=2019-01&date_lte=2019-01&date_mode=within')).toEqual(sorted(['exact', 'approxDay']));
    expect(await listed('date_gte=2019-01-14&date_lte=2019-01-14&date_mode=within')).toEqual(sorted(['exact']));
    expect(await listed('date_gte=2019-01-01&date_mode=within')).toEqual(sorted(['exact', 'approxDay', 'approxMonthEnd', 'year']));
    expect(await listed('date_lte=2019-01-31&date_mode=within')).toEqual(
      sorted(['exact', 'approxDay', 'uncertainNewYearsEve', 'declaration']),
    );
    expect(await listed('date_gte=2018&date_lte=2020&date_mode=within')).toEqual(
      sorted(['exact', 'approxDay', 'approxMonthEnd', 'uncertainMonth', 'uncertainNewYearsEve', 'year', 'approxYear']),
    );
    // Alone it changes nothing: it says how the date filters match.
    expect(await listed('date_mode=within')).toHaveLength(Object.keys(DATES).length);
  });

  it('the count follows it on a page shorter than the matches', async () => {
    const res = await t.http().get('/api/statements?date_gte=2019-01&date_lte=2019-01&date_mode=within&_start=0&_end=1').expect(200);
    expect(res.body).toHaveLength(1);
    expect(res.headers['x-total-count']).toBe('2');
    const overlap = await t.http().get('/api/statements?date_gte=2019-01&date_lte=2019-01&_start=0&_end=1').expect(200);
    expect(overlap.headers['x-total-count']).toBe('9');
  });

  it('the timeline follows it, entries and total', async () => {
    const within = (await t.http().get('/api/timeline?date_gte=2019-01&date_lte=2019-01&date_mode=within').expect(200)).body;
    // In date order: c. Jan. 14 allows Jan. 13.
    expect(within.entries.map((e: { id: number }) => e.id)).toEqual([s.approxDay, s.exact]);
    expect(within.total).toBe(2);
    const paged = (await t.http().get('/api/timeline?date_gte=2019-01&date_lte=2019-01&date_mode=within&limit=1').expect(200)).body;
    expect(paged.total).toBe(2);
    const next = (
      await t.http().get(`/api/timeline?date_gte=2019-01&date_lte=2019-01&date_mode=within&limit=1&cursor=${paged.nextCursor}`).expect(200)
    ).body;
    expect([...paged.entries, ...next.entries].map((e: { id: number }) => e.id)).toEqual(within.entries.map((e: { id: number }) => e.id));
    expect(next.nextCursor).toBeNull();
    const overlap = (await t.http().get('/api/timeline?date_gte=2019-01&date_lte=2019-01').expect(200)).body;
    expect(overlap.total).toBe(9);
  });

  it('the exports follow it, and the report says which way dates matched', async () => {
    const csv: Record<string, string>[] = parseCsv(
      await exportText('format=csv&columns=id,date&date_gte=2019-01&date_lte=2019-01&date_mode=within&_sort=id'),
      { columns: true },
    );
    expect(csv.map((row) => Number(row.id))).toEqual(sorted(['exact', 'approxDay']));
    const md = await exportText('format=markdown&date_gte=2019-01&date_lte=2019-01&date_mode=within');
    expect(md).toMatch(/^# Statements, Jan\. 2019 \(dates entirely within it\)\n/);
    expect(md).toContain('\n2 entries.\n');
    const overlapping = await exportText('format=markdown&date_gte=2019-01&date_lte=2019-01');
    expect(overlapping).toMatch(/^# Statements, Jan\. 2019 \(dates overlapping it\)\n/);
    const timelineJs = JSON.parse(await exportText('format=timelinejs&date_gte=2019-01&date_lte=2019-01&date_mode=within'));
    expect(timelineJs.events).toHaveLength(2);
  });

  it.each([
    ['/api/statements?date_mode=sideways', /"sideways" must be one of: overlap, within/],
    ['/api/statements?date_mode=within&date_mode=overlap', /must be given once/],
    ['/api/statements?date_mode=WITHIN', /must be one of: overlap, within/],
    ['/api/timeline?date_mode=exact', /must be one of: overlap, within/],
    ['/api/statements/export?format=csv&date_mode=', /must be one of: overlap, within/],
  ])('%s is a 400 naming date_mode', async (url, reason) => {
    const res = await t.http().get(url).expect(400);
    expect(Object.keys(res.body.errors)).toEqual(['date_mode']);
    expect(res.body.errors.date_mode).toMatch(reason);
  });

  it('is in the OpenAPI document of the list, the timeline and the export', async () => {
    const doc = (await t.http().get('/api/docs/json').expect(200)).body;
    for (const path of ['/api/statements', '/api/timeline', '/api/statements/export']) {
      const parameter = doc.paths[path].get.parameters.find((p: { name: string }) => p.name === 'date_mode');
      expect(parameter).toMatchObject({
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['overlap', 'within'], default: 'overlap' },
      });
    }
  });
});

describe('dates known only by a latest day', () => {
  it('read "by January 2019", in the record and in the preview', async () => {
    expect((await t.http().get(`/api/statements/${s.byJanuary}`).expect(200)).body).toMatchObject({
      dateStart: '-infinity',
      dateEnd: '2019-01-31',
      displayDate: 'by January 2019',
    });
    expect((await t.http().get('/api/edtf?date=%2F2019-06').expect(200)).body.displayDate).toBe('by June 2019');
    expect((await t.http().get('/api/edtf?date=2019-01%2F..').expect(200)).body.displayDate).toBe('from January 2019 onward');
  });

  it('stand in a band of their own in the Markdown report, not under a month above 1956', async () => {
    const md = await exportText('format=markdown');
    const band = md.indexOf('\n## Dated only by a latest day\n');
    expect(band).toBeGreaterThan(0);
    expect(band).toBeLessThan(md.indexOf('\n## 1956\n'));
    const section = md.slice(band, md.indexOf('\n## 1956\n'));
    expect(section).toContain('*Known only to have happened by the day each gives; when, before it, is unknown.*');
    expect(section).toContain(`\n### <a id="statement-${s.byJanuary}"></a>Entry byJanuary\n\n**by January 2019** · **Sergey Lavrov**\n`);
    expect(section.match(/^\*\*/gm)).toHaveLength(1);
    expect(md).not.toMatch(/until/);
    // Once only, sorted newest first too (where they come last).
    const desc = await exportText('format=markdown&_order=DESC');
    expect(desc.match(/## Dated only by a latest day/g)).toHaveLength(1);
    expect(desc.indexOf('## Dated only by a latest day')).toBeGreaterThan(desc.indexOf('## 1956'));
  });

  it('are offered for "before 2019-01" typed into a date field', async () => {
    const { body } = await t.http().get('/api/edtf/suggestions?text=before%202019-01').expect(200);
    expect(body).toEqual({
      text: 'before 2019-01',
      suggestions: [{ date: '../2019-01', dateStart: '-infinity', dateEnd: '2019-01-31', displayDate: 'by January 2019' }],
    });
    const approx = (await t.http().get('/api/edtf/suggestions?text=c.%202019').expect(200)).body;
    expect(approx.suggestions.map((x: { date: string }) => x.date)).toEqual(['2019~']);
    expect((await t.http().get('/api/edtf/suggestions?text=yesterday').expect(200)).body.suggestions).toEqual([]);
    expect((await t.http().get('/api/edtf/suggestions').expect(400)).body.errors).toEqual({ text: 'must be given once' });
    expect(
      (
        await t
          .http()
          .get(`/api/edtf/suggestions?text=${'x'.repeat(201)}`)
          .expect(400)
      ).body.errors.text,
    ).toMatch(/at most 200/);
  });
});

describe('unknown bounds in exports', () => {
  const OPEN = (name: Name) => `id=${s[name]}`;

  it('are empty cells in CSV, so pandas and R read the columns as dates', async () => {
    const text = await exportText(
      `format=csv&columns=id,date,date_start,date_end&${OPEN('byJanuary')}&${OPEN('fromJanuary')}&${OPEN('exact')}`,
    );
    expect(text).not.toMatch(/infinity/);
    const rows: Record<string, string>[] = parseCsv(text, { columns: true });
    expect(rows).toEqual([
      { id: String(s.byJanuary), date: '../2019-01', date_start: '', date_end: '2019-01-31' },
      { id: String(s.fromJanuary), date: '2019-01/..', date_start: '2019-01-01', date_end: '' },
      { id: String(s.exact), date: '2019-01-14', date_start: '2019-01-14', date_end: '2019-01-14' },
    ]);
    // Every cell of the date columns is a day or empty, the whole export over.
    const all: Record<string, string>[] = parseCsv(await exportText('format=csv'), { columns: true });
    for (const row of all) for (const cell of [row.date_start, row.date_end]) expect(cell).toMatch(/^(\d{4}-\d{2}-\d{2})?$/);
  });

  it('are null in JSON and NDJSON', async () => {
    const query = `columns=id,date_start,date_end&${OPEN('byJanuary')}&${OPEN('fromJanuary')}`;
    expect(JSON.parse(await exportText(`format=json&${query}`))).toEqual([
      { id: s.byJanuary, date_start: null, date_end: '2019-01-31' },
      { id: s.fromJanuary, date_start: '2019-01-01', date_end: null },
    ]);
    const lines = (await exportText(`format=ndjson&${query}`))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { id: s.byJanuary, date_start: null, date_end: '2019-01-31' },
      { id: s.fromJanuary, date_start: '2019-01-01', date_end: null },
    ]);
  });
});

describe('the migration WidenQualifiedDateBounds', () => {
  const FORMS = [
    '2019-01-14~',
    '2019-01?',
    '2019%',
    '0001~',
    '9999-12?',
    '2019-03-01?',
    '2020-01~',
    '2019-06~/2019-08?',
    '2019-01-14~/2019-02',
    '2019-01/2019-06?',
    '2019~/..',
    '../2019-01?',
    '../2019-01',
    '/2019-06',
    '2019-01/',
    '2019-01-14',
    '2018-23',
    '201X',
  ];

  it('gives rows stored before it the bounds and display the server derives now, and takes them back', async () => {
    const speakerId = (await factories(t).actor()).id;
    const ids: Record<string, number> = {};
    for (const date of FORMS) ids[date] = (await factories(t).statement({ speakerId, date, headline: date })).id;
    const stored = async () => {
      const rows: { id: number; date: string; dateStart: string; dateEnd: string; displayDate: string }[] = await t.dataSource.query(
        `SELECT id, date, date_start::text AS "dateStart", date_end::text AS "dateEnd", display_date AS "displayDate"
         FROM statements WHERE id = ANY($1) ORDER BY id`,
        [Object.values(ids)],
      );
      return Object.fromEntries(rows.map(({ date, dateStart, dateEnd, displayDate }) => [date, { dateStart, dateEnd, displayDate }]));
    };
    const migration = new WidenQualifiedDateBounds1796600000000();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const before = await stored();
      expect(before['2019-01-14~']).toEqual({ dateStart: '2019-01-14', dateEnd: '2019-01-14', displayDate: 'c. Jan. 14, 2019' });
      expect(before['2019-06~/2019-08?']).toMatchObject({ dateStart: '2019-06-01', dateEnd: '2019-08-31' });
      expect(before['../2019-01?']).toEqual({ dateStart: '-infinity', dateEnd: '2019-01-31', displayDate: 'until January 2019?' });
      expect(before['/2019-06'].displayDate).toBe('until June 2019 (start unknown)');
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const after = await stored();
    for (const date of FORMS) {
      const { dateStart, dateEnd, displayDate } = parseEdtf(date);
      expect({ date, ...after[date] }).toEqual({ date, dateStart, dateEnd, displayDate });
    }
  });
});
