import { i18nProvider } from '../../admin/src/i18n';
import { STATEMENT_FIELDS, StatementField } from '../../server/src/statements/statement.fields';
import { statementWithEveryField } from '../support/every-field';
import { AdminPage, AdminSuite, api, openAdmin, startAdminSuite, stopAdminSuite, waitUntil } from '../support/admin-ui';

/**
 * Adding a statement field means giving it a label, an input in the form and a place on the
 * record page (README, "Adding a statement field"). Each is checked against the one
 * declaration, so a field forgotten in any of them fails here, by name.
 */
const WRITABLE = Object.entries(STATEMENT_FIELDS as Record<string, StatementField>)
  .filter(([, field]) => !field.derived)
  .map(([name]) => name);

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

it('has a label for every statement field in the admin’s words', () => {
  const unlabelled = Object.keys(STATEMENT_FIELDS).filter((name) => {
    const key = `resources.statements.fields.${name}`;
    return i18nProvider.translate(key) === key;
  });
  expect(unlabelled).toEqual([]);
});

it('has an input in the statement form for every field a client writes', async () => {
  ui = await openAdmin(suite, '/statements/create');
  await ui.page.getByRole('textbox', { name: /^Headline/ }).waitFor();
  const missing: string[] = [];
  for (const name of WRITABLE) if ((await ui.page.locator(`form [name="${name}"]`).count()) === 0) missing.push(name);
  expect(missing).toEqual([]);
  expect(ui.problems).toEqual([]);
});

it('shows every field of a statement on its page', async () => {
  // An admin makes the records it names: stances are the admins' codebook.
  const { body, shown } = await statementWithEveryField((method, url) => api(suite, 'admin')[method](url), 'Shown');
  const created = (await api(suite, 'editor').post('/api/statements').send(body).expect(201)).body;
  ui = await openAdmin(suite, `/statements/${created.id}/show`);
  const { page } = ui;
  await page.getByText(shown.headline).first().waitFor();
  // References show their records' names once those have loaded, each on its own request: the
  // page is read until every value is there (or waitUntil gives up, naming what is missing).
  const missing = async () => {
    const text = (await page.locator('main').innerText()).toLowerCase();
    return Object.entries(shown)
      .filter(([, expected]) => !text.includes(expected.toLowerCase()))
      .map(([name, expected]) => `${name} (${expected})`)
      .join(', ');
  };
  await waitUntil(missing, '', 'fields missing from the record page');
  expect(ui.problems).toEqual([]);
});
