import type { Locator, Page } from 'playwright-core';
import { DESKTOP, mainLandmarks, pageScrollsSideways, SCREENS, SMALL_LAPTOP, type ScreenName } from '../support/accessibility';
import { AdminPage, AdminSuite, api, expectRowCount, openAdmin, startAdminSuite, stopAdminSuite, waitUntil } from '../support/admin-ui';

/**
 * The admin on a phone (390×844), a small laptop (1024×768) and a desktop (1440×900): a
 * statement's page and its form, the menu. What shows, and that the page never scrolls sideways.
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
const actorNamed = async (q: string) => (await read(`/api/actors?q=${encodeURIComponent(q)}`)).body[0];
const countOf = async (url: string) => Number((await read(url)).headers['x-total-count']);

const SCREEN_NAMES = Object.keys(SCREENS) as ScreenName[];

/** Whether the element is drawn inside the window, left to right (not cut off or scrolled away sideways). */
const withinWindow = async (page: Page, locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return box.x >= 0 && box.x + box.width <= page.viewportSize()!.width;
};

describe("a statement's page and form", () => {
  it.each(SCREEN_NAMES)('on a %s', async (screen) => {
    const lavrov = await actorNamed('Lavrov');
    const [statement] = (await read(`/api/statements?speakerId=${lavrov.id}&_end=1`)).body;
    ui = await openAdmin(suite, `/statements/${statement.id}/show`, { as: 'editor', viewport: SCREENS[screen] });
    const { page } = ui;
    await page.getByRole('heading', { name: statement.headline, level: 1 }).waitFor();
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await mainLandmarks(page)).toBe(1);
    // The title bar holds the date and headline on one line, cut with an ellipsis, the whole in its tooltip.
    const title = page.locator('#react-admin-title');
    await waitUntil(
      async () => (await title.getAttribute('title')) ?? '',
      `Statement ${statement.displayDate} — ${statement.headline}`,
      'title tooltip',
    );
    const cut = await title.evaluate((element) => ({
      ellipsis: getComputedStyle(element).textOverflow === 'ellipsis',
      overflows: element.scrollWidth > element.clientWidth,
      lines: Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
    }));
    expect(cut.ellipsis).toBe(true);
    expect(cut.lines).toBe(1);
    if (screen === 'phone') expect(cut.overflows).toBe(true);

    await page.goto(`/statements/${statement.id}`);
    const headline = page.getByRole('textbox', { name: /^Headline/ });
    await headline.waitFor();
    expect(await headline.inputValue()).toBe(statement.headline);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await withinWindow(page, headline)).toBe(true);
    const save = page.getByRole('button', { name: 'Save' });
    await save.scrollIntoViewIfNeeded();
    expect(await withinWindow(page, save)).toBe(true);

    await page.goto('/statements/create');
    await page.getByRole('textbox', { name: /^Date/ }).waitFor();
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await mainLandmarks(page)).toBe(1);
    expect(ui.problems).toEqual([]);
  });
});

describe('the menu', () => {
  it('starts collapsed on a small laptop and open on a desktop; a toggle is remembered', async () => {
    const menuWidth = (page: Page) => page.locator('.RaSidebar-fixed').evaluate((element) => element.getBoundingClientRect().width);
    ui = await openAdmin(suite, '/statements', { as: 'viewer', viewport: DESKTOP });
    await expectRowCount(ui.page, Math.min(25, await countOf('/api/statements')));
    expect(await menuWidth(ui.page)).toBe(200);
    await ui.close();

    ui = await openAdmin(suite, '/statements', { as: 'viewer', viewport: SMALL_LAPTOP });
    const { page } = ui;
    await expectRowCount(page, Math.min(25, await countOf('/api/statements')));
    expect(await menuWidth(page)).toBe(50);
    await page.getByRole('button', { name: 'Open menu' }).click();
    await waitUntil(() => menuWidth(page), 200, 'menu width');
    // The user's choice wins over the screen's default, as react-admin keeps it.
    await page.reload();
    await expectRowCount(page, Math.min(25, await countOf('/api/statements')));
    expect(await menuWidth(page)).toBe(200);
    expect(ui.problems).toEqual([]);
  });
});
