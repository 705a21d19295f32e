import { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
let browser: Browser;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  base = await t.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await t.close();
});

it('opens the API documentation in Chromium', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/api/docs`);
  await page.getByText('Chronicle API').first().waitFor();
  expect(await page.title()).toMatch(/Swagger/);
});
