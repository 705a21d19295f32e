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
import { STATEMENT_FILTER_KEYS } from '../../admin/src/statements/statementFilters';
import { STATEMENT_FILTERS } from '../../server/src/statements/statement-query';
import { PHONE } from '../support/accessibility';

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
  // The address says what the list shows, in the API's own words (not react-admin's JSON).
  const address = new URL(page.url());
  expect(address.searchParams.getAll('speakerId')).toEqual([String(lavrov.id)]);
  expect(address.searchParams.has('filter')).toBe(false);

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

it('opens a pasted readable address as the list it names, with its filters shown, and keeps the address readable', async () => {
  const lavrov = await actorNamed('Lavrov');
  const rejecting = (await read('/api/stances?q=Rejecting')).body[0];
  const query = `speakerId=${lavrov.id}&stanceId=${rejecting.id}&q=islands`;
  const expected = (await read(`/api/statements?${query}&_sort=date&_order=ASC`)).body;
  expect(expected.length).toBeGreaterThan(0);

  // On a phone the filters are behind a button: the chips say what the link narrows the list to.
  ui = await openAdmin(suite, `/statements?${query}`, { viewport: PHONE });
  let { page } = ui;
  await waitUntil(() => page.getByTestId('statement-card').count(), expected.length, 'statement cards');
  await waitUntil(
    async () => (await page.getByTestId('active-filters').getByRole('button').allInnerTexts()).join(' | '),
    'Search: islands | Speaker: Sergey Lavrov | Stance: Rejecting',
    'the active filters, named',
  );
  expect(page.url()).toBe(`${suite.base}/statements?${query}`);
  await ui.close();

  // On a desktop, the sidebar's fields hold them; choosing another filter rewrites the address, readably.
  ui = await openAdmin(suite, `/statements?${query}`);
  page = ui.page;
  await expectRowCount(page, expected.length);
  const sidebar = page.getByRole('complementary', { name: 'Filters' });
  expect(await sidebar.getByTestId('filter-speakerId').innerText()).toContain('Sergey Lavrov');
  expect(await sidebar.getByTestId('filter-stanceId').innerText()).toContain('Rejecting');
  expect(await sidebar.getByPlaceholder('Search').inputValue()).toBe('islands');
  const kono = await actorNamed('Kono');
  const both = (await read(`/api/statements?${query}&speakerId=${kono.id}`)).headers['x-total-count'];
  await choose(page, sidebar.getByPlaceholder('Any speaker'), 'Kono', 'Taro Kono (河野太郎)');
  await page.waitForURL((url) => url.searchParams.getAll('speakerId').length === 2);
  expect([...new URL(page.url()).searchParams]).toEqual([
    ['speakerId', String(lavrov.id)],
    ['speakerId', String(kono.id)],
    ['stanceId', String(rejecting.id)],
    ['q', 'islands'],
    ['sort', 'date'],
    ['order', 'ASC'],
  ]);
  await expectRowCount(page, Number(both));
  expect(ui.problems).toEqual([]);
});

it("names the list's address parameters as the API names its filters", () => {
  expect([...STATEMENT_FILTER_KEYS].sort()).toEqual(Object.keys(STATEMENT_FILTERS).sort());
});

