import { readFile } from 'node:fs/promises';
import {
  AdminPage,
  AdminSuite,
  api,
  choose,
  cssOf,
  expectRowCount,
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

it('lines the lanes up by date: the same day opposite, a month-only entry in a row of its own', async () => {
  const lavrov = await actorNamed('Lavrov');
  const kono = await actorNamed('Kono');
  type Entry = { id: number; date: string; speaker: { id: number } };
  const { entries: all } = (await read(`/api/timeline?speakerId=${lavrov.id}&speakerId=${kono.id}&limit=500`)).body as {
    entries: Entry[];
  };
  const ids = (speaker: { id: number }, date: string) => all.filter((e) => e.speaker.id === speaker.id && e.date === date).map((e) => e.id);
  const [konoJan14, lavrovJan14, lavrovJanuary] = [ids(kono, '2019-01-14'), ids(lavrov, '2019-01-14'), ids(lavrov, '2019-01')];
  expect(konoJan14.length).toBeGreaterThan(0);
  expect(lavrovJan14.length).toBeGreaterThan(0);
  expect(lavrovJanuary).toHaveLength(1);

  ui = await openAdmin(suite, `/timeline?speakerId=${lavrov.id}&speakerId=${kono.id}&view=lanes`, { as: 'viewer' });
  const { page } = ui;
  await waitUntil(() => entries(page).count(), all.length, 'entries in the lanes');
  const box = async (id: number) => (await page.locator(`[data-testid="timeline-entry"][data-entry-id="${id}"]`).boundingBox())!;

  // Jan. 14 opposite Jan. 14.
  const [konoTop, lavrovTop] = [(await box(konoJan14[0])).y, (await box(lavrovJan14[0])).y];
  expect(Math.abs(konoTop - lavrovTop)).toBeLessThan(1);
  // "January 2019" has its own row, above the days (the longer range first), opposite no card of Kono's.
  const january = await box(lavrovJanuary[0]);
  expect(january.y + january.height).toBeLessThanOrEqual(lavrovTop);
  for (const id of all.filter((e) => e.speaker.id === kono.id).map((e) => e.id)) {
    const card = await box(id);
    expect({ id, overlaps: card.y < january.y + january.height && january.y < card.y + card.height }).toEqual({ id, overlaps: false });
  }
  const monthRow = page.locator('[data-testid="timeline-date-row"][data-date-start="2019-01-01"][data-date-end="2019-01-31"]');
  expect(await monthRow.getByRole('rowheader').innerText()).toMatch(/January 2019\s+no day given/);
  expect(await monthRow.locator(`[data-testid="timeline-lane"][data-speaker-id="${kono.id}"]`).innerText()).toBe('');
  expect(ui.problems).toEqual([]);
});

it('links a reply to the statement it answers (its card on the page, else its record) and a statement to its replies', async () => {
  type Statement = { id: number; key: string | null; headline: string; speakerId: number; respondsToId: number | null };
  const all = (await read('/api/statements?_start=0&_end=500')).body as Statement[];
  const byKey = (key: string) => all.find((s) => s.key === key)!;
  const [abe, lavrovReply] = [byKey('abe-tv-asahi-2019-01-01'), byKey('lavrov-unacceptable')];
  const replies = all.filter((s) => s.respondsToId === abe.id);
  expect(replies.length).toBe(2);
  const card = (page: AdminPage['page'], id: number) => page.locator(`[data-testid="timeline-entry"][data-entry-id="${id}"]`);

  ui = await openAdmin(suite, '/timeline', { as: 'viewer' });
  const { page } = ui;
  await waitUntil(() => entries(page).count(), all.length, 'entries on the timeline');
  const inReplyTo = card(page, lavrovReply.id).getByTestId('timeline-in-reply-to');
  expect(await inReplyTo.innerText()).toBe(`Shinzo Abe, ${abe.headline}`);
  expect(await card(page, abe.id).getByTestId('timeline-in-reply-to').count()).toBe(0);

  // On the page: to its card, which takes the focus, without leaving the timeline.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await inReplyTo.click();
  const focusedEntry = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="timeline-entry"]')?.getAttribute('data-entry-id') ?? null);
  await waitUntil(focusedEntry, String(abe.id), 'the focused card');
  const inView = async () => {
    const box = (await card(page, abe.id).boundingBox())!;
    return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
  };
  await waitUntil(inView, true, 'the card replied to, in view');
  expect(new URL(page.url()).pathname).toBe('/timeline');

  // The statement replied to says how many replies it has, and lists them.
  const repliesLink = card(page, abe.id).getByTestId('timeline-replies');
  expect(await repliesLink.innerText()).toBe('2 replies');
  await repliesLink.click();
  await page.waitForURL(/\/statements\?/);
  expect(new URL(page.url()).searchParams.getAll('respondsToId')).toEqual([String(abe.id)]);
  await expectRowCount(page, 2);

  // Not on the page (only Lavrov's entries): the link opens the record.
  await page.goto(`/timeline?speakerId=${lavrovReply.speakerId}`);
  await card(page, lavrovReply.id).getByTestId('timeline-in-reply-to').click();
  await page.waitForURL(new RegExp(`/statements/${abe.id}/show$`));
  await page.getByRole('heading', { name: abe.headline, level: 1 }).waitFor();
  expect(ui.problems).toEqual([]);
});

