import type { Locator } from 'playwright-core';
import {
  AdminPage,
  AdminSuite,
  api,
  expectRowCount,
  openAdmin,
  saveScreenshot,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
  waitUntil,
} from '../support/admin-ui';

/** Concurrent edits, the history of a record, the activity feed and the trash, in Chromium. */

let suite: AdminSuite;
let ui: AdminPage | undefined;
let speakerId: number;
beforeAll(async () => {
  suite = await startAdminSuite();
  [{ id: speakerId }] = (await api(suite, 'viewer').get('/api/actors?q=Lavrov').expect(200)).body;
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

/** A statement of this test's own, created by the admin (so its history starts with that creation). */
async function newStatement(fields: Record<string, unknown> = {}) {
  const res = await api(suite, 'admin')
    .post('/api/statements')
    .send({ date: '2019-01-16', speakerId, headline: `Headline ${Math.random().toString(36).slice(2, 8)}`, ...fields })
    .expect(201);
  return res.body;
}
/** The text of an element as it reads after a change: what is struck through left out. */
const textWithoutRemovals = (cell: Locator) =>
  cell.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('del').forEach((removed) => removed.remove());
    return copy.textContent;
  });
const statement = async (id: number) => (await api(suite, 'viewer').get(`/api/statements/${id}`).expect(200)).body;

