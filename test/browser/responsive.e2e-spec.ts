import type { Locator, Page } from 'playwright-core';
import { DESKTOP, mainLandmarks, pageScrollsSideways, PHONE, SCREENS, SMALL_LAPTOP, type ScreenName } from '../support/accessibility';
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
  waitUntil,
} from '../support/admin-ui';

/**
 * The admin on a phone (390×844), a small laptop (1024×768) and a desktop (1440×900): the
 * statement list, the timeline in both layouts, a statement's page and its form. What shows
 * (the filter sidebar or a Filters button, a table or cards, which columns), and that the page
 * never scrolls sideways.
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
const filterSidebar = (page: Page) => page.getByRole('complementary', { name: 'Filters' });
const filterButton = (page: Page) => page.getByRole('button', { name: /^Filters/ });
const cards = (page: Page) => page.getByTestId('statement-card');

/** Whether the element is drawn inside the window, left to right (not cut off or scrolled away sideways). */
const withinWindow = async (page: Page, locator: Locator) => {
  const box = (await locator.boundingBox())!;
  return box.x >= 0 && box.x + box.width <= page.viewportSize()!.width;
};

/** Waits for a list (table or cards) to settle on `count` statements. */
async function expectStatements(page: Page, screen: ScreenName, count: number): Promise<void> {
  if (screen !== 'phone') return expectRowCount(page, count);
  await waitUntil(
    async () => (await page.locator('.MuiLinearProgress-root').count()) === 0 && (await cards(page).count()) === count,
    true,
    `${count} statement cards (now ${await cards(page).count()})`,
  );
}

describe('the statement list', () => {
  it.each(SCREEN_NAMES)('on a %s', async (screen) => {
    const perPage = 25;
    const total = await countOf('/api/statements');
    ui = await openAdmin(suite, '/statements', { as: 'viewer', viewport: SCREENS[screen] });
    const { page } = ui;
    await expectStatements(page, screen, Math.min(total, perPage));
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await mainLandmarks(page)).toBe(1);

    if (screen === 'phone') {
      // No room for a sidebar or a table: a Filters button, the search box, a card per statement.
      expect(await filterSidebar(page).count()).toBe(0);
      expect(await filterButton(page).isVisible()).toBe(true);
      expect(await page.getByPlaceholder('Search').isVisible()).toBe(true);
      expect(await page.locator('table').count()).toBe(0);
      const [first] = (await read('/api/statements?_sort=date&_order=ASC&_end=1')).body;
      const card = cards(page).first();
      expect(await card.getAttribute('data-id')).toBe(String(first.id));
      const text = await card.innerText();
      expect(text).toContain(first.displayDate);
      expect(text).toContain(first.headline);
      expect(text).toContain((await read(`/api/actors/${first.speakerId}`)).body.name);
      expect(await withinWindow(page, card)).toBe(true);
      // A card with a stance shows it.
      const [withStance] = (await read('/api/statements?_sort=date&_order=ASC&_end=25')).body.filter(
        (s: { stanceId: number | null }) => s.stanceId,
      );
      const stance = (await read(`/api/stances/${withStance.stanceId}`)).body;
      expect(await page.locator(`[data-testid="statement-card"][data-id="${withStance.id}"]`).innerText()).toContain(stance.name);
    } else {
      expect(await filterSidebar(page).isVisible()).toBe(true);
      expect(await filterButton(page).count()).toBe(0);
      // The stance filter is one field, not a list of every stance.
      expect(await filterSidebar(page).getByPlaceholder('Any stance').isVisible()).toBe(true);
      // Stance, topics and review stay in view; on the small laptop, type and status give way and the speaker moves above the headline.
      for (const column of ['Date', 'Headline', 'Stance', 'Topics', 'Review']) {
        const header = page.getByRole('columnheader', { name: column });
        expect(await header.isVisible()).toBe(true);
        if (screen === 'small laptop') expect(await withinWindow(page, header)).toBe(true);
      }
      const speakerColumn = page.getByRole('columnheader', { name: 'Speaker' });
      const typeColumn = page.getByRole('columnheader', { name: 'Type / status' });
      expect(await speakerColumn.isVisible()).toBe(screen === 'desktop');
      expect(await typeColumn.isVisible()).toBe(screen === 'desktop');
      if (screen === 'small laptop') {
        const [first] = (await read('/api/statements?_sort=date&_order=ASC&_end=1')).body;
        const speaker = (await read(`/api/actors/${first.speakerId}`)).body.name;
        expect(await tableRows(page).first().locator('td.column-headline').innerText()).toMatch(new RegExp(`^${speaker}\\n`));
      }
    }
    expect(ui.problems).toEqual([]);
  });

  it('on a phone, filters through the drawer: a speaker chosen there shows as a chip, which removes it', async () => {
    const lavrov = await actorNamed('Lavrov');
    const lavrovCount = await countOf(`/api/statements?speakerId=${lavrov.id}`);
    const total = await countOf('/api/statements');
    ui = await openAdmin(suite, '/statements', { as: 'viewer', viewport: PHONE });
    const { page } = ui;
    await expectStatements(page, 'phone', Math.min(total, 25));

    await filterButton(page).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await choose(page, drawer.getByPlaceholder('Any speaker'), 'Lavrov', 'Sergey Lavrov (Сергей Лавров)');
    await expectStatements(page, 'phone', lavrovCount);
    await saveScreenshot(page, 'screenshots/phone-statement-filters');
    await drawer.getByRole('button', { name: 'Show results' }).click();
    await drawer.waitFor({ state: 'hidden' });

    const chip = page.getByRole('button', { name: 'Remove Speaker: Sergey Lavrov' });
    await chip.waitFor();
    expect(await filterButton(page).innerText()).toMatch(/Filters \(1\)/i);
    expect(new URL(page.url()).searchParams.getAll('speakerId')).toEqual([String(lavrov.id)]);
    expect(await pageScrollsSideways(page)).toBe(false);

    await chip.click();
    await expectStatements(page, 'phone', Math.min(total, 25));
    expect(await chip.count()).toBe(0);
    expect(new URL(page.url()).searchParams.has('speakerId')).toBe(false);
    expect(ui.problems).toEqual([]);
  });
});

