import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import {
  AdminPage,
  AdminSuite,
  api,
  expectRowCount,
  openAdmin,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
  waitUntil,
} from '../support/admin-ui';

/*
 * Honest uncertainty in the admin (issue 16, item 5): the date filter says how it matches and
 * switches between overlap and within, the date input offers EDTF for "before 2019-01", and
 * approximate, uncertain and open dates are marked where they are read.
 */

let suite: AdminSuite;
let ui: AdminPage | undefined;
const made: Record<string, number> = {};
beforeAll(async () => {
  suite = await startAdminSuite();
  const [lavrov] = (await api(suite, 'viewer').get('/api/actors?q=Lavrov').expect(200)).body;
  for (const [key, date] of [
    ['approximate', '2019-01-14~'],
    ['byJanuary', '../2019-01'],
  ]) {
    const body = { date, headline: `Certainty check: ${key}`, speakerId: lavrov.id };
    made[key] = (await api(suite, 'editor').post('/api/statements').send(body).expect(201)).body.id;
  }
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

const read = (url: string) => api(suite, 'viewer').get(url).expect(200);
const countOf = async (query: string) => Number((await read(`/api/statements?${query}`)).headers['x-total-count']);

/** The date filters in a page's address (the list's and the timeline's are readable: date_gte=2019-01). */
const dateParams = (url: string) => [...new URL(url).searchParams].filter(([key]) => key.startsWith('date_'));

it('shows which way the date filter matches, and switches it, for the list, its count and its export', async () => {
  const overlap = await countOf('date_gte=2019-01&date_lte=2019-01');
  const within = await countOf('date_gte=2019-01&date_lte=2019-01&date_mode=within');
  expect(within).toBeGreaterThan(0);
  expect(overlap).toBeGreaterThan(within);

  ui = await openAdmin(suite, '/statements?perPage=100');
  const { page } = ui;
  const filters = page.getByRole('complementary', { name: 'Filters' });
  const mode = filters.getByRole('group', { name: 'Date match' });
  const hint = filters.getByTestId('filter-date-mode-hint');
  // Before any date is given the panel already says how dates will match.
  expect(await mode.getByRole('button', { name: 'Overlapping' }).getAttribute('aria-pressed')).toBe('true');
  expect(await hint.innerText()).toMatch(/^Overlapping: also entries dated more broadly/);

  await filters.getByRole('textbox', { name: 'From' }).fill('2019-01');
  await filters.getByRole('textbox', { name: 'Until' }).fill('2019-01');
  await expectRowCount(page, overlap);
  await page.getByText(`1-${overlap} of ${overlap}`).waitFor();

  await mode.getByRole('button', { name: 'Entirely within' }).click();
  await expectRowCount(page, within);
  await page.getByText(`1-${within} of ${within}`).waitFor();
  expect(await mode.getByRole('button', { name: 'Entirely within' }).getAttribute('aria-pressed')).toBe('true');
  expect(await mode.getByRole('button', { name: 'Overlapping' }).getAttribute('aria-pressed')).toBe('false');
  expect(await hint.innerText()).toMatch(/^Entirely within: only entries whose whole date lies between these dates/);
  expect(dateParams(page.url())).toEqual([
    ['date_gte', '2019-01'],
    ['date_lte', '2019-01'],
    ['date_mode', 'within'],
  ]);

  // The export follows the filter as shown.
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /^CSV R, pandas/ }).click()]);
  expect(new URL(download.url()).searchParams.get('date_mode')).toBe('within');
  const rows = parse<Record<string, string>>(await readFile(await download.path(), 'utf8'), { columns: true, bom: true });
  expect(rows).toHaveLength(within);

  // And back: overlap is the default, so it leaves the URL.
  await mode.getByRole('button', { name: 'Overlapping' }).click();
  await expectRowCount(page, overlap);
  expect(dateParams(page.url())).toEqual([
    ['date_gte', '2019-01'],
    ['date_lte', '2019-01'],
  ]);
  expect(ui.problems).toEqual([]);
});

