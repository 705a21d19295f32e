import { readFile } from 'node:fs/promises';
import {
  AdminPage,
  AdminSuite,
  api,
  choose,
  cssOf,
  openAdmin,
  renderedFonts,
  saveScreenshot,
  startAdminSuite,
  stopAdminSuite,
  waitUntil,
} from '../support/admin-ui';

/** Reading the seed case as a timeline in Chromium: periods, planned entries, speakers in lanes. */

let suite: AdminSuite;
let ui: AdminPage | undefined;
beforeAll(async () => {
  suite = await startAdminSuite();
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

/** Reads through the API, as a viewer (who is also who reads the timeline in these tests). */
const read = (url: string) => api(suite, 'viewer').get(url).expect(200);
const actorNamed = async (q: string) => (await read(`/api/actors?q=${encodeURIComponent(q)}`)).body[0];
const entries = (page: AdminPage['page']) => page.getByTestId('timeline-entry');

it('reads the whole seed case month by month, with the planned summit drawn as planned', async () => {
  const all = (await read('/api/timeline?limit=500')).body;
  ui = await openAdmin(suite, '/', { as: 'viewer' });
  const { page } = ui;
  // A new user starts from the menu.
  await page.getByRole('menuitem', { name: 'Timeline' }).click();
  await page.waitForURL(/\/timeline$/);
  await waitUntil(() => entries(page).count(), all.total, 'entries on the timeline');

  const shownIds = await entries(page).evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-entry-id'))));
  expect(shownIds).toEqual(all.entries.map((entry: { id: number }) => entry.id));
  const periods = await page.locator('[data-testid="timeline-period"] > h2').allInnerTexts();
  // Entries known only by a latest day ("by January 2019") open the timeline in a band of their own.
  expect(periods).toEqual([
    'Dated only by a latest day',
    '1956',
    'c. September 2018 – January 2019',
    'November 2018',
    'January 2019',
    'June 2019',
  ]);

  const planned = all.entries.filter((entry: { status: string }) => entry.status === 'planned');
  expect(planned.length).toBeGreaterThan(0);
  for (const entry of planned) {
    const card = page.locator(`[data-testid="timeline-entry"][data-entry-id="${entry.id}"]`);
    expect(await card.innerText()).toMatch(/planned/);
    expect(await cssOf(card, 'border-top-style')).toBe('dashed');
  }
  const occurred = page.locator('[data-testid="timeline-entry"][data-status="occurred"]').first();
  expect(await cssOf(occurred, 'border-top-style')).toBe('solid');
  expect(ui.problems).toEqual([]);
});

it('filters by two speakers through the sidebar and puts each in a lane of its own', async () => {
  const lavrov = await actorNamed('Lavrov');
  const kono = await actorNamed('Kono');
  const perSpeaker = new Map<number, number[]>();
  for (const speaker of [lavrov, kono]) {
    const page = (await read(`/api/timeline?speakerId=${speaker.id}&limit=500`)).body;
    perSpeaker.set(
      speaker.id,
      page.entries.map((entry: { id: number }) => entry.id),
    );
  }

  ui = await openAdmin(suite, '/timeline', { as: 'viewer' });
  const { page } = ui;
  const speakers = page.getByPlaceholder('Any speaker');
  await choose(page, speakers, 'Lavrov', 'Sergey Lavrov (Сергей Лавров)');
  await choose(page, speakers, '河野', 'Taro Kono (河野太郎)');
  await page.getByRole('button', { name: 'Lanes by speaker' }).click();

  const expectedTotal = perSpeaker.get(lavrov.id)!.length + perSpeaker.get(kono.id)!.length;
  await waitUntil(() => entries(page).count(), expectedTotal, 'entries in the lanes');
  const url = new URL(page.url());
  expect(url.pathname).toBe('/timeline');
  expect(url.searchParams.getAll('speakerId')).toEqual([String(lavrov.id), String(kono.id)]);
  expect(url.searchParams.get('view')).toBe('lanes');

  const headers = page.getByTestId('timeline-lane-header');
  expect(await headers.evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-speaker-id'))))).toEqual([
    lavrov.id,
    kono.id,
  ]);
  expect((await headers.allInnerTexts()).map((text) => text.split('\n')[0])).toEqual(['Sergey Lavrov', 'Taro Kono']);
  for (const speaker of [lavrov, kono]) {
    const inLane = await page
      .locator(`[data-testid="timeline-lane"][data-speaker-id="${speaker.id}"] [data-testid="timeline-entry"]`)
      .evaluateAll((cards) => cards.map((card) => Number(card.getAttribute('data-entry-id'))));
    expect(inLane).toEqual(perSpeaker.get(speaker.id));
  }
  await saveScreenshot(page, 'admin-timeline-lanes');

  // Native names carry their language, and Japanese is drawn with a CJK font (not empty boxes).
  const nativeName = (speaker: { id: number }, lang: string) =>
    `[data-testid="timeline-lane-header"][data-speaker-id="${speaker.id}"] [lang="${lang}"]`;
  expect(await page.locator(nativeName(kono, 'ja')).innerText()).toBe('河野太郎');
  expect(await page.locator(nativeName(lavrov, 'ru')).innerText()).toBe('Сергей Лавров');
  expect((await renderedFonts(page, nativeName(kono, 'ja'))).join()).toMatch(/CJK/);
  expect(await renderedFonts(page, nativeName(lavrov, 'ru'))).not.toEqual([]);

  // The URL alone reproduces the view.
  const again = await openAdmin(suite, `${url.pathname}${url.search}`, { as: 'viewer' });
  try {
    await waitUntil(() => entries(again.page).count(), expectedTotal, 'entries in the reopened lanes');
    expect(await again.page.getByTestId('timeline-lane-header').count()).toBe(2);
  } finally {
    await again.close();
  }

  // An item opens its statement.
  const first = perSpeaker.get(kono.id)![0];
  const headline = (await read(`/api/statements/${first}`)).body.headline;
  await page.locator(`[data-testid="timeline-entry"][data-entry-id="${first}"] a`).click();
  await page.waitForURL(new RegExp(`/statements/${first}/show$`));
  await page.getByRole('heading', { name: headline, level: 1 }).waitFor();
  expect(ui.problems).toEqual([]);
});

it("exports the timeline's selection, newest first, as a TimelineJS file from the server", async () => {
  const lavrov = await actorNamed('Lavrov');
  const timeline = (await read(`/api/timeline?speakerId=${lavrov.id}&order=desc&limit=500`)).body;
  ui = await openAdmin(suite, `/timeline?speakerId=${lavrov.id}&order=desc`, { as: 'viewer' });
  const { page } = ui;
  await waitUntil(() => entries(page).count(), timeline.total, 'entries on the timeline');

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^TimelineJS/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^statements-sergey-lavrov-\d{4}-\d{2}-\d{2}\.timeline\.json$/);
  const url = new URL(download.url());
  expect(url.searchParams.get('ticket')).toMatch(/\S{16,}/);
  url.searchParams.delete('ticket');
  expect(Object.fromEntries(url.searchParams)).toEqual({
    format: 'timelinejs',
    speakerId: String(lavrov.id),
    _sort: 'date',
    _order: 'DESC',
  });
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported.events).toHaveLength(timeline.total);
  expect(ui.problems).toEqual([]);
});

it('serves the API documentation beside the admin, on the same origin, to a signed-in curator', async () => {
  ui = await openAdmin(suite, '/api/docs');
  await ui.page.getByText('Chronicle API').first().waitFor();
  expect(await ui.page.title()).toMatch(/Swagger/);
  await ui.close();
  // Without a session (and without PUBLIC_READ) the page loads, the document does not.
  ui = await openAdmin(suite, '/api/docs', { as: null });
  await ui.page
    .getByText(/Failed to load API definition/)
    .first()
    .waitFor();
  expect(await ui.page.getByText('Chronicle API').count()).toBe(0);
});
