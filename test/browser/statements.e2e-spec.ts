import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import {
  AdminPage,
  AdminSuite,
  api,
  choose,
  expectRowCount,
  openAdmin,
  saveScreenshot,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
  waitUntil,
} from '../support/admin-ui';

/** Curating statements in the admin, in Chromium, against the real server on the seed case. */

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

/** Reads through the API, as a viewer. */
const read = (url: string) => api(suite, 'viewer').get(url).expect(200);
const actorNamed = async (q: string) => (await read(`/api/actors?q=${encodeURIComponent(q)}`)).body[0];

it('filters the list by speaker through the sidebar, several at once, and keeps the filter in the URL', async () => {
  const lavrov = await actorNamed('Lavrov');
  const kono = await actorNamed('Kono');
  const lavrovCount = Number((await read(`/api/statements?speakerId=${lavrov.id}`)).headers['x-total-count']);
  const bothCount = Number((await read(`/api/statements?speakerId=${lavrov.id}&speakerId=${kono.id}`)).headers['x-total-count']);
  const allCount = Number((await read('/api/statements')).headers['x-total-count']);
  expect(lavrovCount).toBeGreaterThan(0);
  expect(bothCount).toBeGreaterThan(lavrovCount);

  ui = await openAdmin(suite, '/statements');
  const { page } = ui;
  await expectRowCount(page, allCount);

  // Found by the native name: the API's q searches name, native name and aliases.
  const speakers = page.getByPlaceholder('Any speaker');
  await choose(page, speakers, 'Лавров', 'Sergey Lavrov (Сергей Лавров)');
  await expectRowCount(page, lavrovCount);
  const speakerCells = await tableRows(page).locator('td.column-speakerName').allInnerTexts();
  expect(speakerCells.every((text) => text.startsWith('Sergey Lavrov'))).toBe(true);
  expect(decodeURIComponent(page.url())).toContain(`"speakerId":[${lavrov.id}]`);

  await choose(page, speakers, 'Kono', 'Taro Kono (河野太郎)');
  await expectRowCount(page, bothCount);
  await saveScreenshot(page, 'admin-statements');

  // The URL is the view: opened afresh (a bookmark, a shared link) it shows the same rows.
  const bookmark = page.url();
  const again = await openAdmin(suite, bookmark.slice(suite.base.length));
  try {
    await expectRowCount(again.page, bothCount);
    const names = new Set((await tableRows(again.page).locator('td.column-speakerName').allInnerTexts()).map((t) => t.split('\n')[0]));
    expect([...names].sort()).toEqual(['Sergey Lavrov', 'Taro Kono']);
    expect(again.problems).toEqual([]);
  } finally {
    await again.close();
  }
  expect(ui.problems).toEqual([]);
});

it('creates a statement through the form, with a month date and a topic created on the spot, and finds it in the list', async () => {
  ui = await openAdmin(suite, '/statements/create');
  const { page } = ui;

  const date = page.getByRole('textbox', { name: /^Date/ });
  await date.fill('2019-06');
  await page.getByTestId('edtf-reading').filter({ hasText: 'June 2019' }).waitFor();

  await choose(page, page.getByRole('combobox', { name: /^Speaker/ }), '河野', 'Taro Kono (河野太郎)');
  const headline = 'Kono expects a peace treaty framework at the June summit';
  await page.getByRole('textbox', { name: /^Headline/ }).fill(headline);
  await page.getByRole('textbox', { name: /^Quote$/ }).fill('平和条約の枠組みを6月の首脳会談で合意したい');
  await page.getByRole('textbox', { name: /^Quote language/ }).fill('ja');

  await choose(page, page.getByRole('combobox', { name: /^Topics/ }), 'Fisheries quota', 'Add topic “Fisheries quota”');
  await page.locator('.MuiAutocomplete-tag', { hasText: 'Fisheries quota' }).waitFor();

  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/statements\/\d+\/show$/);
  const id = Number(/statements\/(\d+)\/show/.exec(page.url())![1]);
  await page.getByRole('heading', { name: headline, level: 1 }).waitFor();

  const stored = (await read(`/api/statements/${id}`)).body;
  const topic = (await read('/api/topics?q=Fisheries')).body;
  expect(topic).toHaveLength(1);
  expect(stored).toMatchObject({ date: '2019-06', displayDate: 'June 2019', headline, quoteLanguage: 'ja', topicIds: [topic[0].id] });
  expect(stored.speakerId).toBe((await actorNamed('Kono')).id);

  await page.getByRole('menuitem', { name: 'Statements' }).click();
  const row = tableRows(page).filter({ hasText: headline });
  await row.waitFor();
  expect(await row.locator('td.column-date').innerText()).toBe('June 2019');
  expect(await row.locator('td.column-speakerName').innerText()).toContain('Taro Kono');
  expect(await row.innerText()).toContain('Fisheries quota');
  expect(ui.problems).toEqual([]);
});

