import { createTestApp, TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(() => t.close());

it('lists the seeded actors', async () => {
  const res = await t.http().get('/api/actors').expect(200);
  expect(res.headers['x-total-count']).toBe('11');
});
