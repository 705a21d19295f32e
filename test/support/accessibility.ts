import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';

/**
 * What the admin's accessibility and screen-size tests share: the windows researchers use, an
 * axe-core scan that fails on what would stop someone from using a page, and keyboard checks.
 */

/** A phone (iPhone 12–15), a 13-inch laptop at its default scaling, a desktop. */
export const PHONE = { width: 390, height: 844 };
export const SMALL_LAPTOP = { width: 1024, height: 768 };
export const DESKTOP = { width: 1440, height: 900 };
export const SCREENS = { phone: PHONE, 'small laptop': SMALL_LAPTOP, desktop: DESKTOP } as const;
export type ScreenName = keyof typeof SCREENS;

/** The axe-core impacts that fail a test: a page a keyboard or screen reader user cannot use (or read) as intended. */
const BLOCKING = new Set(['serious', 'critical']);

/** One line per problem and element: what axe-core found, how bad, where. */
export interface AxeProblem {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical axe-core violations of the page as it is now (its WCAG 2.x A/AA and best-practice rules). */
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} :: ${node.html.slice(0, 140)}`),
    }));
}

/** Whether the page itself scrolls sideways (a table or a lane row scrolling inside its own box is fine). */
export const pageScrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.scrollingElement!.scrollWidth > window.innerWidth);

/** How many `<main>` landmarks the page has (react-admin's layout draws the one it should have). */
export const mainLandmarks = (page: Page): Promise<number> => page.locator('main, [role="main"]').count();

/**
 * Presses Tab from where the focus is until `target` has it, as a keyboard user would, and
 * returns how many presses it took; fails after `limit` presses. The focus must be visible
 * (`:focus-visible`, the state browsers draw a focus ring for) on arrival.
 */
export async function tabTo(page: Page, target: Locator, limit = 60): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) {
      return presses;
    }
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`${String(target)} not reached in ${limit} presses of Tab (the focus is on ${focused})`);
}

/**
 * Whether the focused element shows it: browsers draw their focus ring on `:focus-visible`; MUI
 * buttons take Mui-focusVisible instead, text fields Mui-focused on their frame.
 */
export const focusIsVisible = (page: Page): Promise<boolean> =>
  page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    if (!focused || focused === document.body) return false;
    if (!focused.matches(':focus-visible')) return false;
    const style = getComputedStyle(focused);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    // A text field shows its focus on its frame (MUI's underline), not on the input.
    return ring || focused.classList.contains('Mui-focusVisible') || style.boxShadow !== 'none' || focused.closest('.Mui-focused') !== null;
  });