it('sorts by speaker name and by stance score on the server', async () => {
  const bySpeaker = (await read('/api/statements?_sort=speakerName&_order=ASC&_start=0&_end=25')).body;
  const speakerNames = new Map<number, string>();
  for (const actor of (await read('/api/actors?_end=1000')).body) speakerNames.set(actor.id, actor.name);
  ui = await openAdmin(suite, '/statements');
  const { page } = ui;
  await expectRowCount(page, Math.min(25, Number((await read('/api/statements')).headers['x-total-count'])));

  await page.getByRole('columnheader', { name: 'Speaker' }).getByRole('button').click();
  await page.waitForURL(/sort=speakerName/);
  await waitUntil(
    async () => (await tableRows(page).locator('td.column-speakerName').allInnerTexts()).map((text) => text.split('\n')[0]).join('|'),
    bySpeaker.map((statement: { speakerId: number }) => speakerNames.get(statement.speakerId)).join('|'),
    'speakers in server order',
  );

  const byStance = (await read('/api/statements?_sort=stanceScore&_order=ASC&_start=0&_end=25')).body;
  await page.getByRole('columnheader', { name: 'Stance' }).getByRole('button').click();
  await page.waitForURL(/sort=stanceScore/);
  await waitUntil(
    async () => (await tableRows(page).locator('td.column-headline').allInnerTexts()).map((text) => text.split('\n')[0]).join('|'),
    byStance.map((statement: { headline: string }) => statement.headline).join('|'),
    'headlines in stance order',
  );
  expect(ui.problems).toEqual([]);
});

it('edits a statement and saves the whole record before showing it', async () => {
  const lavrov = await actorNamed('Lavrov');
  const [before] = (await read(`/api/statements?speakerId=${lavrov.id}&_sort=date&_order=DESC&_end=1`)).body;
  const critical = (await read('/api/stances?q=Critical')).body[0];
  ui = await openAdmin(suite, `/statements/${before.id}`);
  const { page } = ui;
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  await headline.waitFor();
  expect(await headline.inputValue()).toBe(before.headline);
  await headline.fill(`${before.headline} (edited)`);
  await page.getByRole('combobox', { name: /^Stance/ }).click();
  await page.getByRole('option', { name: /^Critical/ }).click();
  await page.getByRole('button', { name: 'Save' }).click();

  await page.waitForURL(new RegExp(`/statements/${before.id}/show$`));
  await page.getByRole('heading', { name: `${before.headline} (edited)`, level: 1 }).waitFor();
  const after = (await read(`/api/statements/${before.id}`)).body;
  const editor = suite.app.users.editor;
  expect(after).toEqual({
    ...before,
    headline: `${before.headline} (edited)`,
    stanceId: critical.id,
    updatedAt: after.updatedAt,
    version: before.version + 1,
    updatedBy: { id: editor.id, name: editor.displayName },
  });
  expect(ui.problems).toEqual([]);
});

it("shows the server's validation message on the field it concerns, and stores nothing", async () => {
  const before = Number((await read('/api/statements')).headers['x-total-count']);
  ui = await openAdmin(suite, '/statements/create');
  const { page } = ui;
  const date = page.getByRole('textbox', { name: /^Date/ });
  await date.fill('2019-13-45');
  await choose(page, page.getByRole('combobox', { name: /^Speaker/ }), 'Lavrov', 'Sergey Lavrov (Сергей Лавров)');
  await page.getByRole('textbox', { name: /^Headline/ }).fill('A date no calendar has');
  await page.getByRole('button', { name: 'Save' }).click();

  await page.locator('input[name="date"][aria-invalid="true"]').waitFor();
  const describedBy = await page.locator('input[name="date"]').getAttribute('aria-describedby');
  const message = page.locator(`[id="${describedBy}"]`);
  expect(await message.innerText()).toMatch(/^date is not a valid EDTF date: "2019-13-45"/);
  expect(await message.getAttribute('class')).toContain('Mui-error');
  expect(await page.getByRole('textbox', { name: /^Headline/ }).getAttribute('aria-invalid')).toBe('false');
  expect(page.url()).toMatch(/\/statements\/create$/);
  expect(Number((await read('/api/statements')).headers['x-total-count'])).toBe(before);
  expect(ui.problems).toEqual([]);
});