describe('editing a record someone else changed meanwhile', () => {
  it('names who changed it, shows both versions, and saves mine on top of theirs', async () => {
    const opened = await newStatement({ headline: 'Lavrov rejects the 1956 basis', summary: 'Moscow rejects the 1956 basis.' });
    const admin = suite.app.users.admin;
    ui = await openAdmin(suite, `/statements/${opened.id}`, { as: 'editor' });
    const { page } = ui;
    const headline = page.getByRole('textbox', { name: /^Headline/ });
    await headline.waitFor();
    await headline.fill('Lavrov: the islands are Russian territory');

    // Meanwhile the admin changes the summary (not the headline) through the API.
    const theirs = await api(suite, 'admin')
      .put(`/api/statements/${opened.id}`)
      .send({ ...opened, summary: 'Moscow insists on recognition of the outcome of World War II.' })
      .expect(200);
    expect(theirs.body.version).toBe(opened.version + 1);

    const firstSave = page.waitForRequest(
      (request) => request.method() === 'PUT' && request.url().endsWith(`/api/statements/${opened.id}`),
    );
    await page.getByRole('button', { name: 'Save' }).click();
    // The form said which version it was based on, and the server refused it.
    expect((await firstSave).postDataJSON()).toMatchObject({
      version: opened.version,
      headline: 'Lavrov: the islands are Russian territory',
    });
    const banner = page.getByTestId('edit-conflict');
    await banner.waitFor();
    expect(await banner.innerText()).toMatch(new RegExp(`^This statement was changed by ${admin.displayName} at .+ since you opened it`));
    // Saved from the bottom of the form, the refusal is brought into view at its top.
    await waitUntil(
      async () => {
        const box = (await banner.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
      },
      true,
      'the conflict banner in view',
    );
    expect(page.url()).toMatch(new RegExp(`/statements/${opened.id}$`));
    expect(await headline.inputValue()).toBe('Lavrov: the islands are Russian territory');

    await banner.getByRole('button', { name: 'Review their version' }).click();
    const differences = page.getByRole('dialog').getByTestId('conflict-difference');
    await differences.first().waitFor();
    const sides = await differences.evaluateAll((rows) =>
      rows.map((row) => `${row.getAttribute('data-field')}:${row.getAttribute('data-side')}`),
    );
    expect(sides.sort()).toEqual(['headline:yours', 'summary:theirs']);
    // Each side's change against the version opened: their summary reads as they saved it.
    const theirSummary = page.getByRole('dialog').locator('[data-testid="conflict-difference"][data-field="summary"] td').nth(1);
    expect(await textWithoutRemovals(theirSummary)).toBe('Moscow insists on recognition of the outcome of World War II.');
    expect(await theirSummary.locator('del').count()).toBeGreaterThan(0);
    const yourHeadline = page.getByRole('dialog').locator('[data-testid="conflict-difference"][data-field="headline"] td').nth(2);
    expect(await textWithoutRemovals(yourHeadline)).toBe('Lavrov: the islands are Russian territory');
    await saveScreenshot(page, 'admin-edit-conflict');
    await page.getByRole('dialog').getByRole('button', { name: 'Keep editing mine on top of theirs' }).click();
    await page.getByTestId('edit-conflict-adopted').waitFor();
    expect(await page.getByRole('textbox', { name: /^Summary/ }).inputValue()).toBe(
      'Moscow insists on recognition of the outcome of World War II.',
    );

    const secondSave = page.waitForRequest(
      (request) => request.method() === 'PUT' && request.url().endsWith(`/api/statements/${opened.id}`),
    );
    await page.getByRole('button', { name: 'Save' }).click();
    expect((await secondSave).postDataJSON().version).toBe(opened.version + 1);
    await page.waitForURL(new RegExp(`/statements/${opened.id}/show$`));
    const saved = await statement(opened.id);
    expect(saved).toMatchObject({
      headline: 'Lavrov: the islands are Russian territory',
      summary: 'Moscow insists on recognition of the outcome of World War II.',
      version: opened.version + 2,
      updatedBy: { id: suite.app.users.editor.id, name: suite.app.users.editor.displayName },
    });
    expect(ui.problems).toEqual([]);
  });

  it('keeps what I typed when the page reloads the record, and says it changed', async () => {
    const opened = await newStatement({ headline: 'Kono: talks will continue', venue: 'press conference' });
    ui = await openAdmin(suite, `/statements/${opened.id}`, { as: 'editor' });
    const { page } = ui;
    const headline = page.getByRole('textbox', { name: /^Headline/ });
    await headline.waitFor();
    await headline.fill('Kono: the talks will continue in February');
    await api(suite, 'admin')
      .put(`/api/statements/${opened.id}`)
      .send({ ...opened, venue: 'press conference, Moscow' })
      .expect(200);

    // The app bar's refresh reloads the record under the open form.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByTestId('edit-conflict').waitFor();
    expect(await headline.inputValue()).toBe('Kono: the talks will continue in February');
    expect(await page.getByRole('textbox', { name: /^Venue/ }).inputValue()).toBe('press conference, Moscow');
    await page.getByTestId('edit-conflict').getByRole('button', { name: 'Keep editing mine on top of theirs' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/statements/${opened.id}/show$`));
    expect(await statement(opened.id)).toMatchObject({
      headline: 'Kono: the talks will continue in February',
      venue: 'press conference, Moscow',
      version: opened.version + 2,
    });
    expect(ui.problems).toEqual([]);
  });

  it('can instead discard what I typed and load their version', async () => {
    const created = (await api(suite, 'editor').post('/api/actors').send({ name: 'Mikhail Galuzin', kind: 'person' }).expect(201)).body;
    ui = await openAdmin(suite, `/actors/${created.id}`, { as: 'editor' });
    const { page } = ui;
    const title = page.getByRole('textbox', { name: /^Title/ });
    await title.waitFor();
    await title.fill('Ambassador (my guess)');
    await api(suite, 'admin')
      .put(`/api/actors/${created.id}`)
      .send({ ...created, title: 'Deputy Foreign Minister of Russia' })
      .expect(200);

    await page.getByRole('button', { name: 'Save' }).click();
    const banner = page.getByTestId('edit-conflict');
    await banner.waitFor();
    expect(await banner.innerText()).toContain(`This actor was changed by ${suite.app.users.admin.displayName}`);
    await banner.getByRole('button', { name: 'Discard mine, load theirs' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(await title.inputValue()).toBe('Deputy Foreign Minister of Russia');
    // Nothing to save: theirs stays as it is.
    expect((await api(suite, 'viewer').get(`/api/actors/${created.id}`).expect(200)).body).toMatchObject({
      title: 'Deputy Foreign Minister of Russia',
      version: 2,
    });
    expect(ui.problems).toEqual([]);
  });
});

it('shows an edit in the History tab field by field, and restores the earlier version', async () => {
  const original = await newStatement({
    headline: 'Lavrov rules out handing over the islands',
    quote: 'We cannot accept the transfer of the islands under any conditions.',
  });
  const editor = suite.app.users.editor;
  ui = await openAdmin(suite, `/statements/${original.id}`, { as: 'editor' });
  const { page } = ui;
  const headline = page.getByRole('textbox', { name: /^Headline/ });
  await headline.waitFor();
  await headline.fill(`${original.headline} under present conditions`);
  await page.getByRole('textbox', { name: /^Quote$/ }).fill('We cannot accept the transfer of the islands under the present conditions.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.waitForURL(new RegExp(`/statements/${original.id}/show$`));
  expect(await page.getByTestId('last-changed').innerText()).toContain(`last changed by ${editor.displayName}`);

  await page.getByRole('tab', { name: 'History' }).click();
  await page.waitForURL(new RegExp(`/statements/${original.id}/show/history$`));
  const revisions = page.getByTestId('revision');
  await revisions.nth(1).waitFor();
  const newest = revisions.first();
  expect(await newest.getAttribute('data-action')).toBe('update');
  expect(await newest.getByTestId('revision-author').innerText()).toBe(editor.displayName);
  // Only the changed fields, the long text word by word: old struck through, new highlighted.
  const changed = await newest
    .getByTestId('revision-changes')
    .locator('[data-field]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-field')));
  expect(changed.sort()).toEqual(['headline', 'quote']);
  const quote = newest.getByTestId('change-quote');
  expect(await quote.locator('del').allInnerTexts()).toEqual(['any']);
  expect(await quote.locator('ins').allInnerTexts()).toEqual(['the present']);
  expect(await newest.getByTestId('change-headline').locator('ins').innerText()).toContain('under present conditions');
  await saveScreenshot(page, 'admin-history');
  // The newest version is the current one: nothing to restore there.
  expect(await newest.getByRole('button', { name: 'Restore this version' }).count()).toBe(0);

  const creation = revisions.nth(1);
  expect(await creation.getAttribute('data-action')).toBe('create');
  await creation.getByRole('button', { name: 'Restore this version' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Restore' }).click();
  // Said by the record's version, as the history numbers them, never by a revision's database id.
  const restoredText = `Restored version ${original.version} of this statement`;
  await page.locator('.MuiSnackbar-root', { hasText: `${restoredText}.` }).waitFor();
  const revert = page.locator('[data-testid="revision"][data-action="revert"]');
  await revert.waitFor();
  expect(await revert.innerText()).toContain(restoredText);
  expect(await revert.innerText()).not.toMatch(/revision #/);
  const restored = await statement(original.id);
  expect(restored).toMatchObject({ headline: original.headline, quote: original.quote, version: original.version + 2 });
  expect(await page.getByTestId('last-changed').innerText()).toContain(`Version ${original.version + 2}`);
  await page.getByRole('tab', { name: 'Record' }).click();
  await page.getByRole('heading', { name: original.headline, level: 1 }).waitFor();
  expect(ui.problems).toEqual([]);
});

it('lists recent changes in the activity feed, filtered by user, kind of record and action, each leading to its record', async () => {
  const mine = await newStatement();
  await api(suite, 'editor')
    .put(`/api/statements/${mine.id}`)
    .send({ ...mine, headline: `${mine.headline} (edited by the editor)` })
    .expect(200);
  const editor = suite.app.users.editor;
  ui = await openAdmin(suite, '/revisions', { as: 'viewer' });
  const { page } = ui;
  const row = tableRows(page)
    .filter({ hasText: `${mine.headline} (edited by the editor)` })
    .first();
  await row.waitFor();
  expect(await row.innerText()).toContain(editor.displayName);

  // Only the editor's changes: a click on the name.
  await row.getByRole('button', { name: editor.displayName }).click();
  await page.waitForURL((url) => decodeURIComponent(url.search).includes(`"userId":${editor.id}`));
  const byEditor = Number((await api(suite, 'viewer').get(`/api/revisions?userId=${editor.id}`).expect(200)).headers['x-total-count']);
  await expectRowCount(page, Math.min(byEditor, 50));
  // …that are edits of statements.
  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByText('Statements', { exact: true }).click();
  await filters.getByText('edited', { exact: true }).click();
  const filtered = Number(
    (await api(suite, 'viewer').get(`/api/revisions?userId=${editor.id}&resource=statements&action=update`).expect(200)).headers[
      'x-total-count'
    ],
  );
  await expectRowCount(page, Math.min(filtered, 50));
  // …until a day: none until 2019, all of them until today (the whole of today, not its midnight).
  const until = filters.getByRole('textbox', { name: 'Until' });
  await until.fill('2019-01-01');
  await expectRowCount(page, 0);
  const now = new Date();
  await until.fill(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`);
  await expectRowCount(page, Math.min(filtered, 50));

  // A row unfolds into its field-by-field change; the record's name opens it.
  const edited = tableRows(page)
    .filter({ hasText: `${mine.headline} (edited by the editor)` })
    .first();
  await edited.locator('td.column-at').click(); // not on the name or the link, which do other things
  await page.getByTestId('change-headline').first().waitFor();
  await edited.getByRole('link', { name: `${mine.headline} (edited by the editor)` }).click();
  await page.waitForURL(new RegExp(`/statements/${mine.id}/show$`));
  expect(ui.problems).toEqual([]);
});

it('moves a deleted statement to the trash, from where an admin restores it or deletes it for good', async () => {
  const doomed = await newStatement({ headline: 'A statement entered twice by mistake' });
  const purged = await newStatement({ headline: 'A statement nobody needs' });
  ui = await openAdmin(suite, `/statements?${new URLSearchParams({ filter: JSON.stringify({ q: 'statement entered twice' }) })}`, {
    as: 'admin',
  });
  const { page } = ui;
  await expectRowCount(page, 1);
  await tableRows(page).first().locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await page.getByText('Moved to the trash').waitFor();
  await expectRowCount(page, 0);
  await api(suite, 'viewer').get(`/api/statements/${doomed.id}`).expect(404);

  await api(suite, 'admin').delete(`/api/statements/${purged.id}`).expect(200);
  await page.getByRole('menuitem', { name: 'Trash' }).click();
  const doomedRow = tableRows(page).filter({ hasText: doomed.headline });
  await doomedRow.waitFor();
  expect(await doomedRow.innerText()).toContain(suite.app.users.admin.displayName);
  // By kind of record: no statements among the trashed actors.
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Actors' }).click();
  await page.waitForURL((url) => decodeURIComponent(url.search).includes('"resource":"actors"'));
  await doomedRow.waitFor({ state: 'detached' });
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Statements' }).click();
  await doomedRow.waitFor();
  await doomedRow.getByRole('button', { name: 'Restore' }).click();
  await doomedRow.waitFor({ state: 'detached' });
  expect((await statement(doomed.id)).headline).toBe(doomed.headline);

  const purgedRow = tableRows(page).filter({ hasText: purged.headline });
  await purgedRow.getByRole('button', { name: 'Delete permanently' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete permanently' }).click();
  await purgedRow.waitFor({ state: 'detached' });
  await api(suite, 'admin').get(`/api/statements/${purged.id}`).expect(404);
  const trash = (await api(suite, 'admin').get('/api/trash?resource=statements').expect(200)).body;
  expect(trash.map((item: { recordId: number }) => item.recordId)).not.toContain(purged.id);
  expect(ui.problems).toEqual([]);
});
