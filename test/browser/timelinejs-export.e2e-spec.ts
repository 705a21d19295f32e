import * as path from 'node:path';
import { Browser } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The TimelineJS export is checked where it is used: TimelineJS 3 (@knight-lab/timelinejs)
 * loads it in Chromium and every exported event must be on the rendered timeline.
 */
const TIMELINEJS = path.join(REPOSITORY_ROOT, 'node_modules/@knight-lab/timelinejs/dist');
let t: TestApp;
let browser: Browser;
/** supertest as the test app's viewer (reads) or editor (writes). */
const as = (role: 'viewer' | 'editor') => t.as(role);

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  // Text that must stay text inside TimelineJS's HTML.
  const [speaker] = (await as('viewer').get('/api/actors?q=Kono').expect(200)).body;
  await as('editor')
    .post('/api/statements')
    .send({
      date: '2019-02',
      speakerId: speaker.id,
      headline: '<img src=x onerror="window.__xss=1">',
      quote: '<script>window.__xss=2</script>',
    })
    .expect(201);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('TimelineJS export', () => {
  it.each([
    ['the whole seed case', ''],
    ['two speakers', 'speakerId=3&speakerId=4'],
  ])('renders every event of %s', async (_label, query) => {
    const res = await as('viewer').get(`/api/statements/export?format=timelinejs&${query}`).expect(200);
    const data = JSON.parse(res.text);
    expect(data.events.length).toBeGreaterThan(1);

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html><body><div id="timeline" style="width: 1200px; height: 700px"></div></body></html>');
    await page.addStyleTag({ path: path.join(TIMELINEJS, 'css/timeline.css') });
    await page.addScriptTag({ path: path.join(TIMELINEJS, 'js/timeline.js') });
    const loaded = await page.evaluate(
      (timelineData) =>
        new Promise<{ events: { id: string; start: string }[]; slides: string[] }>((resolve) => {
          type TlEvent = { unique_id: string; start_date: { data: { date_obj: Date } } };
          const w = window as unknown as {
            TL: {
              Timeline: new (id: string, data: unknown, options: object) => { on(e: string, f: (d: { events: TlEvent[] }) => void): void };
            };
          };
          const day = (d: Date) =>
            `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const timeline = new w.TL.Timeline('timeline', timelineData, { hash_bookmark: false });
          timeline.on('loaded', (info) =>
            resolve({
              events: info.events.map((e) => ({ id: e.unique_id, start: day(e.start_date.data.date_obj) })),
              slides: Array.from(document.querySelectorAll('.tl-slide'), (e) => e.id),
            }),
          );
        }),
      data,
    );
    expect(loaded.events).toHaveLength(data.events.length);
    // One slide per event (plus the title slide), each under the event's unique_id.
    for (const event of data.events) expect(loaded.slides).toContain(event.unique_id);
    // TimelineJS read each start as the first day the EDTF date states (open starts aside): for a
    // qualified date (c. September 2018) that is the date as written, not the earliest day its
    // margin allows (dateStart: August 2018).
    const list = (await as('viewer').get(`/api/statements?${query}&_end=1000`).expect(200)).body as {
      id: number;
      date: string;
      dateStart: string;
    }[];
    for (const row of list.filter((r) => r.dateStart !== '-infinity')) {
      const stated = /[?~%]/.test(row.date)
        ? (
            await as('viewer')
              .get('/api/edtf')
              .query({ date: row.date.replace(/[?~%]/g, '') })
              .expect(200)
          ).body.dateStart
        : row.dateStart;
      expect(loaded.events.find((e) => e.id === `statement-${row.id}`)?.start).toBe(stated);
    }
    // Each event's headline is on its marker in the time navigation.
    const markerTexts = await page.$$eval('.tl-timemarker-content-container', (nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(markerTexts).toHaveLength(data.events.length);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
