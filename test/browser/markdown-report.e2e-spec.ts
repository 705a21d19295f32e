import MarkdownIt from 'markdown-it';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';
import { saveScreenshot } from '../support/admin-ui';

/*
 * The seed's Markdown report as a reader gets it once pasted into a document (issue 20, finding
 * 9): rendered by a CommonMark renderer (markdown-it, passing inline HTML as GitHub and pandoc
 * do) and read in Chromium. What the text checks of test/api/markdown-report.e2e-spec.ts cannot
 * see is checked here on the rendered page: no markup left over as text, one heading per entry
 * under its period, every "In reply to" link landing on the entry it names, the quotations as
 * block quotations, and the sources as a numbered list.
 */

let t: TestApp;
let browser: Browser;
let page: Page;
let statements: { id: number; headline: string; quote: string | null; quoteKind: string | null }[];

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  browser = await launchBrowser();
  statements = (await t.as('viewer').get('/api/statements?_sort=date&_order=ASC&_end=1000').expect(200)).body;
  const markdown = (await t.as('viewer').get('/api/statements.md?_sort=date&_order=ASC').expect(200)).text;
  const html = new MarkdownIt({ html: true }).render(markdown);
  page = await browser.newPage({ viewport: { width: 900, height: 1400 } });
  await page.setContent(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Report</title><body><main>${html}</main></body></html>`,
  );
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

it('reads as a chronology: a title, period headings, one heading per entry, and no markup left as text', async () => {
  expect(await page.locator('h1').allInnerTexts()).toEqual(['Statements']);
  const periods = await page.locator('h2').allInnerTexts();
  expect(periods.at(-1)).toBe('Sources');
  expect(periods.length).toBeGreaterThan(2);
  // Each statement once, as a heading, in the order of the list.
  const headings = await page.locator('h3').allInnerTexts();
  expect(headings.map((heading) => heading.replace(/ \((planned|cancelled|rumoured|denied)\)$/, ''))).toEqual(
    statements.map((statement) => statement.headline),
  );
  // What a reader sees holds no Markdown syntax: no asterisks, escapes, link brackets or tags.
  const text = await page.locator('main').innerText();
  for (const markup of ['**', '\\', '](', '<a', '###', '&gt;', '&lt;']) expect(text).not.toContain(markup);
  // Under each heading, its facts line: the date and the speaker in bold.
  const facts = await page.locator('h3 + p').evaluateAll((lines) => lines.map((line) => line.querySelectorAll('strong').length));
  expect(facts).toHaveLength(statements.length);
  expect(facts.every((bold) => bold >= 2)).toBe(true);
  await saveScreenshot(page, 'screenshots/markdown-report');
});

it('lands every "In reply to" link on the heading of the entry it names', async () => {
  const replies = await page.locator('a[href^="#"]').evaluateAll((links) =>
    links.map((link) => {
      const target = document.getElementById(decodeURIComponent(link.getAttribute('href')!.slice(1)));
      return { text: link.textContent, heading: target?.closest('h3')?.textContent ?? null };
    }),
  );
  expect(replies.length).toBeGreaterThan(0);
  for (const reply of replies) {
    expect(reply.heading).not.toBeNull();
    // The link names the entry by its headline (and date): the heading it lands on.
    expect(reply.text).toContain(reply.heading!.replace(/ \(\w+\)$/, ''));
  }
});

it('sets the speakers’ words as block quotations in quotation marks, and numbers the sources cited', async () => {
  const quotations = statements.filter((statement) => statement.quote && statement.quoteKind !== 'paraphrase');
  const quoted = await page.locator('blockquote').allInnerTexts();
  expect(quoted.length).toBeGreaterThan(0);
  expect(quoted.length).toBeLessThanOrEqual(quotations.length);
  for (const block of quoted) expect(block.trim()).toMatch(/^“/);
  const sources = await page.locator('h2:text-is("Sources") + ol > li').allInnerTexts();
  expect(sources.length).toBeGreaterThan(0);
  expect(sources[0]).toMatch(
    /^Muneyoshi Mitsuda and Hitoshi Omae, “Deep gap emerges between Japan, Russia over territorial dispute”, The Mainichi/,
  );
  // Every citation marker in the entries points into that list.
  const markers = [...(await page.locator('main').innerText()).matchAll(/\[(\d+)(?:, [^\]]+)?\]/g)].map((match) => Number(match[1]));
  expect(markers.length).toBeGreaterThan(0);
  expect(Math.max(...markers)).toBeLessThanOrEqual(sources.length);
});
