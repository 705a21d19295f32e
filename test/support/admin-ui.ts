import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { ADMIN_DIST_DIR, REPOSITORY_ROOT } from '../../server/src/config/paths';
import { launchBrowser } from './browser';
import { createTestApp, TestApp } from './test-app';

/**
 * What the admin's browser tests share: one seeded app and one Chromium per test file, a fresh
 * browser context (no saved queries or columns left over) per test, signed in as one of the test
 * app's accounts, and a record of what went wrong in the page (uncaught errors, alerts, refused
 * resources) that each test checks.
 */

/** The test app's accounts (createTestApp makes one of each role). */
export type Role = 'admin' | 'editor' | 'viewer';
export type TestAccount = TestApp['users'][Role];

/** Where the admin keeps its session (admin/src/auth/session.ts): `{ token, expiresAt? }`. */
export const SESSION_STORAGE_KEY = 'chronicle.session';

export const VIEWPORT = { width: 1600, height: 960 };
const SCREENSHOTS_DIR = path.join(REPOSITORY_ROOT, 'docs');

export interface AdminSuite {
  app: TestApp;
  browser: Browser;
  base: string;
}

/** The seeded app, with other settings when a test needs them (`{ imports: { waitMs: 0 } }`: every upload answers 202). */
export async function startAdminSuite(options: Omit<NonNullable<Parameters<typeof createTestApp>[0]>, 'seed'> = {}): Promise<AdminSuite> {
  if (!existsSync(path.join(ADMIN_DIST_DIR, 'index.html'))) {
    throw new Error(`${ADMIN_DIST_DIR} has no build: npm test builds the admin first (npm run build)`);
  }
  const app = await createTestApp({ ...options, seed: true });
  const base = await app.listen();
  const browser = await launchBrowser();
  return { app, browser, base };
}

export async function stopAdminSuite(suite: AdminSuite | undefined): Promise<void> {
  await suite?.browser.close();
  await suite?.app.close();
}

export interface AdminPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions, dialogs (an executed alert()), console errors other than HTTP refusals. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Requests to the API as one of the accounts (supertest with its session token), for setting up
 * and checking what the page did: `api(suite, 'admin').get('/api/statements/7').expect(200)`.
 */
export const api = (suite: AdminSuite, role: Role | 'anonymous') => suite.app.as(role);

/**
 * Opens the admin at `pathname` in a fresh browser context, signed in `as` one of the test app's
 * accounts (its session token put where the admin keeps it, as a sign-in would), with another
 * session `token`, or signed out with `as: null`; in a window of `viewport` (a phone, a small
 * laptop: test/support/accessibility.ts) rather than the wide default. The sign-in form itself
 * is tested on its own (accounts.e2e-spec.ts).
 */
export async function openAdmin(
  suite: AdminSuite,
  pathname: string,
  { as = 'editor', token, viewport = VIEWPORT }: { as?: Role | null; token?: string; viewport?: { width: number; height: number } } = {},
): Promise<AdminPage> {
  const sessionToken = token ?? (as ? suite.app.users[as].token : null);
  const storageState = sessionToken
    ? {
        cookies: [],
        origins: [{ origin: suite.base, localStorage: [{ name: SESSION_STORAGE_KEY, value: JSON.stringify({ token: sessionToken }) }] }],
      }
    : undefined;
  const context = await suite.browser.newContext({
    viewport,
    baseURL: suite.base,
    acceptDownloads: true,
    locale: 'en-GB',
    storageState,
  });
  // Fail with the step that did not happen rather than at jest's test timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    // A 400 the page expects (an invalid date being previewed) is logged by Chromium too.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  await page.goto(pathname);
  return {
    page,
    context,
    problems,
    close: async () => {
      await saveLastState(page);
      await context.close();
    },
  };
}

const ARTIFACTS_DIR = path.join(REPOSITORY_ROOT, 'test', '.artifacts', 'browser');

/** The page as each test left it, in test/.artifacts/browser/ (git-ignored): what a failure looked like. */
async function saveLastState(page: Page): Promise<void> {
  const name = (expect.getState().currentTestName ?? 'unnamed').replace(/[^\w-]+/g, '-').slice(0, 100);
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.jpeg`), type: 'jpeg', quality: 60 }).catch(() => undefined);
}

/**
 * Types into a react-admin autocomplete and picks the suggestion named `option`. It waits for
 * the server's answer to the search first: that answer re-renders the suggestions, and a click
 * landing during the re-render would be lost.
 */
export async function choose(page: Page, input: Locator, typed: string, option: string | RegExp): Promise<void> {
  await input.click();
  const searched = page.waitForResponse(
    (response) => response.request().method() === 'GET' && new URL(response.url()).searchParams.get('q') === typed,
  );
  await input.fill(typed);
  await searched;
  await page.getByRole('option', { name: option }).click();
}

/** Signs in through the login form and waits to be let in (the page must show the login form). */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByRole('textbox', { name: /^Email/ }).fill(account.email);
  await page.getByLabel(/^Password/).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** A computed CSS property of the element, read in the page. */
export const cssOf = (locator: Locator, property: string): Promise<string> =>
  locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

/**
 * The fonts Chromium actually drew an element's text with (DevTools' "Rendered fonts"): proof
 * that Japanese or Cyrillic text found a font with its glyphs rather than empty boxes.
 */
export async function renderedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`nothing matches ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => font.familyName);
  } finally {
    await cdp.detach();
  }
}

/** A list's body rows (not the rows that unfold under them in an expandable table). */
export const tableRows = (page: Page) => page.locator('table tbody tr:not(.RaDataTable-expandRow)');

/** Polls `read` until it returns `expected` (the page loads and re-renders on its own time). */
export async function waitUntil<T>(read: () => Promise<T>, expected: T, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: expected ${String(expected)}, still ${String(last)} after ${timeoutMs} ms`);
}

/** Waits for the list to settle on `count` rows (and no loading bar). */
export async function expectRowCount(page: Page, count: number): Promise<void> {
  await waitUntil(
    async () => (await page.locator('.MuiLinearProgress-root').count()) === 0 && (await tableRows(page).count()) === count,
    true,
    `a table of ${count} rows (now ${await tableRows(page).count()})`,
  );
}

/**
 * The README's screenshots come from the browser tests themselves: with UPDATE_SCREENSHOTS=1
 * (`npm run screenshots`) a test saves the page it has just checked to docs/<name>.png.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`) });
}
