import crypto from 'node:crypto';
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import { PasswordHashing } from '../../server/src/auth/password-hashing';
import { until } from '../support/fault-helpers';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { TEST_USERS } from '../support/test-users';

/**
 * A flood of sign-ins cannot take the server down (issue 19, item 2): at most a few scrypt
 * computations run at once (128 MiB and a core each), the others are refused at once with 503
 * and Retry-After, and the rest of the API keeps answering meanwhile.
 */

let t: TestApp;
let base: URL;
let listPath: string;
const MiB = 1024 * 1024;

beforeAll(async () => {
  t = await createTestApp();
  base = new URL(await t.listen());
  const make = factories(t);
  const speakerId = (await make.actor({ name: 'Flooded speaker' })).id;
  // A page above the compression threshold: compressed on libuv's thread pool, where scrypt runs too.
  for (let i = 0; i < 12; i++)
    await make.statement({ speakerId, quote: `Statement ${i}: said again and again, at length, on the record.` });
  listPath = `/api/statements?_start=0&_end=25&speakerId=${speakerId}`;
}, 60_000);
afterAll(() => t.close());

interface Answer {
  status: number;
  retryAfter?: string;
  ms: number;
}

/** One request on a connection of its own, as a browser or a script would send it (accepting compression). */
function send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: object): Promise<Answer> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent: false,
        headers: { 'Accept-Encoding': 'gzip, deflate, br', ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'], ms: performance.now() - started }),
        );
        response.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const signIn = (email: string, password: string, address: string) =>
  send('POST', '/api/auth/login', { 'X-Forwarded-For': address }, { email, password });
const health = () => send('GET', '/api/health', {});
const list = () => send('GET', listPath, { Authorization: `Bearer ${t.users.viewer.token}` });

/** Health and a list page, one after the other, until `done` (at least once): the latencies a user sees meanwhile. */
async function sampleUntil(done: () => boolean, into: { health: number[]; list: number[] }): Promise<void> {
  do {
    const h = await health();
    expect(h.status).toBe(200);
    into.health.push(h.ms);
    const l = await list();
    expect(l.status).toBe(200);
    into.list.push(l.ms);
  } while (!done());
}

const max = (values: number[]) => Math.max(...values);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round = (values: number[]) => values.map((v) => Math.round(v));

/**
 * Counts the scrypt computations under way (started, whether running or queued in libuv's
 * pool, and not finished), by wrapping node:crypto's scrypt, which password-hash.ts calls.
 */
function countHashesUnderWay(onStart: () => void) {
  const hashes = { underWay: 0, most: 0, restore: () => spy.mockRestore() };
  const original = crypto.scrypt as unknown as (...args: unknown[]) => void;
  const spy = jest.spyOn(crypto, 'scrypt').mockImplementation((...args: unknown[]) => {
    const callback = args.pop() as (...result: unknown[]) => void;
    hashes.most = Math.max(hashes.most, ++hashes.underWay);
    onStart();
    original(...args, (...result: unknown[]) => {
      hashes.underWay--;
      callback(...result);
    });
  });
  return hashes;
}