it('switches the timeline’s date match too, and its count follows', async () => {
  const timelineTotal = async (query: string) => (await read(`/api/timeline?${query}`)).body.total as number;
  const overlap = await timelineTotal('date_gte=2019-01&date_lte=2019-01');
  const within = await timelineTotal('date_gte=2019-01&date_lte=2019-01&date_mode=within');
  ui = await openAdmin(suite, '/timeline?date_gte=2019-01&date_lte=2019-01', { as: 'viewer' });
  const { page } = ui;
  const count = page.getByTestId('timeline-count');
  await waitUntil(() => count.innerText(), `${overlap} entries`, 'the overlapping count');
  const mode = page.getByRole('group', { name: 'Date match' });
  expect(await mode.getByRole('button', { name: 'Overlapping' }).getAttribute('aria-pressed')).toBe('true');
  await mode.getByRole('button', { name: 'Entirely within' }).click();
  await waitUntil(() => count.innerText(), `${within} entries`, 'the count within January');
  expect(new URL(page.url()).searchParams.get('date_mode')).toBe('within');
  await waitUntil(() => page.getByTestId('timeline-entry').count(), within, 'entries within January');
  expect(ui.problems).toEqual([]);
});

it('offers the EDTF form for "before 2019-01" and fills the date with it', async () => {
  ui = await openAdmin(suite, '/statements/create');
  const { page } = ui;
  const date = page.getByRole('textbox', { name: /^Date/ });
  await date.fill('before 2019-01');
  const suggestion = page.getByRole('button', { name: 'Use ../2019-01 (by January 2019)' });
  await suggestion.click();
  await waitUntil(() => date.inputValue(), '../2019-01', 'the date field');
  await page.getByTestId('edtf-reading').filter({ hasText: 'by January 2019' }).waitFor();
  expect(await page.getByText('(latest day 2019-01-31)').count()).toBe(1);
  expect(await page.getByTestId('edtf-suggestions').count()).toBe(0);
  expect(ui.problems).toEqual([]);
});

it('marks approximate dates and dates known only by a latest day in the list, the record and the timeline', async () => {
  ui = await openAdmin(suite, `/statements?${new URLSearchParams({ filter: JSON.stringify({ q: 'Certainty check' }) })}`);
  const { page } = ui;
  await expectRowCount(page, 2);
  const marker = (row: string, kind: string) =>
    tableRows(page)
      .filter({ hasText: `Certainty check: ${row}` })
      .locator(`td.column-date [data-testid="date-certainty"][data-kind="${kind}"]`);
  expect(await marker('approximate', 'approximate').innerText()).toBe('approximate');
  expect(await marker('approximate', 'approximate').getAttribute('title')).toMatch(/^Approximate date \(EDTF ~\)/);
  expect(await marker('byJanuary', 'by').innerText()).toBe('by (latest day)');
  expect(await tableRows(page).filter({ hasText: 'Certainty check: byJanuary' }).locator('td.column-date').innerText()).toMatch(
    /^by January 2019\n/,
  );

  await page.goto(`/statements/${made.approximate}/show`);
  const shown = page.getByRole('note', { name: /^approximate: Approximate date/ });
  await shown.waitFor();
  expect(await shown.innerText()).toBe('approximate');

  // On the timeline the entries known only by a latest day open the page, in a band of their own.
  const lavrovId = (await read(`/api/statements/${made.byJanuary}`)).body.speakerId;
  await page.goto(`/timeline?speakerId=${lavrovId}`);
  const firstPeriod = page.getByTestId('timeline-period').first();
  await firstPeriod.getByRole('heading', { name: 'Dated only by a latest day' }).waitFor();
  const byCard = firstPeriod.locator(`[data-testid="timeline-entry"][data-entry-id="${made.byJanuary}"]`);
  expect(await byCard.locator('[data-testid="date-certainty"]').getAttribute('data-kind')).toBe('by');
  expect(await firstPeriod.innerText()).toContain('by January 2019');
  const approxCard = page.locator(`[data-testid="timeline-entry"][data-entry-id="${made.approximate}"]`);
  expect(await approxCard.locator('[data-testid="date-certainty"]').innerText()).toBe('approximate');
  expect(ui.problems).toEqual([]);
});