it('keeps the previous result on screen, dimmed and busy, while the timeline for a new speaker loads', async () => {
  const lavrov = await actorNamed('Lavrov');
  const kono = await actorNamed('Kono');
  const lavrovOnly = (await read(`/api/timeline?speakerId=${lavrov.id}&limit=500`)).body;
  const both = (await read(`/api/timeline?speakerId=${lavrov.id}&speakerId=${kono.id}&limit=500`)).body;
  ui = await openAdmin(suite, `/timeline?speakerId=${lavrov.id}`, { as: 'viewer' });
  const { page } = ui;
  await waitUntil(() => entries(page).count(), lavrovOnly.total, "Lavrov's entries");

  // The answer for both speakers is held back until the page has been looked at.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(
    (url) => url.pathname === '/api/timeline' && url.searchParams.getAll('speakerId').includes(String(kono.id)),
    async (route) => {
      asked();
      await released;
      await route.continue();
    },
  );
  await choose(page, page.getByPlaceholder('Any speaker'), 'Kono', 'Taro Kono (河野太郎)');
  await requested;

  expect(await page.getByTestId('timeline-count').innerText()).not.toMatch(/Loading/);
  expect(await entries(page).count()).toBe(lavrovOnly.total);
  const results = page.getByTestId('timeline-results');
  expect(await results.getAttribute('aria-busy')).toBe('true');
  expect(Number(await cssOf(results, 'opacity'))).toBeLessThan(1);

  release();
  await waitUntil(() => entries(page).count(), both.total, 'entries of both speakers');
  await waitUntil(() => results.getAttribute('aria-busy'), 'false', 'the timeline no longer busy');
  await waitUntil(async () => Number(await cssOf(results, 'opacity')), 1, 'the timeline at full opacity');
  expect(ui.problems).toEqual([]);
});

it('says when the server cannot be reached, and reloads the timeline on Retry', async () => {
  const lavrov = await actorNamed('Lavrov');
  const timeline = (await read(`/api/timeline?speakerId=${lavrov.id}&limit=500`)).body;
  ui = await openAdmin(suite, `/timeline?speakerId=${lavrov.id}`, { as: 'viewer' });
  const { page } = ui;
  await waitUntil(() => entries(page).count(), timeline.total, "Lavrov's entries");
  await page.route('**/api/**', (route) => route.abort());
  await page.getByRole('button', { name: 'Newest first' }).click();
  const error = page.getByTestId('timeline-load-error');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/Cannot reach the server/);

  await page.unroute('**/api/**');
  await error.getByRole('button', { name: 'Retry' }).click();
  const shownIds = () => entries(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('data-entry-id')).join());
  await waitUntil(
    shownIds,
    timeline.entries
      .map((entry: { id: number }) => entry.id)
      .reverse()
      .join(),
    'entries newest first',
  );
  expect(await error.count()).toBe(0);
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