it("still opens an old link with react-admin's filter JSON, at its readable address", async () => {
  const lavrov = await actorNamed('Lavrov');
  const expected = await read(`/api/statements?speakerId=${lavrov.id}&q=Abe`);
  const old = new URLSearchParams({
    filter: JSON.stringify({ speakerId: [lavrov.id], q: 'Abe' }),
    sort: 'date',
    order: 'DESC',
    page: '1',
    perPage: '10',
  });
  ui = await openAdmin(suite, `/statements?${old}`);
  const { page } = ui;
  await page.waitForURL((url) => !url.searchParams.has('filter'));
  expect([...new URL(page.url()).searchParams]).toEqual([
    ['speakerId', String(lavrov.id)],
    ['q', 'Abe'],
    ['sort', 'date'],
    ['order', 'DESC'],
    ['perPage', '10'],
  ]);
  await expectRowCount(page, Number(expected.headers['x-total-count']));
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

it("brings the server's refusal where the eye is: the field scrolled to and focused, the notification naming it", async () => {
  ui = await openAdmin(suite, '/statements/create');
  const { page } = ui;
  await page.getByRole('textbox', { name: /^Date/ }).fill('2019-13-45');
  await choose(page, page.getByRole('combobox', { name: /^Speaker/ }), 'Lavrov', 'Sergey Lavrov (Сергей Лавров)');
  await page.getByRole('textbox', { name: /^Headline/ }).fill('A date the server refuses');
  // Saving from the bottom of the form, the Date field far above, out of view.
  const save = page.getByRole('button', { name: 'Save' });
  await save.scrollIntoViewIfNeeded();
  const date = page.locator('input[name="date"]');
  const inView = async (locator: typeof date) => {
    const box = (await locator.boundingBox())!;
    return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
  };
  expect(await inView(date)).toBe(false);
  await save.click();

  await page.locator('input[name="date"][aria-invalid="true"]').waitFor();
  await waitUntil(() => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null), 'date', 'the focused input');
  expect(await inView(date)).toBe(true);
  const toast = page.locator('.MuiSnackbar-root');
  await toast.waitFor();
  expect(await toast.innerText()).toMatch(/^Date: is not a valid EDTF date: "2019-13-45"/);
  expect(await toast.innerText()).not.toMatch(/form is not valid/);

  // Errors found before sending read the same way: by field.
  await page.getByRole('textbox', { name: /^Date/ }).fill('2019-01-14');
  await page.getByRole('textbox', { name: /^Headline/ }).fill('');
  await save.click();
  await page.locator('.MuiSnackbar-root', { hasText: /^Headline: Required/ }).waitFor();
  await waitUntil(() => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null), 'headline', 'the focused input');
  expect(ui.problems).toEqual([]);
});

