import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { IMPORT_LOCK } from '../../server/src/imports/imports.service';
import {
  AdminPage,
  AdminSuite,
  api,
  cssOf,
  openAdmin,
  saveScreenshot,
  startAdminSuite,
  stopAdminSuite,
  tableRows,
  waitUntil,
} from '../support/admin-ui';

/**
 * The import wizard, past imports and their undo, in Chromium, with real files. The server
 * answers every upload at once with the import under way (IMPORT_WAIT_MS 0, as a large file
 * would be answered), so the page follows each import, dry runs too, through its progress.
 */

let suite: AdminSuite;
let ui: AdminPage | undefined;
let files: string;
beforeAll(async () => {
  suite = await startAdminSuite({ imports: { waitMs: 0 } });
  files = await mkdtemp(path.join(tmpdir(), 'chronicle-import-'));
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(async () => {
  await stopAdminSuite(suite);
  await rm(files, { recursive: true, force: true });
});

/** A CSV file on disk, as a curator's spreadsheet would save it. */
async function csvFile(name: string, lines: string[]): Promise<string> {
  const file = path.join(files, name);
  await writeFile(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
}

/** The API's view of an import, once it has ended (uploads answer 202 here). */
async function importThroughApi(csv: string[], fileName: string) {
  const started = await api(suite, 'editor')
    .post(`/api/imports?fileName=${fileName}`)
    .set('Content-Type', 'text/csv')
    .send(`${csv.join('\r\n')}\r\n`)
    .expect(202);
  const id = started.body.id as number;
  await waitUntil(async () => (await api(suite, 'viewer').get(`/api/imports/${id}`).expect(200)).body.status, 'finished', `import ${id}`);
  return id;
}

describe('importing a coding sheet', () => {
  it('checks it, maps nothing, imports it with its progress shown, links what it wrote, and undoes it', async () => {
    const sheet = await csvFile('ui-coding.csv', [
      'key,date,speaker,headline,topics',
      'ui-1,2019-03-01,Sergey Lavrov,Lavrov repeats the 1956 basis,Sovereignty',
      'ui-2,2019-03-02,Taro Kono,Kono asks for calm,Peace treaty',
      'ui-3,2019-03-03,Lavrov,Lavrov on fishing rights,Fishing rights',
    ]);
    ui = await openAdmin(suite, '/imports', { as: 'editor' });
    const { page } = ui;
    await page.getByRole('link', { name: 'Import a file' }).click();
    await page.waitForURL(/\/imports\/create$/);

    // Chosen, the file is checked at once: the new topic is an error until its creation is allowed.
    await chooseFile(page, sheet);
    const report = page.getByTestId('dry-run-report');
    await report.locator('[data-outcome="failed"]', { hasText: '1 with errors' }).waitFor();
    expect(await report.locator('[data-testid="import-counts"] [data-outcome="created"]').innerText()).toBe('2 to create');
    const failedRow = report.locator('tr[data-row="4"]');
    expect(await failedRow.getAttribute('data-outcome')).toBe('failed');
    expect(await failedRow.locator('[data-column="topics"]').innerText()).toBe(
      'topics: no topic is named "Fishing rights" (tick “Create missing topics” to create it)',
    );
    // In red: the theme's error colour.
    const [red, green, blue] = (await cssOf(failedRow.locator('[data-column="topics"]'), 'color')).match(/\d+/g)!.map(Number);
    expect(red).toBeGreaterThan(green + 100);
    expect(red).toBeGreaterThan(blue + 100);
    expect(await page.getByRole('button', { name: 'Import 2 statements' }).isDisabled()).toBe(true);

    await page.getByRole('checkbox', { name: 'Create missing topics' }).check();
    await report.locator('[data-testid="import-counts"] [data-outcome="created"]', { hasText: '3 to create' }).waitFor();
    expect(await report.locator('[data-testid="import-counts"] [data-outcome="failed"]').innerText()).toBe('0 with errors');
    expect(await report.locator('tr[data-row]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-outcome')))).toEqual([
      'created',
      'created',
      'created',
    ]);
    const references = report.getByTestId('import-references');
    expect(await references.getByRole('region', { name: 'Would be created' }).locator('tbody tr').innerText()).toMatch(
      /^“Fishing rights”\s+Topic: Fishing rights\s+would be created\s+1$/,
    );
    expect(await references.getByRole('region', { name: 'Matched loosely' }).locator('tbody tr').innerText()).toMatch(
      /^“Lavrov”\s+Actor: Sergey Lavrov\s+part of a name\s+1$/,
    );
    await saveScreenshot(page, 'import-dry-run');

    // The import waits for the import lock, held here: its progress is shown, still at 0 of 3.
    const lock = new Client({ connectionString: suite.app.databaseUrl });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [IMPORT_LOCK]);
      await page.getByRole('button', { name: 'Import 3 statements' }).click();
      await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
      await page.getByText('0 of 3 rows').waitFor();
      expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('0');
      await lock.query('SELECT pg_advisory_unlock($1)', [IMPORT_LOCK]);
    } finally {
      await lock.end();
    }

    const done = page.getByTestId('import-report');
    await done.waitFor();
    expect(await done.getByRole('alert').innerText()).toBe('Imported ui-coding.csv: 3 created, 0 updated, 0 unchanged.');
    const [{ id: importId }] = (await api(suite, 'viewer').get('/api/imports?_start=0&_end=1').expect(200)).body;
    const rows = (await api(suite, 'viewer').get(`/api/imports/${importId}/rows`).expect(200)).body as { statementId: number }[];
    const statementIds = rows.map((row) => row.statementId);
    expect(statementIds).toHaveLength(3);
    // Each row links to its statement, by its headline.
    for (const id of statementIds) {
      await done.locator(`a[href$="/statements/${id}/show"]`).waitFor();
    }
    await done.getByRole('link', { name: /Lavrov on fishing rights/ }).click();
    await page.waitForURL(new RegExp(`/statements/${statementIds[2]}/show$`));
    await page.getByRole('heading', { level: 1, name: 'Lavrov on fishing rights' }).waitFor();
    await page.getByText('key: ui-3').waitFor();
    // Its history says which import wrote it.
    await page.getByRole('tab', { name: 'History' }).click();
    await page
      .getByTestId('revision-import')
      .getByRole('link', { name: `import ${importId}` })
      .waitFor();

    // Meanwhile an admin corrects one of them: the undo refuses, names it, and is done anyway when asked.
    await api(suite, 'admin').patch(`/api/statements/${statementIds[0]}`).send({ summary: 'Checked against the transcript.' }).expect(200);
    await page.goto('/imports');
    const row = tableRows(page).filter({ hasText: 'ui-coding.csv' });
    await row.getByText('imported').waitFor();
    await row.getByRole('button', { name: 'Undo' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Undo the import of ui-coding.csv?').waitFor();
    await dialog.getByRole('button', { name: 'Undo the import' }).click();
    const conflict = dialog.getByTestId('undo-conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toMatch(
      new RegExp(`^Statement ${statementIds[0]} changed after import ${importId}; nothing was undone\\.`),
    );
    await conflict.getByRole('link', { name: /Lavrov repeats the 1956 basis/ }).waitFor();
    await dialog.getByRole('button', { name: 'Undo anyway' }).click();
    await page.getByText('Undone: the import of ui-coding.csv').waitFor();
    await row.getByText('undone').waitFor();
    expect(await row.getByRole('button', { name: 'Undo' }).count()).toBe(0);

    // Its statements are in the trash, and so is the topic it created (nothing else uses it).
    for (const id of statementIds) await api(suite, 'admin').get(`/api/statements/${id}`).expect(404);
    const trash = (await api(suite, 'admin').get('/api/trash?resource=statements&_start=0&_end=100').expect(200)).body as {
      recordId: number;
    }[];
    expect(trash.map((item) => item.recordId)).toEqual(expect.arrayContaining(statementIds));
    expect((await api(suite, 'admin').get('/api/topics?q=Fishing').expect(200)).body).toEqual([]);

    // The activity feed has the import as one entry, leading to its report.
    await page.goto('/revisions');
    await page.getByRole('link', { name: 'Import of ui-coding.csv: 3 created, 0 updated, 0 unchanged' }).click();
    await page.waitForURL(new RegExp(`/imports/${importId}/show$`));
    await page.getByRole('heading', { level: 1, name: 'Import of ui-coding.csv' }).waitFor();
    await page.getByText(/^Undone by /).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('asks what a column it does not know holds, and checks the file again with the answer', async () => {
    const sheet = await csvFile('ui-renamed.csv', [
      'key,date,Speaker name,headline',
      'map-1,2019-04-01,Taro Kono,Kono on the renamed column',
    ]);
    ui = await openAdmin(suite, '/imports/create', { as: 'editor' });
    const { page } = ui;
    await chooseFile(page, sheet);
    await page.getByText('Column "Speaker name" is not one an import reads.').waitFor();
    const mapping = page.getByTestId('column-mapping');
    // Offered: the columns the server reads (from its message), and "ignore".
    const choices = await mapping.getByLabel('What “Speaker name” holds').locator('option').allInnerTexts();
    expect(choices).toEqual(expect.arrayContaining(['speaker', 'headline', 'topics', 'ignore this column']));
    await mapping.getByLabel('What “Speaker name” holds').selectOption('speaker');
    const checked = page.waitForRequest((request) => request.method() === 'POST' && request.url().includes('/api/imports?'));
    await mapping.getByRole('button', { name: 'Check again with these columns' }).click();
    expect(new URL((await checked).url()).searchParams.get('map[Speaker name]')).toBe('speaker');
    const report = page.getByTestId('dry-run-report');
    await report.locator('[data-testid="import-counts"] [data-outcome="created"]', { hasText: '1 to create' }).waitFor();
    expect(await report.locator('[data-testid="import-counts"] [data-outcome="failed"]').innerText()).toBe('0 with errors');
    expect(await page.getByRole('button', { name: 'Import 1 statement' }).isEnabled()).toBe(true);
    expect(ui.problems).toEqual([]);
  });
});

describe('a viewer', () => {
  it('sees past imports, and neither an import button nor an undo', async () => {
    await importThroughApi(['key,date,speaker,headline', 'viewer-1,2019-05-01,Taro Kono,Kono for the viewer'], 'for-viewers.csv');
    ui = await openAdmin(suite, '/imports', { as: 'viewer' });
    const { page } = ui;
    const row = tableRows(page).filter({ hasText: 'for-viewers.csv' });
    await row.getByText('imported').waitFor();
    await page.getByRole('menuitem', { name: 'Imports' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import a file' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    // The wizard itself is refused.
    await page.goto('/imports/create');
    await page.waitForURL(/\/access-denied$/);
    expect(ui.problems).toEqual([]);
  });
});
