import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { TEST_USERS } from '../support/test-users';
import {
  AdminPage,
  AdminSuite,
  api,
  choose,
  expectRowCount,
  openAdmin,
  saveScreenshot,
  signIn,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
  waitUntil,
} from '../support/admin-ui';

/*
 * Saved queries on the server (issue 20, finding 8), in Chromium against the real server on the
 * seed case: saved on the statement list in one browser, found in another (a new browser
 * context that signs in afresh: nothing of the first one's storage), shared with a colleague
 * who applies it and gets the same list, and listed, renamed and deleted on their own page.
 */

let suite: AdminSuite;
const pages: AdminPage[] = [];
beforeAll(async () => {
  suite = await startAdminSuite();
});
afterEach(async () => {
  for (const ui of pages.splice(0)) await ui.close();
});
afterAll(() => stopAdminSuite(suite));

const read = (url: string) => api(suite, 'viewer').get(url).expect(200);
const actorNamed = async (q: string): Promise<{ id: number; name: string }> =>
  (await read(`/api/actors?q=${encodeURIComponent(q)}`)).body[0];
const statementsOf = async (query: string) => (await read(`/api/statements?${query}&_end=1000`)).body as { headline: string }[];

async function open(pathname: string, as: 'admin' | 'editor' | 'viewer' | null): Promise<AdminPage> {
  const ui = await openAdmin(suite, pathname, { as });
  pages.push(ui);
  return ui;
}

/** The saved queries panel of the statement list's filter sidebar. */
const panel = (page: Page) => page.getByTestId('saved-queries');
const savedQuery = (page: Page, name: string | RegExp) => panel(page).getByTestId('saved-query').filter({ hasText: name });

