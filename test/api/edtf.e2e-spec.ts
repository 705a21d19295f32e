import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Every EDTF form through the API, in a time zone far from UTC: a SQL `date` read as a JS
 * Date would come back a day early here.
 */
const originalTz = process.env.TZ;
let t: TestApp;
let speakerId: number;
beforeAll(async () => {
  process.env.TZ = 'America/Los_Angeles';
  t = await createTestApp();
  speakerId = (await factories(t).actor()).id;
});
afterAll(async () => {
  await t.close();
  process.env.TZ = originalTz;
});

const FORMS: [string, string, string, string][] = [
  ['2019-01-14', '2019-01-14', '2019-01-14', 'Jan. 14, 2019'],
  ['2019-06', '2019-06-01', '2019-06-30', 'June 2019'],
  ['2019', '2019-01-01', '2019-12-31', '2019'],
  ['2018-23', '2018-09-01', '2018-11-30', 'autumn 2018'],
  ['2018-24', '2018-12-01', '2019-02-28', 'winter 2018–19'],
  // A qualified date allows one unit of its precision either side.
  ['2019-06?', '2019-05-01', '2019-07-31', 'June 2019?'],
  ['2019?', '2018-01-01', '2020-12-31', '2019?'],
  ['2018~', '2017-01-01', '2019-12-31', 'c. 2018'],
  ['2018%', '2017-01-01', '2019-12-31', 'c. 2018?'],
  ['2019-01-14~', '2019-01-13', '2019-01-15', 'c. Jan. 14, 2019'],
  ['201X', '2010-01-01', '2019-12-31', '2010s'],
  ['2019-XX', '2019-01-01', '2019-12-31', '2019 (month unknown)'],
  ['2019-01/2019-06', '2019-01-01', '2019-06-30', 'January–June 2019'],
  ['2019-01/..', '2019-01-01', 'infinity', 'from January 2019 onward'],
  ['../2018', '-infinity', '2018-12-31', 'by 2018'],
];

describe('EDTF dates through the API', () => {
  it.each(FORMS)('%s is stored with [%s, %s] and reads "%s"', async (date, dateStart, dateEnd, displayDate) => {
    const created = (await t.http().post('/api/statements').send({ date, headline: date, speakerId }).expect(201)).body;
    expect(created).toMatchObject({ date, dateStart, dateEnd, displayDate });
    const [listed] = (await t.http().get(`/api/statements?id=${created.id}`).expect(200)).body;
    expect(listed).toMatchObject({ date, dateStart, dateEnd, displayDate });
  });

  it('sorts open-ended intervals first and last, and the timeline pages through them', async () => {
    const asc = (await t.http().get('/api/statements?_sort=date&_order=ASC&_end=100').expect(200)).body;
    expect(asc[0].date).toBe('../2018');
    const timeline: { date: string }[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { entries: { date: string }[]; nextCursor: string | null } } = await t
        .http()
        .get(`/api/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      timeline.push(...res.body.entries);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(timeline).toHaveLength(FORMS.length);
    expect(timeline[0].date).toBe('../2018');
  });

  it('the open end overlaps any later range', async () => {
    const rows = (await t.http().get('/api/statements?date_gte=2030-01-01').expect(200)).body;
    expect(rows.map((r: { date: string }) => r.date)).toEqual(['2019-01/..']);
  });
});