it('says the server cannot be reached when opening Edit, keeps what was typed through a failed save, and retries', async () => {
  const lavrov = await actorNamed('Lavrov');
  const [statement] = (await read(`/api/statements?speakerId=${lavrov.id}&_sort=date&_order=ASC&_end=1`)).body;
  ui = await openAdmin(suite, `/statements/${statement.id}/show`);
  const { page } = ui;
  await page.getByRole('heading', { name: statement.headline, level: 1 }).waitFor();

  // The API becomes unreachable after the page has loaded: reloaded, the record page keeps the
  // record and says the server cannot be reached.
  await page.route('**/api/**', (route) => route.abort());
  await page.getByRole('button', { name: 'Refresh' }).click();
  expect(await page.getByTestId('record-unreachable').innerText()).toMatch(/Cannot reach the server/);
  await page.getByRole('heading', { name: statement.headline, level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL(new RegExp(`/statements/${statement.id}$`));
  const reload = page.getByTestId('record-unreachable');
  await reload.waitFor();
  expect(await reload.innerText()).toMatch(/Cannot reach the server/);
  // Not bounced to the list: the form, with the record as loaded earlier.
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  expect(await headline.inputValue()).toBe(statement.headline);
  expect(page.url()).toMatch(new RegExp(`/statements/${statement.id}$`));
  expect(await page.getByText(/does not exist|No Statements found/).count()).toBe(0);

  // A save that gets no answer keeps what was typed, and says so above Save.
  await headline.fill(`${statement.headline} (typed offline)`);
  await page.getByRole('button', { name: 'Save' }).click();
  const saveFailed = page.getByTestId('save-unreachable');
  await saveFailed.waitFor();
  expect(await saveFailed.innerText()).toMatch(/Nothing was saved; your changes are still in the form/);
  expect(await headline.inputValue()).toBe(`${statement.headline} (typed offline)`);
  expect(page.url()).toMatch(new RegExp(`/statements/${statement.id}$`));

  // Back online: Retry sends it.
  await page.unroute('**/api/**');
  await saveFailed.getByRole('button', { name: 'Retry' }).click();
  await page.waitForURL(new RegExp(`/statements/${statement.id}/show$`));
  await page.getByRole('heading', { name: `${statement.headline} (typed offline)`, level: 1 }).waitFor();
  expect((await read(`/api/statements/${statement.id}`)).body.headline).toBe(`${statement.headline} (typed offline)`);
  expect(ui.problems).toEqual([]);
});

it('shows a list it cannot read as "Cannot reach the server" with Retry, not as an empty list', async () => {
  const sources = Number((await read('/api/sources')).headers['x-total-count']);
  ui = await openAdmin(suite, '/statements');
  const { page } = ui;
  await tableRows(page).first().waitFor();
  await page.route('**/api/**', (route) => route.abort());
  await page.getByRole('menuitem', { name: 'Sources' }).click();
  const error = page.getByTestId('list-load-error');
  await error.waitFor();
  expect(await error.innerText()).toMatch(/Cannot reach the server/);
  expect(await page.getByText(/No Sources|of \d+/).count()).toBe(0);

  await page.unroute('**/api/**');
  await error.getByRole('button', { name: 'Retry' }).click();
  await expectRowCount(page, sources);
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

it('creates the speaker from the form, guessing from its name that the Government of Russia is an organization', async () => {
  ui = await openAdmin(suite, '/statements/create');
  const { page } = ui;
  await choose(page, page.getByRole('combobox', { name: /^Speaker/ }), 'Government of Russia', 'New actor “Government of Russia”…');
  const dialog = page.getByRole('dialog', { name: 'New actor' });
  const kind = dialog.getByRole('combobox', { name: /^Kind/ });
  // The guess is shown, with why, for the user to confirm or change.
  expect(await kind.innerText()).toBe('organization');
  const describedBy = (await kind.getAttribute('aria-describedby'))!.split(' ');
  const hints = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(hints.join(' ')).toMatch(/Guessed from “Government”/);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .getByRole('combobox', { name: /^Speaker/ })
    .and(page.locator('[value="Government of Russia"]'))
    .waitFor();
  const [created] = (await read(`/api/actors?q=${encodeURIComponent('Government of Russia')}`)).body;
  expect(created).toMatchObject({ name: 'Government of Russia', kind: 'organization' });
  expect(ui.problems).toEqual([]);
});

it("guesses a new actor's kind as its name is typed, until the user chooses one", async () => {
  ui = await openAdmin(suite, '/actors/create');
  const { page } = ui;
  const name = page.getByRole('textbox', { name: /^Name/ });
  const kind = page.getByRole('combobox', { name: /^Kind/ });
  await name.fill('Maria Zakharova');
  await waitUntil(() => kind.innerText(), 'person', 'the guess for a person');
  await name.fill('Ministry of Foreign Affairs of Japan');
  await waitUntil(() => kind.innerText(), 'organization', 'the guess for a ministry');
  await page.getByText(/Guessed from “Ministry”/).waitFor();
  // The user's choice wins over any later guess.
  await kind.click();
  await page.getByRole('option', { name: 'person' }).click();
  await name.fill('Ministry of Foreign Affairs');
  await page.getByText('As you chose').waitFor();
  expect(await kind.innerText()).toBe('person');
  expect(ui.problems).toEqual([]);
});

it('records a reply that carries the topics and the sources, with their roles and locators', async () => {
  const all = (await read('/api/statements?_start=0&_end=500')).body as Array<{ id: number; key: string | null }>;
  const original = (await read(`/api/statements/${all.find((s) => s.key === 'lavrov-russian-territories')!.id}`)).body;
  expect(original.sources.length).toBeGreaterThan(0);
  expect(original.sources[0].locator).toBeTruthy();
  ui = await openAdmin(suite, `/statements/${original.id}/show`);
  const { page } = ui;
  await page.getByRole('link', { name: 'Record a reply' }).click();
  await page.waitForURL(/\/statements\/create$/);
  const locator = page.getByRole('textbox', { name: /^Where in the source/ }).first();
  await waitUntil(() => locator.inputValue(), original.sources[0].locator, 'the locator carried over');

  await page.getByRole('textbox', { name: /^Date/ }).fill('2019-01-15');
  await choose(page, page.getByRole('combobox', { name: /^Speaker/ }), 'Kono', 'Taro Kono (河野太郎)');
  await page.getByRole('textbox', { name: /^Headline/ }).fill('Kono answers Lavrov on the islands');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/statements\/\d+\/show$/);
  const id = Number(/statements\/(\d+)\/show/.exec(page.url())![1]);
  const reply = (await read(`/api/statements/${id}`)).body;
  expect(reply).toMatchObject({ respondsToId: original.id, topicIds: original.topicIds, sourceIds: original.sourceIds });
  expect(reply.sources).toEqual(
    original.sources.map((citation: { sourceId: number; role: string | null; locator: string | null }) => ({
      sourceId: citation.sourceId,
      role: citation.role,
      locator: citation.locator,
      excerpt: null,
    })),
  );
  expect(ui.problems).toEqual([]);
});
