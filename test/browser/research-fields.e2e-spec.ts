import { AdminPage, AdminSuite, api, openAdmin, startAdminSuite, stopAdminSuite, tableRows, waitUntil } from '../support/admin-ui';

/**
 * What a statement says, precisely, as the admin shows and edits it on the seed case: only the
 * speaker's words in quotation marks, the paper's reading as the paper's, each source with where
 * in it; and a curator adding the original wording and a locator through the form.
 */
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

/** A seed statement by its fixture key. */
async function seeded(key: string): Promise<{ id: number; version: number; speakerId: number }> {
  const all = (await api(suite, 'viewer').get('/api/statements?_start=0&_end=500').expect(200)).body as {
    id: number;
    key: string | null;
    version: number;
    speakerId: number;
  }[];
  const found = all.find((s) => s.key === key);
  if (!found) throw new Error(`no seed statement ${key}`);
  return found;
}

it('shows a paraphrase without quotation marks and the paper’s reading as the paper’s, on the record page and the timeline', async () => {
  const paraphrase = await seeded('lavrov-japan-independence');
  const translated = await seeded('lavrov-russian-territories');
  ui = await openAdmin(suite, `/statements/${paraphrase.id}/show`, { as: 'viewer' });
  const { page } = ui;
  const main = page.locator('main');
  await main.getByText('According to The Mainichi:').waitFor();
  await main
    .getByText(/Paraphrase/)
    .first()
    .waitFor();
  // The paraphrased words are on the page, and no element puts them in quotation marks.
  await main
    .getByText(/level of independence of Japan/)
    .first()
    .waitFor();
  expect(await main.locator('q').filter({ hasText: 'level of independence' }).count()).toBe(0);
  expect(await main.innerText()).not.toMatch(/[“"]Russia is confident/);
  await main
    .getByText(/para\. 15/)
    .first()
    .waitFor();

  await page.goto(`/timeline?speakerId=${paraphrase.speakerId}`);
  const card = (id: number) => page.locator(`[data-testid="timeline-entry"][data-entry-id="${id}"]`);
  await card(paraphrase.id).waitFor();
  const quote = card(paraphrase.id).getByTestId('timeline-quote');
  expect(await quote.getAttribute('data-quote-kind')).toBe('paraphrase');
  expect(await quote.evaluate((element) => element.tagName)).toBe('P');
  expect(await quote.innerText()).toMatch(/^Paraphrase: Russia is confident/);
  expect(await card(paraphrase.id).getByTestId('timeline-interpretation').innerText()).toMatch(
    /^According to The Mainichi: This remark seems to suggest/,
  );
  // A translation of the speaker's words is a quotation (the browser draws its marks).
  const quotation = card(translated.id).getByTestId('timeline-quote');
  expect(await quotation.evaluate((element) => element.tagName)).toBe('Q');
  expect(await quotation.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('open-quote');
  expect(ui.problems).toEqual([]);
});

it('lets a curator add the original wording and a locator, and saves both lists in agreement', async () => {
  const statement = await seeded('lavrov-russian-territories');
  ui = await openAdmin(suite, `/statements/${statement.id}`, { as: 'editor' });
  const { page } = ui;
  await page.getByRole('textbox', { name: /^Original wording/ }).fill('Это российские территории');
  await page.getByRole('textbox', { name: /^Original language/ }).fill('ru');
  const locator = page.getByRole('textbox', { name: /^Where in the source/ }).first();
  await locator.fill('para. 9, second sentence');
  await page.getByRole('button', { name: 'Save' }).click();
  await waitUntil(
    async () => (await api(suite, 'viewer').get(`/api/statements/${statement.id}`).expect(200)).body.version,
    statement.version + 1,
    'the saved statement',
  );
  const saved = (await api(suite, 'viewer').get(`/api/statements/${statement.id}`).expect(200)).body;
  expect(saved).toMatchObject({ quoteOriginal: 'Это российские территории', quoteOriginalLanguage: 'ru', quoteKind: 'translation' });
  expect(saved.sources.map((s: { sourceId: number }) => s.sourceId)).toEqual(saved.sourceIds);
  expect(saved.sources[0]).toMatchObject({ role: 'reporting', locator: 'para. 9, second sentence' });
  expect(saved.sources[0].excerpt).toMatch(/These are Russian territories/);
  // Found by its Russian words.
  const found = (
    await api(suite, 'viewer')
      .get(`/api/statements?q=${encodeURIComponent('российские')}`)
      .expect(200)
  ).body;
  expect(found.map((s: { id: number }) => s.id)).toEqual([statement.id]);
  expect(ui.problems).toEqual([]);
});

it('finds what needs a look from the filter panel', async () => {
  const inferred = (await api(suite, 'viewer').get('/api/statements?needs=inferredDate&_start=0&_end=100').expect(200)).body as {
    headline: string;
  }[];
  expect(inferred.length).toBeGreaterThan(0);
  ui = await openAdmin(suite, '/statements', { as: 'viewer' });
  const { page } = ui;
  const panel = page.getByRole('complementary', { name: 'Filters' });
  await panel.getByText('date inferred').click();
  await waitUntil(async () => (await tableRows(page).count()) === inferred.length, true, 'the rows needing a look');
  const shown = await tableRows(page).allInnerTexts();
  for (const { headline } of inferred) expect(shown.some((row) => row.includes(headline))).toBe(true);
  expect(ui.problems).toEqual([]);
});
