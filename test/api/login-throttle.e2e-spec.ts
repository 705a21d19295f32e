import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';
import { TEST_USERS } from '../support/test-users';

/**
 * The login throttle against concurrent guesses (issue 19, item 1): a failure is counted per
 * (account, address), per account and per address (IPv6 by /64), before the password is checked.
 * The hashing limit is lifted here (passwordHashSlots), so that every admitted guess is checked
 * and the counts are the throttle's alone; password-hashing-load.e2e-spec.ts tests that limit.
 */

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ auth: { passwordHashSlots: 64 } });
  base = await t.listen();
});
afterAll(() => t.close());

const login = (email: string, password: string, address: string) =>
  request(base).post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });

describe('the login throttle', () => {
  it('lets at most 5 of 40 concurrent wrong passwords for one account from one address reach the check; the rest are 429', async () => {
    const { email, password } = TEST_USERS.viewer;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(email, `wrong guess ${i}`, '10.7.0.1')));
    const checked = answers.filter((a) => a.status === 401);
    const throttled = answers.filter((a) => a.status === 429);
    console.log(`40 concurrent wrong sign-ins for one account from one address: ${checked.length} × 401, ${throttled.length} × 429`);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(throttled).toHaveLength(40 - checked.length);
    for (const answer of throttled) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(800);
      expect(answer.body.message).toMatch(/Too many failed sign-in attempts/);
    }
    // The right password from that address waits too; from another address the owner signs in.
    await login(email, password, '10.7.0.1').expect(429);
    await login(email, password, '10.7.0.2').expect(200);
  }, 60_000);

  it('stops an account from new addresses after 20 failures from several, but not where its owner signed in before', async () => {
    const { email, password } = TEST_USERS.editor;
    await login(email, password, '10.8.0.1').expect(200);
    const guesses = Array.from({ length: 4 }, (_, a) =>
      Array.from({ length: 5 }, (_, i) => login(email, `guess ${a}.${i}`, `10.8.1.${a}`)),
    );
    for (const answer of await Promise.all(guesses.flat())) expect(answer.status).toBe(401);
    const elsewhere = await login(email, password, '10.8.2.1').expect(429);
    expect(Number(elsewhere.headers['retry-after'])).toBeGreaterThan(800);
    await login(email, password, '10.8.0.1').expect(200);
  }, 60_000);

  it('counts an IPv6 client by its /64', async () => {
    const { email, password } = TEST_USERS.admin;
    const guesses = Array.from({ length: 5 }, (_, i) => login(email, `guess ${i}`, `2001:db8:19:1::${i + 1}`));
    for (const answer of await Promise.all(guesses)) expect(answer.status).toBe(401);
    await login(email, password, '2001:db8:19:1:ffff:1:2:3').expect(429);
    await login(email, password, '2001:db8:19:2::1').expect(200);
  }, 60_000);
});
