import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { AdminPage, AdminSuite, api, expectRowCount, openAdmin, startAdminSuite, stopAdminSuite } from '../support/admin-ui';

/** The Export button of the Actors and Sources lists, in Chromium, against the real server on the seed case. */

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

const read = (url: string) => api(suite, 'viewer').get(url).expect(200);

it('exports every actor the filtered, sorted list shows, as CSV named for its filter', async () => {
  const expected = (await read('/api/actors?kind=organization&_sort=name&_order=DESC&_end=1000')).body as { id: number; name: string }[];
  ui = await openAdmin(
    suite,
    `/actors?${new URLSearchParams({ filter: JSON.stringify({ kind: 'organization' }), sort: 'name', order: 'DESC', perPage: '5' })}`,
    {
      as: 'viewer',
    },
  );
  const { page } = ui;
  await expectRowCount(page, 5);

  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^CSV R, pandas/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^actors-organization-\d{4}-\d{2}-\d{2}\.csv$/);
  const url = new URL(download.url());
  expect(url.pathname).toBe('/api/actors.csv');
  // A plain download sends no Authorization header: a one-use ticket stands in for the session.
  expect(url.searchParams.get('ticket')).toMatch(/\S{16,}/);
  url.searchParams.delete('ticket');
  expect([...url.searchParams.entries()].sort()).toEqual(
    [
      ['kind', 'organization'],
      ['_sort', 'name'],
      ['_order', 'DESC'],
    ].sort(),
  );
  const rows = parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { columns: true });
  // Every matching actor, in the list's order: more than the five on screen.
  expect(rows.map((row) => Number(row.id))).toEqual(expected.map((actor) => actor.id));
  expect(rows.length).toBeGreaterThan(5);
  expect(ui.problems).toEqual([]);
});

it('exports the sources a search finds, as JSON', async () => {
  ui = await openAdmin(suite, `/sources?${new URLSearchParams({ filter: JSON.stringify({ q: 'Mainichi' }) })}`, { as: 'viewer' });
  const { page } = ui;
  await expectRowCount(page, 1);
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^JSON/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^sources-mainichi-\d{4}-\d{2}-\d{2}\.json$/);
  const sources = JSON.parse(await readFile(await download.path(), 'utf8')) as { title: string; authors: string }[];
  expect(sources).toEqual([
    expect.objectContaining({
      title: 'Deep gap emerges between Japan, Russia over territorial dispute',
      authors: 'Muneyoshi Mitsuda; Hitoshi Omae',
    }),
  ]);
  expect(ui.problems).toEqual([]);
});
