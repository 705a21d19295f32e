import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
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
  VIEWPORT,
  waitUntil,
} from '../support/admin-ui';

/*
 * Snapshots in the admin (issue 18), in Chromium against the real server on the seed case: saved
 * from the filtered statement list and from the timeline with the page's own query, their page
 * (the query in words, the count, the hash, the downloads, the citation) checked against the
 * API and against the downloaded file itself, and what changed since, after a curator's edit.
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

const read = (url: string) => api(suite, 'viewer').get(url).expect(200);
const actorNamed = async (q: string): Promise<{ id: number; name: string }> =>
  (await read(`/api/actors?q=${encodeURIComponent(q)}`)).body[0];
const totalOf = async (query: string) => Number((await read(`/api/statements?${query}`)).headers['x-total-count']);

interface SnapshotRecord {
  id: number;
  title: string;
  note: string | null;
  query: string;
  queryWords: string;
  count: number;
  sha256: string;
  verifiedOnly: boolean;
  files: { format: string; sha256: string; bytes: number }[];
  url: string;
  createdBy: { id: number; name: string } | null;
}

/** Fills the Save-as-snapshot dialog and saves; resolves with the body the page sent and the snapshot's id. */
async function saveAsSnapshot(page: Page, title: string, note?: string): Promise<{ sent: Record<string, unknown>; id: number }> {
  await page.getByRole('button', { name: 'Save as snapshot' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as snapshot' });
  await dialog.getByRole('textbox', { name: /^Title/ }).fill(title);
  if (note) await dialog.getByRole('textbox', { name: /^Note/ }).fill(note);
  const posted = page.waitForRequest((request) => request.method() === 'POST' && new URL(request.url()).pathname === '/api/snapshots');
  await dialog.getByRole('button', { name: 'Save snapshot' }).click();
  const sent = (await posted).postDataJSON() as Record<string, unknown>;
  await page.waitForURL(/\/snapshots\/\d+\/show$/);
  const id = Number(/\/snapshots\/(\d+)\/show$/.exec(page.url())![1]);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return { sent, id };
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

it('saves the filtered statement list as a snapshot, downloads and cites it, and shows what changed since', async () => {
  const lavrov = await actorNamed('Lavrov');
  const lavrovCount = await totalOf(`speakerId=${lavrov.id}`);
  expect(lavrovCount).toBeGreaterThan(1);

  ui = await openAdmin(suite, '/statements', { as: 'editor' });
  const { page, context } = ui;
  await choose(page, page.getByPlaceholder('Any speaker'), 'Lavrov', /^Sergey Lavrov/);
  await expectRowCount(page, lavrovCount);

  // The page sends its own query: the list's filters and sort, as the export sends them.
  const title = 'Lavrov, as seeded';
  const { sent, id } = await saveAsSnapshot(page, title, 'For the browser test');
  expect(sent).toEqual({ title, note: 'For the browser test', query: `speakerId=${lavrov.id}&_sort=date&_order=ASC` });
  const stored = (await read(`/api/snapshots/${id}`)).body as SnapshotRecord;
  expect(stored).toMatchObject({ title, note: 'For the browser test', count: lavrovCount, createdBy: { name: 'Eddie Editor' } });

  // Its page: the query in words, the count, the hash, the permanent address, as the API has them.
  expect(await page.getByTestId('snapshot-query-words').innerText()).toBe(stored.queryWords);
  expect(stored.queryWords).toContain('Sergey Lavrov');
  expect(await page.getByTestId('snapshot-query').innerText()).toBe(stored.query);
  expect(await page.getByTestId('snapshot-count').innerText()).toBe(String(lavrovCount));
  const shownHash = await page.getByTestId('snapshot-sha256').innerText();
  expect(shownHash).toMatch(/^[0-9a-f]{64}$/);
  expect(shownHash).toBe(stored.sha256);
  expect(await page.getByTestId('snapshot-url').innerText()).toBe(stored.url);
  // Whether it holds drafts, as the server decided when freezing it (PUBLIC_READ=verified publishes only those without).
  const drafts = await totalOf(`speakerId=${lavrov.id}&reviewStatus=draft`);
  expect(stored.verifiedOnly).toBe(drafts === 0);
  expect(await page.getByTestId('snapshot-verified-only').innerText()).toMatch(
    drafts ? /^Holds statements not yet verified/ : /^Every statement verified/,
  );
  for (const file of stored.files) {
    if (file.format.startsWith('network-')) {
      expect(await page.locator(`[data-file="${file.format}"]`).getAttribute('data-sha256')).toBe(file.sha256);
    } else {
      expect(await page.getByTestId(`file-sha256-${file.format}`).innerText()).toBe(file.sha256);
    }
  }

  // The NDJSON download is the snapshot's canonical file: its SHA-256, computed here, is the page's.
  const downloads = page.getByRole('region', { name: 'Downloads' });
  const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('button', { name: 'NDJSON' }).click()]);
  expect(download.suggestedFilename()).toBe(`snapshot-${id}-${shownHash.slice(0, 8)}.ndjson`);
  expect(new URL(download.url()).searchParams.get('ticket')).toMatch(/\S{16,}/);
  const ndjson = await readFile(await download.path());
  expect(sha256Of(ndjson)).toBe(shownHash);
  expect(await page.getByTestId('file-sha256-ndjson').innerText()).toBe(sha256Of(ndjson));
  // One line per statement, then one per actor, topic, stance and source they refer to.
  const lines = ndjson
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { record: string; id: number });
  const frozenIds = lines.filter((line) => line.record === 'statement').map((line) => line.id);
  expect(frozenIds).toHaveLength(lavrovCount);

  // Its networks were frozen with it: the reply network's GraphML is the file the record hashes.
  const networks = page.getByRole('region', { name: 'Networks' });
  const [graphml] = await Promise.all([page.waitForEvent('download'), networks.getByRole('button', { name: 'Replies: GraphML' }).click()]);
  expect(graphml.suggestedFilename()).toBe(`snapshot-${id}-${shownHash.slice(0, 8)}-network-replies.graphml`);
  const graphmlHash = sha256Of(await readFile(await graphml.path()));
  expect(graphmlHash).toBe(stored.files.find((file) => file.format === 'network-replies.graphml')!.sha256);

  // The BibTeX citation names the title and the hash, and its copy button puts that very text on the clipboard.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.base });
  const citation = page.getByRole('region', { name: 'Citation' });
  await citation.getByRole('tab', { name: 'BibTeX' }).click();
  const bibtex = citation.locator('[data-testid="citation-text"][data-style="bibtex"]');
  await bibtex.waitFor();
  const bibtexText = (await bibtex.innerText()).trimEnd();
  // The title's capital braced, as BibTeX styles would otherwise lower-case it.
  expect(bibtexText).toContain('title = {{Lavrov}, as seeded}');
  expect(bibtexText).toContain('author = {Editor, Eddie}');
  expect(bibtexText).toContain(shownHash);
  const served = (await api(suite, 'viewer').get(`/api/snapshots/${id}/citation?style=bibtex`).expect(200)).text;
  expect(bibtexText).toBe(served.trimEnd());
  await citation.getByRole('button', { name: 'Copy the BibTeX citation' }).click();
  await citation.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(served);

  // Nothing changed yet.
  const diff = page.getByTestId('snapshot-diff');
  await diff.getByText('Nothing changed').waitFor();
  expect(await diff.locator('[data-kind="unchanged"]').innerText()).toBe(`${lavrovCount} unchanged`);

  // Curators correct one of its statements, move another to the trash, and add one: compared
  // again, the page lists each, the correction with its field.
  const [changedId, trashedId] = frozenIds;
  const before = (await read(`/api/statements/${changedId}`)).body as { headline: string };
  const corrected = `${before.headline} (corrected)`;
  await api(suite, 'admin').patch(`/api/statements/${changedId}`).send({ headline: corrected }).expect(200);
  await api(suite, 'admin').delete(`/api/statements/${trashedId}`).expect(200);
  const addedId = (
    await api(suite, 'editor')
      .post('/api/statements')
      .send({ date: '2019-01-22', speakerId: lavrov.id, headline: 'Lavrov after the Moscow summit' })
      .expect(201)
  ).body.id as number;
  await diff.getByRole('button', { name: 'Compare again' }).click();
  const changed = diff.getByTestId('diff-changed').locator(`li[data-statement-id="${changedId}"]`);
  await changed.waitFor();
  const counts = await diff.getByTestId('diff-counts').locator('[data-kind]').allInnerTexts();
  expect(counts).toEqual(['1 added', '1 removed', '1 changed', `${lavrovCount - 2} unchanged`]);
  const headlineChange = changed.locator('li[data-field="headline"]');
  // Word by word (a long headline): the old words kept, the new one highlighted.
  expect(await headlineChange.innerText()).toContain(before.headline);
  expect((await headlineChange.locator('ins').allInnerTexts()).join('')).toContain('(corrected)');
  expect(await changed.getByRole('link').getAttribute('href')).toBe(`/statements/${changedId}/show`);
  const added = diff.getByTestId('diff-added').locator(`li[data-statement-id="${addedId}"]`);
  expect(await added.innerText()).toContain('Lavrov after the Moscow summit');
  expect(await added.getByRole('link').getAttribute('href')).toBe(`/statements/${addedId}/show`);
  // In the trash: the reason, and no link for an editor (the trash is for admins).
  const removed = diff.getByTestId('diff-removed').locator(`li[data-statement-id="${trashedId}"]`);
  expect(await removed.innerText()).toMatch(/— trashed$/);
  expect(await removed.getByRole('link').count()).toBe(0);
  // The page in one picture, from its title to the comparison.
  await page.setViewportSize({ width: VIEWPORT.width, height: 1080 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, 'screenshots/snapshot-page');
  await page.setViewportSize(VIEWPORT);

  // The frozen file has not moved: the same bytes, the same hash.
  const again = await api(suite, 'viewer').get(`/api/snapshots/${id}/export?format=ndjson`).responseType('blob').expect(200);
  expect(sha256Of(again.body as Buffer)).toBe(shownHash);

  // The link opens the statement, as it is now.
  await changed.getByRole('link').click();
  await page.waitForURL(new RegExp(`/statements/${changedId}/show$`));
  await page.getByRole('heading', { level: 1, name: corrected }).waitFor();

  // The list of snapshots: title, who, when, count, short hash.
  await page.goto('/snapshots');
  const row = tableRows(page).filter({ hasText: title });
  await row.waitFor();
  expect(await row.getByTestId('short-hash').innerText()).toBe(shownHash.slice(0, 12));
  expect(await row.innerText()).toContain('Eddie Editor');
  expect(await row.innerText()).toContain(String(lavrovCount));
  expect(ui.problems).toEqual([]);
});

it("saves the timeline's selection, newest first, as a snapshot", async () => {
  const kono = await actorNamed('Kono');
  const timeline = (await read(`/api/timeline?speakerId=${kono.id}&order=desc&limit=500`)).body as { total: number };
  ui = await openAdmin(suite, `/timeline?speakerId=${kono.id}&order=desc`, { as: 'editor' });
  const { page } = ui;
  await waitUntil(() => page.getByTestId('timeline-entry').count(), timeline.total, 'entries on the timeline');

  const { sent, id } = await saveAsSnapshot(page, 'Kono, newest first');
  expect(sent).toEqual({ title: 'Kono, newest first', query: `speakerId=${kono.id}&_sort=date&_order=DESC` });
  expect(await page.getByTestId('snapshot-count').innerText()).toBe(String(timeline.total));
  const stored = (await read(`/api/snapshots/${id}`)).body as SnapshotRecord;
  expect(stored.count).toBe(timeline.total);
  expect(await page.getByTestId('snapshot-query-words').innerText()).toBe(stored.queryWords);

  // Its query opens in the statement list as it reads today: the same filter and order.
  await page.getByRole('link', { name: 'These filters in the statement list today' }).click();
  await page.waitForURL(/\/statements\?/);
  const listed = new URL(page.url()).searchParams;
  expect([...listed]).toEqual([
    ['speakerId', String(kono.id)],
    ['sort', 'date'],
    ['order', 'DESC'],
  ]);
  await expectRowCount(page, Math.min(25, timeline.total));
  expect(ui.problems).toEqual([]);
});

it('lets an editor change only the title and note, and an admin delete a snapshot, whose page then says so', async () => {
  const lavrov = await actorNamed('Lavrov');
  const created = (
    await api(suite, 'editor')
      .post('/api/snapshots')
      .send({ title: 'To be renamed', query: `speakerId=${lavrov.id}&_sort=date&_order=ASC` })
      .expect(201)
  ).body as SnapshotRecord;

  // Viewers save none; editors edit, but delete none.
  ui = await openAdmin(suite, '/statements', { as: 'viewer' });
  await ui.page.getByRole('button', { name: 'Export' }).waitFor();
  expect(await ui.page.getByRole('button', { name: 'Save as snapshot' }).count()).toBe(0);
  await ui.close();

  ui = await openAdmin(suite, `/snapshots/${created.id}/show`, { as: 'editor' });
  let page = ui.page;
  await page.getByRole('heading', { level: 1, name: 'To be renamed' }).waitFor();
  expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
  expect(await page.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe(`/snapshots/${created.id}`);
  // Opened afresh, the form has the record of one read (returning from the show page, react-admin
  // would show its copy and read it again in the background, which could fetch the colleague's change).
  const formRead = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/snapshots/${created.id}`);
  await page.goto(`/snapshots/${created.id}`);
  await formRead;
  const titleInput = page.getByRole('textbox', { name: /^Title/ });
  await waitUntil(() => titleInput.inputValue(), 'To be renamed', 'the title in the form');

  // A colleague renamed it meanwhile: the save is refused, not written over theirs.
  await api(suite, 'admin').patch(`/api/snapshots/${created.id}`).send({ title: 'Renamed meanwhile', version: 1 }).expect(200);
  await titleInput.fill('Renamed');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Not saved: someone changed this snapshot since you opened it.').waitFor();
  expect((await read(`/api/snapshots/${created.id}`)).body.title).toBe('Renamed meanwhile');
  await page.reload();
  await waitUntil(() => titleInput.inputValue(), 'Renamed meanwhile', 'their title in the form');

  await titleInput.fill('Renamed');
  await page.getByRole('textbox', { name: /^Note/ }).fill('Now with a note');
  const saved = page.waitForRequest((request) => request.method() === 'PUT' && request.url().endsWith(`/api/snapshots/${created.id}`));
  await page.getByRole('button', { name: 'Save' }).click();
  // Only what may change, and the version it is based on (theirs, now).
  expect((await saved).postDataJSON()).toEqual({ title: 'Renamed', note: 'Now with a note', version: 2 });
  await page.waitForURL(new RegExp(`/snapshots/${created.id}/show$`));
  await page.getByRole('heading', { level: 1, name: 'Renamed' }).waitFor();
  const renamed = (await read(`/api/snapshots/${created.id}`)).body as SnapshotRecord;
  expect(renamed).toMatchObject({ title: 'Renamed', note: 'Now with a note', sha256: created.sha256, count: created.count });
  expect(ui.problems).toEqual([]);
  await ui.close();

  ui = await openAdmin(suite, `/snapshots/${created.id}/show`, { as: 'admin' });
  page = ui.page;
  await page.getByRole('heading', { level: 1, name: 'Renamed' }).waitFor();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
  await page.waitForURL(/\/snapshots$/);
  await api(suite, 'viewer').get(`/api/snapshots/${created.id}`).expect(410);
  await page.goto(`/snapshots/${created.id}/show`);
  const deleted = page.getByTestId('snapshot-deleted');
  await deleted.waitFor();
  expect(await deleted.innerText()).toMatch(new RegExp(`Snapshot ${created.id} was deleted[\\s\\S]*by Ada Admin`));
  expect(ui.problems).toEqual([]);
});
