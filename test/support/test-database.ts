/** Names shared by the global setup (which builds the template) and the test files (which clone it). */
export const TEMPLATE_DATABASE = 'chronicle_test_template';
/** Connection string of the maintenance database on the test server, set by the global setup. */
export const ADMIN_URL_ENV = 'CHRONICLE_TEST_ADMIN_URL';

export function adminUrl(): string {
  const url = process.env[ADMIN_URL_ENV];
  if (!url) throw new Error(`${ADMIN_URL_ENV} is not set: run the tests through jest (test/jest.config.js)`);
  return url;
}

export function databaseUrl(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}
