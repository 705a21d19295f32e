import type { Locator, Page } from 'playwright-core';
import { AdminPage, AdminSuite, api, openAdmin, startAdminSuite, stopAdminSuite } from '../support/admin-ui';

/*
 * A record page whose server stops answering (issue 20, finding 4) on the pages beyond the
 * curated records (those are in statements.e2e-spec.ts): an account, a snapshot (its page and
 * its form), a saved query's form and an import's report. Reloaded with /api unreachable, each
 * stays where it is, keeps what it showed, says "Cannot reach the server" — never "Element does
 * not exist" and a bounce to the list — and Retry, once the server answers, loads it again.
 */

let suite: AdminSuite;
let ui: AdminPage | undefined;
const ids: Record<string, number> = {};

beforeAll(async () => {
  suite = await startAdminSuite();
  const admin = api(suite, 'admin');
  ids.users = suite.app.users.editor.id;
  ids.imports = (await admin.get('/api/imports?_end=1').expect(200)).body[0].id;
  ids.snapshots = (await admin.post('/api/snapshots').send({ title: 'Everything, for the offline check', query: '' }).expect(201)).body.id;
  ids['saved-queries'] = (
    await admin.post('/api/saved-queries').send({ name: 'Offline check', resource: 'statements', query: '_sort=date' }).expect(201)
  ).body.id;
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

/** Each page, its address, and something on it that shows the record was drawn. */
const PAGES: [string, (id: number) => string, (page: Page) => Locator][] = [
  ['an account (edit)', (id) => `/users/${id}`, (page) => page.getByRole('textbox', { name: /^Name/ })],
  [
    'a snapshot (show)',
    (id) => `/snapshots/${id}/show`,
    (page) => page.getByRole('heading', { name: 'Everything, for the offline check' }),
  ],
  ['a snapshot (edit)', (id) => `/snapshots/${id}`, (page) => page.getByRole('textbox', { name: /^Title/ })],
  ['a saved query (edit)', (id) => `/saved-queries/${id}`, (page) => page.getByRole('textbox', { name: /^Name/ })],
  ['an import (show)', (id) => `/imports/${id}/show`, (page) => page.getByRole('heading', { level: 1 })],
];

it.each(PAGES)('%s says the server cannot be reached, stays, and retries', async (_name, address, drawn) => {
  const resource = address(0).split('/')[1];
  const pathname = address(ids[resource]);
  ui = await openAdmin(suite, pathname, { as: 'admin' });
  const { page } = ui;
  await drawn(page).first().waitFor();

  await page.route('**/api/**', (route) => route.abort());
  await page.getByRole('button', { name: 'Refresh' }).click();
  const notice = page.getByTestId('record-unreachable');
  await notice.waitFor();
  expect(await notice.innerText()).toMatch(/Cannot reach the server/);
  // Still on the record, still showing it: not bounced to the list.
  expect(new URL(page.url()).pathname).toBe(pathname);
  expect(await drawn(page).first().isVisible()).toBe(true);
  // react-admin's "Element does not exist" notification, and an empty list's "No Users found".
  expect(await page.getByText(/Element does not exist|^No [\w ]+ found/).count()).toBe(0);

  await page.unroute('**/api/**');
  const reloaded = page.waitForResponse((response) => response.url().includes(`/api/${resource}/${ids[resource]}`) && response.ok());
  await notice.getByRole('button', { name: 'Retry' }).click();
  await reloaded;
  await notice.waitFor({ state: 'detached' });
  expect(new URL(page.url()).pathname).toBe(pathname);
  expect(ui.problems).toEqual([]);
});
