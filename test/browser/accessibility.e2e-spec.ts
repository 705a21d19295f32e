import type { Page } from 'playwright-core';
import { focusIsVisible, mainLandmarks, PHONE, seriousAxeViolations, tabTo, type AxeProblem } from '../support/accessibility';
import { AdminPage, AdminSuite, api, openAdmin, startAdminSuite, stopAdminSuite, waitUntil } from '../support/admin-ui';

/**
 * Every page of the admin checked with axe-core, as an admin (who sees every button): no serious
 * or critical violation (names of controls, labels, contrast, landmarks, lists), one `<main>`
 * landmark; and the main controls reached by keyboard, with the focus shown.
 */

let suite: AdminSuite;
let ui: AdminPage | undefined;
/** Ids of seeded (or made) records, for the record pages. */
const ids: Record<string, number> = {};
let lanes = '';

beforeAll(async () => {
  suite = await startAdminSuite();
  const first = async (url: string) => {
    const body = (await api(suite, 'admin').get(url).expect(200)).body as { id: number }[];
    return body[0].id;
  };
  const lavrov = await first('/api/actors?q=Lavrov');
  const kono = await first('/api/actors?q=Kono');
  lanes = `/timeline?speakerId=${lavrov}&speakerId=${kono}&view=lanes`;
  ids.statements = await first(`/api/statements?speakerId=${lavrov}&_end=1`);
  ids.actors = lavrov;
  ids.sources = await first('/api/sources?_end=1');
  ids.topics = await first('/api/topics?_end=1');
  ids.stances = await first('/api/stances?_end=1');
  ids.imports = await first('/api/imports?_end=1');
  ids.users = suite.app.users.editor.id;
  ids['saved-queries'] = (
    await api(suite, 'admin')
      .post('/api/saved-queries')
      .send({ name: 'Lavrov and Kono', resource: 'timeline', query: lanes.split('?')[1] })
      .expect(201)
  ).body.id;
  const snapshot = await api(suite, 'admin')
    .post('/api/snapshots')
    .send({ title: 'Lavrov, January 2019', query: `speakerId=${lavrov}&_sort=date&_order=ASC` })
    .expect(201);
  ids.snapshots = snapshot.body.id;
  // Something in the trash, so that its list has a row to check.
  const trashed = await api(suite, 'admin')
    .post('/api/statements')
    .send({ date: '2019-02', headline: 'Trashed for the check', speakerId: lavrov });
  await api(suite, 'admin').delete(`/api/statements/${trashed.body.id}`).expect(200);
});
afterEach(async () => {
  await ui?.close();
  ui = undefined;
});
afterAll(() => stopAdminSuite(suite));