it('renders an HTML-looking quote as text, in the record card, the list and the timeline', async () => {
  const lavrov = await actorNamed('Lavrov');
  const quote = '<img src=x onerror=alert(1)>';
  const created = await api(suite, 'editor')
    .post('/api/statements')
    .send({ date: '2019-02', headline: '<b>Markup</b> in a headline', quote, speakerId: lavrov.id })
    .expect(201);

  ui = await openAdmin(suite, `/statements/${created.body.id}/show`);
  const { page } = ui;
  const shown = page.getByTestId('statement-quote');
  await shown.waitFor();
  expect(await shown.textContent()).toBe(quote);
  await page.getByRole('heading', { name: '<b>Markup</b> in a headline', level: 1 }).waitFor();
  const injected = () => page.locator('img[src="x"], b:text("Markup")').count();
  expect(await injected()).toBe(0);

  await page.goto(`/timeline?speakerId=${lavrov.id}`);
  const entry = page.locator(`[data-testid="timeline-entry"][data-entry-id="${created.body.id}"]`);
  await entry.waitFor();
  expect(await entry.innerText()).toContain(quote);
  expect(await injected()).toBe(0);

  await page.goto(`/statements?filter=${encodeURIComponent(JSON.stringify({ q: 'Markup' }))}`);
  await expectRowCount(page, 1);
  expect(await tableRows(page).innerText()).toContain(quote);

  expect(await injected()).toBe(0);
  expect(ui.problems).toEqual([]);
});

it("downloads the server's export of the filtered, sorted list, not just the rows on screen", async () => {
  const lavrov = await actorNamed('Lavrov');
  const kono = await actorNamed('Kono');
  const filter = { speakerId: [lavrov.id, kono.id] };
  const expected = (await read(`/api/statements?speakerId=${lavrov.id}&speakerId=${kono.id}&_sort=date&_order=DESC&_end=1000`)).body;
  ui = await openAdmin(
    suite,
    `/statements?${new URLSearchParams({ filter: JSON.stringify(filter), sort: 'date', order: 'DESC', perPage: '5' })}`,
  );
  const { page } = ui;
  await expectRowCount(page, 5);

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^CSV R, pandas/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^statements-sergey-lavrov-taro-kono-\d{4}-\d{2}-\d{2}\.csv$/);
  const url = new URL(download.url());
  expect(url.pathname).toBe('/api/statements/export');
  // A plain download sends no Authorization header: a one-use ticket stands in for the session.
  expect(url.searchParams.get('ticket')).toMatch(/\S{16,}/);
  url.searchParams.delete('ticket');
  expect([...url.searchParams.entries()].sort()).toEqual(
    [
      ['format', 'csv'],
      ['speakerId', String(lavrov.id)],
      ['speakerId', String(kono.id)],
      ['_sort', 'date'],
      ['_order', 'DESC'],
    ].sort(),
  );
  const rows = parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { columns: true, bom: true });
  // Every matching statement, in the list's order — more than the five rows on screen.
  expect(rows.map((row) => Number(row.id))).toEqual(expected.map((statement: { id: number }) => statement.id));
  expect(rows.length).toBeGreaterThan(5);
  expect(ui.problems).toEqual([]);
});

it('marks the selected statements verified and adds a topic to each, through react-admin’s stock updateMany', async () => {
  const lavrov = await actorNamed('Lavrov');
  const sovereignty = (await read('/api/topics?q=Sovereignty')).body[0];
  const sanctions = (await api(suite, 'editor').post('/api/topics').send({ name: 'Bulk-edited topic' }).expect(201)).body;
  const made: { id: number }[] = [];
  for (const headline of ['Bulk edit one', 'Bulk edit two']) {
    const body = { date: '2019-02', headline, speakerId: lavrov.id, topicIds: [sovereignty.id] };
    made.push((await api(suite, 'editor').post('/api/statements').send(body).expect(201)).body);
  }
  const statements = async () => Promise.all(made.map(async (s) => (await read(`/api/statements/${s.id}`)).body));

  ui = await openAdmin(suite, `/statements?${new URLSearchParams({ filter: JSON.stringify({ q: 'Bulk edit' }) })}`);
  const { page } = ui;
  await expectRowCount(page, 2);
  const selectBoth = async () => {
    for (const row of await tableRows(page).all()) await row.locator('input[type="checkbox"]').check();
  };

  await selectBoth();
  await page.getByRole('button', { name: 'Mark verified' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('2 saved').waitFor();
  await waitUntil(
    async () => (await tableRows(page).locator('td.column-reviewStatus').allInnerTexts()).join('|').toLowerCase(),
    'verified|verified',
    'review cells',
  );
  expect((await statements()).map((s) => [s.reviewStatus, s.version])).toEqual([
    ['verified', 2],
    ['verified', 2],
  ]);

  await selectBoth();
  await page.getByRole('button', { name: 'Add topic' }).click();
  await choose(page, page.getByRole('dialog').getByLabel('Topic'), 'Bulk-edited', 'Bulk-edited topic');
  await page.getByRole('dialog').getByRole('button', { name: 'Add' }).click();
  await page.getByText('2 saved').waitFor();
  expect((await statements()).map((s) => s.topicIds)).toEqual([
    [sovereignty.id, sanctions.id],
    [sovereignty.id, sanctions.id],
  ]);
  expect(ui.problems).toEqual([]);
});