describe('password hashing under a flood of sign-ins', () => {
  it('hashes no more than its slots, refuses the rest at once, and answers health and lists while every slot is taken', async () => {
    const slots = t.app.get(PasswordHashing).slots;
    // Every scrypt is held, started but not finished until released: the slots stay taken for as
    // long as the checks below need, whatever the machine's load, so what is checked is the
    // mechanism (a bounded queue that lists never wait in), not how fast this machine is.
    const original = crypto.scrypt as unknown as (...args: unknown[]) => void;
    const held: (() => void)[] = [];
    const spy = jest.spyOn(crypto, 'scrypt').mockImplementation((...args: unknown[]) => {
      const callback = args.pop();
      held.push(() => original(...args, callback));
    });
    let answered = 0;
    try {
      const flood = Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          signIn(`held${i}@flood.example`, 'a guess at a password', `10.21.0.${i}`).then((answer) => {
            answered++;
            return answer;
          }),
        ),
      );
      // Unbounded, the hundred would all wait for a hash and none would be answered here.
      await until(async () => (answered === 100 - slots ? true : undefined), 20_000, `${100 - slots} sign-ins answered at once`);
      expect(held.length).toBe(slots);
      for (let i = 0; i < 5; i++) {
        expect((await health()).status).toBe(200);
        expect((await list()).status).toBe(200);
      }
      expect(answered).toBe(100 - slots);
      for (const release of held) release();
      const answers = await flood;
      const refused = answers.filter((a) => a.status === 503);
      expect(refused.length).toBe(100 - slots);
      for (const answer of refused) expect(answer.retryAfter).toBe('1');
      expect(answers.filter((a) => a.status === 401).length).toBe(slots);
    } finally {
      spy.mockRestore();
      for (const release of held.splice(0)) release();
    }
  });

  it('hashes a few at a time, refuses the rest at once with 503, and keeps health and lists answering', async () => {
    const slots = t.app.get(PasswordHashing).slots;
    // The baseline: the same requests, one after the other, on the same busy machine, just before.
    await sampleUntil(() => true, { health: [], list: [] }); // warm-up: the first answers are slower
    const idle = { health: [] as number[], list: [] as number[] };
    let rounds = 0;
    await sampleUntil(() => ++rounds === 20, idle);

    let peakRss = 0;
    const rssBefore = process.memoryUsage().rss;
    const rssProbe = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
    // The moment every sign-in of the flood is either answered or being hashed: reading 100
    // requests at once costs what it costs, hashing or not; what is measured is the time after.
    let answered = 0;
    let allTakenIn!: () => void;
    const takenIn = new Promise<void>((resolve) => (allTakenIn = resolve));
    const check = () => answered + hashes.underWay >= 100 && allTakenIn();
    const hashes = countHashesUnderWay(check);
    // 100 sign-ins for unknown emails, from 100 addresses (no throttle applies), all at once.
    const flood = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signIn(`nobody${i}@flood.example`, 'a guess at a password', `10.19.0.${i}`).then((answer) => {
          answered++;
          check();
          return answer;
        }),
      ),
    );
    const during = { health: [] as number[], list: [] as number[] };
    await Promise.race([takenIn, flood]);
    await sampleUntil(() => answered === 100, during);
    const answers = await flood;
    clearInterval(rssProbe);
    hashes.restore();

    const refused = answers.filter((a) => a.status === 503);
    const checked = answers.filter((a) => a.status === 401);
    console.log(
      [
        `hashing slots: ${slots}; hashes under way at most: ${hashes.most}`,
        `flood of 100: ${checked.length} × 401 (hashed), ${refused.length} × 503; slowest 401 ${Math.round(max(checked.map((a) => a.ms)))} ms, slowest 503 ${Math.round(max(refused.map((a) => a.ms)))} ms`,
        `idle:   health ${round(idle.health).join(' ')} ms; list ${round(idle.list).join(' ')} ms`,
        `during: health ${round(during.health).join(' ')} ms; list ${round(during.list).join(' ')} ms`,
        `RSS ${Math.round(rssBefore / MiB)} MiB before, peak ${Math.round(peakRss / MiB)} MiB (+${Math.round((peakRss - rssBefore) / MiB)} MiB)`,
      ].join('\n'),
    );

    expect(hashes.most).toBeLessThanOrEqual(slots);
    expect(checked.length + refused.length).toBe(100);
    expect(checked.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    // Within 100 ms (the figure), as the median: the slowest single answer is the
    // machine's, not the server's — in CI, with the other jest worker driving Chromium on the same
    // 2 cores, one list took 471 ms during a flood while its median was 67 ms (a slot per core
    // then). It is in the log above, not asserted: that the API does not wait on hashing at all is
    // the test before this one, which does not depend on the machine's load.
    expect(median(during.health)).toBeLessThan(100);
    expect(median(during.list)).toBeLessThan(100);
    // Each scrypt holds 128 MiB while it runs: no more than the slots' worth, plus room for the requests themselves.
    expect(peakRss - rssBefore).toBeLessThan((slots * 128 + 128) * MiB);
  }, 120_000);

  it('still costs a hash for an unknown email, so that timing does not tell which accounts exist', async () => {
    const known = await signIn(TEST_USERS.viewer.email, 'not the password', '10.20.0.1');
    const unknown = await signIn('nobody@nowhere.example', 'not the password', '10.20.0.2');
    expect([known.status, unknown.status]).toEqual([401, 401]);
    // scrypt at N = 2^17 takes well over 50 ms; a shortcut for unknown emails would take a few.
    expect(unknown.ms).toBeGreaterThan(50);
    expect(unknown.ms).toBeGreaterThan(known.ms / 3);
  }, 30_000);
});