/** Waits for the page to have drawn its data: no request under way, no progress bar or spinner. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await waitUntil(() => page.locator('[role="progressbar"], .MuiLinearProgress-root, .MuiSkeleton-root').count(), 0, 'progress shown');
}

const describeProblems = (problems: AxeProblem[]) =>
  problems.map((problem) => `${problem.impact} ${problem.rule}: ${problem.help}\n  ${problem.targets.join('\n  ')}`).join('\n');

async function expectAccessible(pathname: string, options: Parameters<typeof openAdmin>[2] = {}): Promise<Page> {
  ui = await openAdmin(suite, pathname, { as: 'admin', ...options });
  const { page } = ui;
  await settled(page);
  expect(describeProblems(await seriousAxeViolations(page))).toBe('');
  if (options.as !== null) expect(await mainLandmarks(page)).toBe(1);
  expect(ui.problems).toEqual([]);
  return page;
}

const RECORD_PAGES = ['statements', 'actors', 'sources', 'topics', 'stances'];

describe('has no serious or critical axe-core violation', () => {
  it.each(RECORD_PAGES.flatMap((resource) => [`/${resource}`, `/${resource}/create`]))('%s', async (pathname) => {
    await expectAccessible(pathname);
  });

  it.each(RECORD_PAGES.flatMap((resource) => [`${resource} show`, `${resource} edit`, `${resource} history`]))('%s', async (name) => {
    const [resource, page] = name.split(' ');
    const base = `/${resource}/${ids[resource]}`;
    await expectAccessible(page === 'edit' ? base : page === 'show' ? `${base}/show` : `${base}/show/history`);
  });

  it.each([
    ['the timeline', '/timeline'],
    ['the analysis chart', '/analysis'],
    ['the analysis network', '/analysis?view=network'],
    ['the activity feed', '/revisions'],
    ['the imports', '/imports'],
    ['a new import', '/imports/create'],
    ['the snapshots', '/snapshots'],
    ['the users', '/users'],
    ['a new user', '/users/create'],
    ['the account', '/account'],
    ['the trash', '/trash'],
    ['the saved queries', '/saved-queries'],
  ])('%s', async (_name, pathname) => {
    await expectAccessible(pathname);
  });

  it('the timeline in lanes', async () => {
    await expectAccessible(lanes);
  });

  it.each(['imports show', 'snapshots show', 'snapshots edit', 'users edit', 'saved-queries edit'])('%s', async (name) => {
    const [resource, page] = name.split(' ');
    await expectAccessible(page === 'show' ? `/${resource}/${ids[resource]}/show` : `/${resource}/${ids[resource]}`);
  });

  it('the sign-in page', async () => {
    const page = await expectAccessible('/login', { as: null });
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });

  it('while a request is under way: every spinner and progress bar is named', async () => {
    const page = await expectAccessible('/statements');
    // The list's request is held, so that the app bar's loader stays on screen for the check
    // (a loader seen only by chance is how an unnamed one slipped through a run).
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/statements?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator('.app-loader[role="progressbar"]').waitFor();
    expect(describeProblems(await seriousAxeViolations(page))).toBe('');
    release();
    await settled(page);
  });

  it.each(['/statements', '/timeline'])('%s on a phone, with the filters open', async (pathname) => {
    const page = await expectAccessible(pathname, { viewport: PHONE });
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('dialog', { name: 'Filters' }).waitFor();
    await settled(page);
    expect(describeProblems(await seriousAxeViolations(page))).toBe('');
  });
});

describe('is used with the keyboard', () => {
  it('reaches the search, the filters and the first statement on the list, and opens it', async () => {
    ui = await openAdmin(suite, '/statements', { as: 'viewer' });
    const { page } = ui;
    await settled(page);
    const search = page.getByRole('complementary', { name: 'Filters' }).getByPlaceholder('Search');
    await tabTo(page, search);
    expect(await focusIsVisible(page)).toBe(true);
    await tabTo(page, page.getByPlaceholder('Any speaker'));
    expect(await focusIsVisible(page)).toBe(true);
    const firstRecord = page.locator('table tbody tr').first().getByRole('link');
    const headline = await firstRecord.innerText();
    await tabTo(page, firstRecord, 120);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: headline, level: 1 }).waitFor();
    expect(ui.problems).toEqual([]);
  });

  it('on a phone, reaches the Filters button, the search box and the first card; the drawer closes with Escape', async () => {
    ui = await openAdmin(suite, '/statements', { as: 'viewer', viewport: PHONE });
    const { page } = ui;
    await settled(page);
    const filters = page.getByRole('button', { name: /^Filters/ });
    await tabTo(page, filters);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await drawer.waitFor();
    expect(await drawer.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await waitUntil(() => filters.evaluate((element) => element === document.activeElement), true, 'focus back on the Filters button');

    await tabTo(page, page.getByPlaceholder('Search'));
    expect(await focusIsVisible(page)).toBe(true);
    const firstCard = page.getByTestId('statement-card').first().getByRole('link');
    await tabTo(page, firstCard);
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/statements\/\d+\/show$/);
    expect(ui.problems).toEqual([]);
  });
});