/** Saves the list's current query from the panel; resolves with the body the page sent. */
async function saveCurrentQuery(page: Page, name: string, share: boolean): Promise<Record<string, unknown>> {
  await panel(page).getByRole('button', { name: 'Save current query…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save this query' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
  if (share) await dialog.getByRole('switch', { name: 'Share with the team' }).check();
  const posted = page.waitForResponse(
    (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/saved-queries',
  );
  await dialog.getByRole('button', { name: 'Save' }).click();
  const response = await posted;
  expect(response.status()).toBe(201);
  await dialog.waitFor({ state: 'detached' });
  await savedQuery(page, name).waitFor();
  return response.request().postDataJSON() as Record<string, unknown>;
}

/** The headline of each row on screen, in order. */
/** The headlines of the rows, in order: each is its record's link (the speaker's name may stand above it). */
const headlines = (page: Page) => tableRows(page).locator('td.column-headline a').allInnerTexts();

/** axe-core on one part of the page: its serious and critical violations (none expected). */
async function seriousViolations(page: Page, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

it('keeps a saved query on the server: another browser of the same account finds it and applies it', async () => {
  const lavrov = await actorNamed('Lavrov');
  const all = (await statementsOf('')).length;
  const expected = (await statementsOf(`speakerId=${lavrov.id}&_sort=headline&_order=ASC`)).map((s) => s.headline);
  expect(expected.length).toBeGreaterThan(1);

  const first = await open('/statements', 'editor');
  await expectRowCount(first.page, all);
  await choose(first.page, first.page.getByPlaceholder('Any speaker'), 'Lavrov', /^Sergey Lavrov/);
  await expectRowCount(first.page, expected.length);
  await first.page.locator('thead').getByText('Headline', { exact: true }).click();
  await waitUntil(async () => (await headlines(first.page)).join('\n'), expected.join('\n'), 'the list sorted by headline');

  const sent = await saveCurrentQuery(first.page, 'Lavrov by headline', false);
  expect(sent).toEqual({
    name: 'Lavrov by headline',
    shared: false,
    resource: 'statements',
    query: `speakerId=${lavrov.id}&_sort=headline&_order=ASC`,
  });
  // The one it stands for is marked as applied.
  await waitUntil(
    () =>
      savedQuery(first.page, 'Lavrov by headline')
        .getAttribute('class')
        .then((c) => /Mui-selected/.test(c ?? '')),
    true,
    'marked',
  );
  expect(await seriousViolations(first.page, '[data-testid="saved-queries"]')).toEqual([]);
  expect(first.problems).toEqual([]);

  // Another browser: a context of its own that signs in through the form, nothing carried over.
  const second = await open('/login', null);
  await signIn(second.page, TEST_USERS.editor);
  await second.page.goto('/statements');
  await expectRowCount(second.page, all);
  await savedQuery(second.page, 'Lavrov by headline').click();
  await expectRowCount(second.page, expected.length);
  await waitUntil(async () => (await headlines(second.page)).join('\n'), expected.join('\n'), 'the saved query applied');

  // Renamed and deleted from its menu, there too.
  await panel(second.page).getByRole('button', { name: 'Actions for “Lavrov by headline”' }).click();
  await second.page.getByRole('menuitem', { name: 'Rename…' }).click();
  const dialog = second.page.getByRole('dialog', { name: 'Rename saved query' });
  await dialog.getByRole('textbox', { name: /^Name/ }).fill('Lavrov, A to Z');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await savedQuery(second.page, 'Lavrov, A to Z').waitFor();
  const mine = (await api(suite, 'editor').get('/api/saved-queries?q=Lavrov, A to Z').expect(200)).body;
  expect(mine).toEqual([expect.objectContaining({ name: 'Lavrov, A to Z', version: 2, mine: true, shared: false })]);

  await panel(second.page).getByRole('button', { name: 'Actions for “Lavrov, A to Z”' }).click();
  await second.page.getByRole('menuitem', { name: 'Delete…' }).click();
  await second.page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await savedQuery(second.page, 'Lavrov, A to Z').waitFor({ state: 'detached' });
  await api(suite, 'editor').get(`/api/saved-queries/${mine[0].id}`).expect(404);
  expect(second.problems).toEqual([]);
});

it('shares a saved query with the team: a colleague sees whose it is, applies it, and gets the same list', async () => {
  const kono = await actorNamed('Kono');
  const editor = await open('/statements', 'editor');
  await choose(editor.page, editor.page.getByPlaceholder('Any speaker'), 'Kono', /^Taro Kono/);
  const expected = (await statementsOf(`speakerId=${kono.id}`)).map((s) => s.headline);
  await expectRowCount(editor.page, expected.length);
  const sent = await saveCurrentQuery(editor.page, 'Kono, for the team', true);
  expect(sent).toMatchObject({ shared: true, query: `speakerId=${kono.id}&_sort=date&_order=ASC` });
  const editorRows = await headlines(editor.page);

  // The colleague's own, listed before the team's.
  await api(suite, 'viewer').post('/api/saved-queries').send({ name: 'Drafts to check', query: 'reviewStatus=draft' }).expect(201);
  const viewer = await open('/statements', 'viewer');
  const shared = savedQuery(viewer.page, 'Kono, for the team');
  await shared.waitFor();
  expect(await shared.innerText()).toContain('Shared by Eddie Editor');
  // Read-only to the colleague: no menu to rename or delete it.
  expect(await panel(viewer.page).getByRole('button', { name: 'Actions for “Kono, for the team”' }).count()).toBe(0);
  await shared.click();
  await expectRowCount(viewer.page, expected.length);
  expect(await headlines(viewer.page)).toEqual(editorRows);
  expect(editorRows).toEqual(expected);
  const listed = await panel(viewer.page).getByTestId('saved-query').allInnerTexts();
  expect(listed.map((text) => text.replace(/\s+/g, ' '))).toEqual(['Drafts to check', 'Kono, for the team Shared by Eddie Editor']);
  await saveScreenshot(viewer.page, 'admin-saved-queries');
  expect(await seriousViolations(viewer.page, '[data-testid="saved-queries"]')).toEqual([]);
  expect(viewer.problems).toEqual([]);
});

it('saves a timeline with its lanes and order, which a colleague in another browser applies from the timeline', async () => {
  const [lavrov, kono] = [await actorNamed('Lavrov'), await actorNamed('Kono')];
  const query = `speakerId=${lavrov.id}&speakerId=${kono.id}&view=lanes&order=desc`;
  const editor = await open(`/timeline?${query}`, 'editor');
  await editor.page.getByTestId('timeline-lane-header').nth(1).waitFor();
  const sent = await saveCurrentQuery(editor.page, 'Lavrov and Kono, face to face', true);
  expect(sent).toEqual({ name: 'Lavrov and Kono, face to face', shared: true, resource: 'timeline', query });
  expect(editor.problems).toEqual([]);

  // The statement list keeps its own saved queries: a timeline's is not among them.
  const viewer = await open('/statements', 'viewer');
  await panel(viewer.page).waitFor();
  expect(await savedQuery(viewer.page, 'Lavrov and Kono, face to face').count()).toBe(0);
  await viewer.page.getByRole('menuitem', { name: 'Timeline' }).click();
  await viewer.page.waitForURL(/\/timeline$/);
  const shared = savedQuery(viewer.page, 'Lavrov and Kono, face to face');
  expect(await shared.innerText()).toContain('Shared by Eddie Editor');
  await shared.click();
  await viewer.page.waitForURL((url) => url.pathname === '/timeline' && url.search === `?${query}`);
  const lanes = viewer.page.getByTestId('timeline-lane-header');
  await waitUntil(() => lanes.count(), 2, 'a lane for each speaker');
  expect(await lanes.allInnerTexts()).toEqual([expect.stringContaining('Lavrov'), expect.stringContaining('Kono')]);
  await viewer.page.getByRole('button', { name: 'Newest first', pressed: true }).waitFor();
  expect(await seriousViolations(viewer.page, '[data-testid="saved-queries"]')).toEqual([]);
  expect(viewer.problems).toEqual([]);
});

it('saves an analysis with its tab and settings, which a colleague applies from the analysis page and from the list of saved queries', async () => {
  const lavrov = await actorNamed('Lavrov');
  const query = `speakerId=${lavrov.id}&view=network&kind=actor-conflict`;
  const editor = await open(`/analysis?${query}`, 'editor');
  await editor.page.getByRole('button', { name: 'Conflict', pressed: true }).waitFor();
  const sent = await saveCurrentQuery(editor.page, 'Who disagrees with Lavrov', true);
  expect(sent).toEqual({ name: 'Who disagrees with Lavrov', shared: true, resource: 'analysis', query });
  expect(editor.problems).toEqual([]);

  // The timeline keeps its own: an analysis is not among them.
  const viewer = await open('/timeline', 'viewer');
  await panel(viewer.page).waitFor();
  expect(await savedQuery(viewer.page, 'Who disagrees with Lavrov').count()).toBe(0);
  await viewer.page.getByRole('menuitem', { name: 'Analysis' }).click();
  await viewer.page.waitForURL(/\/analysis$/);
  await viewer.page.getByRole('tab', { name: 'Stance over time', selected: true }).waitFor();
  const shared = savedQuery(viewer.page, 'Who disagrees with Lavrov');
  expect(await shared.innerText()).toContain('Shared by Eddie Editor');
  await shared.click();
  await viewer.page.waitForURL((url) => url.pathname === '/analysis' && url.search === `?${query}`);
  await viewer.page.getByRole('tab', { name: 'Network', selected: true }).waitFor();
  await viewer.page.getByRole('button', { name: 'Conflict', pressed: true }).waitFor();
  expect(await viewer.page.getByRole('complementary', { name: 'Filters' }).innerText()).toContain(lavrov.name);
  expect(await savedQuery(viewer.page, 'Who disagrees with Lavrov').getAttribute('class')).toContain('Mui-selected');
  expect(await seriousViolations(viewer.page, '[data-testid="saved-queries"]')).toEqual([]);

  // The list of saved queries says which page each opens, and opens it.
  await viewer.page.goto('/saved-queries');
  const row = tableRows(viewer.page).filter({ has: viewer.page.getByRole('cell', { name: 'Who disagrees with Lavrov', exact: true }) });
  expect(await row.innerText()).toMatch(/Analysis\s+Eddie Editor/);
  await row.getByRole('link', { name: 'Open “Who disagrees with Lavrov”' }).click();
  await viewer.page.waitForURL((url) => url.pathname === '/analysis' && url.search === `?${query}`);
  await viewer.page.getByRole('button', { name: 'Conflict', pressed: true }).waitFor();
  expect(viewer.problems).toEqual([]);
});

it('lists one’s own and the shared saved queries on their page, from the menu, where one’s own are renamed and deleted', async () => {
  const own = (await api(suite, 'editor').post('/api/saved-queries').send({ name: 'Editor’s meetings', query: 'type=meeting' }).expect(201))
    .body;
  await api(suite, 'viewer')
    .post('/api/saved-queries')
    .send({ name: 'Viewer’s planned', query: 'status=planned', shared: true })
    .expect(201);
  await api(suite, 'viewer').post('/api/saved-queries').send({ name: 'Viewer’s private', query: 'status=cancelled' }).expect(201);

  const { page, problems } = await open('/', 'editor');
  await page.getByRole('menuitem', { name: 'Saved queries' }).click();
  await page.waitForURL(/\/saved-queries$/);
  const row = (name: string) => tableRows(page).filter({ has: page.getByRole('cell', { name, exact: true }) });
  await row('Editor’s meetings').waitFor();
  expect(await row('Editor’s meetings').innerText()).toMatch(/Statement list\s+You/);
  expect(await row('Viewer’s planned').innerText()).toMatch(/Vera Viewer\s+with the team/);
  expect(await row('Viewer’s private').count()).toBe(0);
  // Another's shared query: open it, not change it.
  expect(await row('Viewer’s planned').getByRole('link', { name: 'Rename' }).count()).toBe(0);
  expect(await row('Viewer’s planned').getByRole('button', { name: 'Delete' }).count()).toBe(0);
  expect(await seriousViolations(page, '.RaList-main')).toEqual([]);

  // The form fills in once the record is read: typing before that would be reset.
  const loaded = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/saved-queries/${own.id}`);
  await row('Editor’s meetings').getByRole('link', { name: 'Rename' }).click();
  await page.waitForURL(new RegExp(`/saved-queries/${own.id}$`));
  await loaded;
  const form = page.locator('form');
  await form.getByRole('textbox', { name: /^Name/ }).fill('Meetings');
  await form.getByRole('switch', { name: 'Share with the team' }).check();
  await form.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(/\/saved-queries$/);
  await row('Meetings').waitFor();
  expect((await api(suite, 'viewer').get(`/api/saved-queries/${own.id}`).expect(200)).body).toMatchObject({
    name: 'Meetings',
    shared: true,
  });

  await row('Meetings').getByRole('button', { name: 'Delete' }).click();
  // The open dialog hides the table from the accessibility tree, where row() looks: the row
  // reads as gone at once. So the delete is awaited by its response, then the dialog's close.
  const deleted = page.waitForResponse(
    (response) => response.request().method() === 'DELETE' && new URL(response.url()).pathname === `/api/saved-queries/${own.id}`,
  );
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Confirm|Delete/ })
    .click();
  expect((await deleted).status()).toBe(200);
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await row('Meetings').waitFor({ state: 'detached' });
  await api(suite, 'editor').get(`/api/saved-queries/${own.id}`).expect(404);

  // Open: the statement list with the query's filters.
  await row('Viewer’s planned').getByRole('link', { name: 'Open “Viewer’s planned”' }).click();
  await page.waitForURL(/\/statements\?/);
  await expectRowCount(page, (await statementsOf('status=planned')).length);
  expect(problems).toEqual([]);
});

it('moves the saved queries this browser kept before (localStorage) to the server, keeping any the server refuses', async () => {
  const kono = await actorNamed('Kono');
  const { page, problems } = await open('/statements', 'viewer');
  await panel(page).waitFor();
  // As react-admin's SavedQueriesList kept them (its store: RaStore + the app's key).
  const old = (label: string, filter: object) => ({
    label,
    value: { filter, sort: { field: 'date', order: 'DESC' }, perPage: 25, displayedFilters: [] },
  });
  await page.evaluate(
    (queries) => localStorage.setItem('RaStorechronicle.statements.savedQueries', JSON.stringify(queries)),
    [old('Kono, newest first', { speakerId: [kono.id] }), old('From an older version', { date_gte: '2019-13' })],
  );
  await page.reload();
  const offer = panel(page).getByRole('alert');
  expect(await offer.innerText()).toMatch(/2 saved in this browser only/);
  await offer.getByRole('button', { name: 'Move' }).click();
  await savedQuery(page, 'Kono, newest first').waitFor();
  await page.getByText('Not moved (the server refuses their filters): “From an older version”').waitFor();
  const moved = (await api(suite, 'viewer').get('/api/saved-queries?q=Kono, newest first').expect(200)).body;
  expect(moved).toEqual([expect.objectContaining({ query: `speakerId=${kono.id}&_sort=date&_order=DESC`, shared: false, mine: true })]);
  const left = await page.evaluate(() => JSON.parse(localStorage.getItem('RaStorechronicle.statements.savedQueries') ?? '[]'));
  expect(left.map((q: { label: string }) => q.label)).toEqual(['From an older version']);
  expect(await offer.innerText()).toMatch(/1 saved in this browser only/);
  expect(problems).toEqual([]);
});