describe('the timeline', () => {
  const cases = SCREEN_NAMES.flatMap((screen) => (['single', 'lanes'] as const).map((view) => [screen, view] as const));

  it.each(cases)('on a %s, %s', async (screen, view) => {
    const lavrov = await actorNamed('Lavrov');
    const kono = await actorNamed('Kono');
    const expected = (await read(`/api/timeline?speakerId=${lavrov.id}&speakerId=${kono.id}&limit=500`)).body.total;
    const search = `speakerId=${lavrov.id}&speakerId=${kono.id}${view === 'lanes' ? '&view=lanes' : ''}`;
    ui = await openAdmin(suite, `/timeline?${search}`, { as: 'viewer', viewport: SCREENS[screen] });
    const { page } = ui;
    await waitUntil(() => page.getByTestId('timeline-entry').count(), expected, 'entries on the timeline');
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(await mainLandmarks(page)).toBe(1);

    if (screen === 'phone') {
      expect(await filterSidebar(page).count()).toBe(0);
      expect(await filterButton(page).innerText()).toMatch(/Filters \(2\)/i);
      for (const name of ['Sergey Lavrov', 'Taro Kono']) {
        expect(await page.getByRole('button', { name: `Remove Speaker: ${name}` }).isVisible()).toBe(true);
      }
      if (view === 'single') await saveScreenshot(page, 'screenshots/phone-timeline');
    } else {
      expect(await filterSidebar(page).isVisible()).toBe(true);
      expect(await filterButton(page).count()).toBe(0);
    }
    if (view === 'lanes') {
      const headers = page.getByTestId('timeline-lane-header');
      expect(await headers.count()).toBe(2);
      // With the menu collapsed, both lanes fit beside the filters on the small laptop.
      if (screen !== 'phone') for (const header of await headers.all()) expect(await withinWindow(page, header)).toBe(true);
    }
    expect(ui.problems).toEqual([]);
  });
});

describe('the other pages with filters', () => {
  it('on a phone, the activity feed and the analysis have their filters behind a button too', async () => {
    ui = await openAdmin(suite, '/revisions', { as: 'admin', viewport: PHONE });
    const { page } = ui;
    await tableRows(page).first().waitFor();
    expect(await filterSidebar(page).count()).toBe(0);
    await filterButton(page).click();
    const drawer = page.getByRole('dialog', { name: 'Filters' });
    await drawer.getByRole('button', { name: 'Topics' }).click();
    await drawer.getByRole('button', { name: 'Show results' }).click();
    await drawer.waitFor({ state: 'hidden' });
    const chip = page.getByRole('button', { name: 'Remove Record: Topics' });
    await chip.waitFor();
    await waitUntil(
      async () => {
        const rows = await tableRows(page).allInnerTexts();
        return rows.length > 0 && rows.every((text) => text.includes('Topic: '));
      },
      true,
      'only topic changes listed',
    );
    expect(await pageScrollsSideways(page)).toBe(false);
    await chip.click();
    await chip.waitFor({ state: 'detached' });
    expect(await filterButton(page).innerText()).toMatch(/^Filters$/i);

    await page.goto('/analysis');
    await page.getByRole('tab', { name: 'Stance over time' }).waitFor();
    expect(await filterSidebar(page).count()).toBe(0);
    expect(await filterButton(page).isVisible()).toBe(true);
    expect(await pageScrollsSideways(page)).toBe(false);
    expect(ui.problems).toEqual([]);
  });
});

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
