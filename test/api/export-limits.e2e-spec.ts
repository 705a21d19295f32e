import { Logger } from '@nestjs/common';
import * as http from 'node:http';
import { pgPool } from '../../server/src/database/pg-pool';
import { EXPORT_RETRY_AFTER_SECONDS, ExportSlots } from '../../server/src/exports/export-slots';
import { generateData } from '../../server/src/generator/generate-data';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * Issue 19, item 3: exports cannot starve the API. Each export holds a database connection
 * until its client has read it, so a client that opens many and reads none could take the
 * whole pool. At most 2 exports per account (an anonymous reader: per address) and 4 in all
 * (half the default pool of 10) stream at once, the rest answer 429 with Retry-After; list,
 * record and timeline requests keep their connections; a reader that stops reading is
 * dropped after the stall timeout, and its connection comes back.
 *
 * The database is large enough that no export fits into the socket buffers (tens of MB of CSV
 * against a few MB of buffers): a paused export stays blocked on back-pressure, holding its
 * connection, which the test checks rather than assumes.
 */
const STATEMENTS = 40_000;
/** The stall timeout of the second app (the first keeps the default minute, so its paused exports stay while latency is measured). */
const STALL_MS = 1_000;
const ROUNDS = 15;

let t: TestApp;
let base: string;
let snapshotId: number;
let recordId: number;
let personalToken: string;

beforeAll(async () => {
  t = await createTestApp({ auth: { publicRead: 'all' } });
  await generateData(pgPool(t.dataSource), { statements: STATEMENTS, actors: 200, sources: 400 });
  base = await t.listen();
  recordId = (await t.dataSource.query('SELECT id FROM statements ORDER BY id LIMIT 1'))[0].id;
  const [{ speakerId }] = await t.dataSource.query('SELECT speaker_id AS "speakerId" FROM statements ORDER BY id LIMIT 1');
  snapshotId = (
    await t
      .as('editor')
      .post('/api/snapshots')
      .send({ title: 'One speaker', query: `speakerId=${speakerId}` })
      .expect(201)
  ).body.id;
  personalToken = (await t.as('admin').post('/api/auth/tokens').send({ name: 'export script', scope: 'read' }).expect(201)).body.token;
}, 180_000);
afterAll(() => t.close(), 30_000);

/** Every request the tests open, closed after each test: a failed one must not leave paused exports (or jest) hanging. */
const requests: http.ClientRequest[] = [];
afterEach(() => {
  for (const request of requests.splice(0)) request.destroy();
});

/** Waits for a condition, polling; false at the deadline (a generous one: it only bounds a failing run). */
async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** Pool clients taken out (by exports) and not given back. */
const checkedOut = (app: TestApp) => {
  const pool = pgPool(app.dataSource);
  return pool.totalCount - pool.idleCount;
};

/** Sessions of the test database in the middle of a transaction (an export's cursor), besides this query's own. */
const sessionsInTransaction = async (app: TestApp) =>
  (
    await app.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'`,
    )
  )[0].n as number;

type Caller = { token: string } | { ticket: string } | { address: string };

interface Opened {
  status: number;
  retryAfter?: string;
  message?: string;
  /** When the request was sent and when its answer's headers came. */
  sentAt: number;
  answeredAt: number;
  request: http.ClientRequest;
  response: http.IncomingMessage;
}

/**
 * Sends a GET on a connection of its own and resolves when the headers come. A 200 is left
 * unread: the client has stopped reading, and the server's writes block once the socket
 * buffers are full. Any other answer is read to its end.
 */
function open(appBase: string, path: string, caller: Caller): Promise<Opened> {
  const headers: Record<string, string> = {};
  if ('token' in caller) headers.Authorization = `Bearer ${caller.token}`;
  if ('address' in caller) headers['X-Forwarded-For'] = caller.address;
  const url = 'ticket' in caller ? `${appBase}${path}${path.includes('?') ? '&' : '?'}ticket=${caller.ticket}` : `${appBase}${path}`;
  const sentAt = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers, agent: false }, (response) => {
      const answer = { status: response.statusCode!, sentAt, answeredAt: performance.now(), request, response };
      if (response.statusCode === 200) return resolve(answer);
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ ...answer, retryAfter: response.headers['retry-after'], message: JSON.parse(body).message }));
    });
    request.on('error', reject);
    requests.push(request);
  });
}

/** Reads what is left of a response: whether it arrived whole or was cut off by the server. */
function readRest(response: http.IncomingMessage): Promise<'whole' | 'cut'> {
  return new Promise((resolve) => {
    response.on('error', () => resolve('cut'));
    response.on('close', () => resolve(response.complete ? 'whole' : 'cut'));
    response.resume();
  });
}

/** Closes a paused export from the client's side. */
const hangUp = (opened: Opened) => opened.request.destroy();

/** One round of the API's everyday reads, each timed; every answer must be 200. */
async function everydayReads(appBase: string, token: string): Promise<number[]> {
  const times: number[] = [];
  for (const path of ['/api/statements?_end=25', `/api/statements/${recordId}`, '/api/timeline?limit=25']) {
    const started = performance.now();
    const response = await fetch(`${appBase}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    times.push(performance.now() - started);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
  }
  return times;
}

async function measureReads(appBase: string, token: string): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) times.push(...(await everydayReads(appBase, token)));
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
}

const PER_ACCOUNT = /^Too many exports at once: this account already streams 2, the most one account may \(EXPORTS_PER_USER = 2\)/;
const PER_ADDRESS = /^Too many exports at once: this address already streams 2, the most one address may \(EXPORTS_PER_USER = 2\)/;
const IN_ALL =
  /^Too many exports at once: the server already streams 4, the most it streams for all readers together \(EXPORTS_TOTAL = 4\)/;

describe('export limits', () => {
  it('admits 2 exports per account or address and 4 in all, and the API keeps answering as fast while they are stalled', async () => {
    // Warm-up, then the baseline: the same reads with no export under way.
    await everydayReads(base, t.users.viewer.token);
    const idle = await measureReads(base, t.users.viewer.token);

    const ticket = (await t.as('admin').post('/api/auth/export-ticket').expect(201)).body.ticket as string;
    const admin = { token: t.users.admin.token };
    // One after the other, so that which limit each meets is known: an account's tokens and
    // tickets share its 2; anonymous readers count by address, an IPv6 address by its /64.
    const opened: Opened[] = [];
    const openNext = async (path: string, caller: Caller) => {
      opened.push(await open(base, path, caller));
      return opened[opened.length - 1];
    };
    expect((await openNext('/api/statements/export?format=csv', admin)).status).toBe(200);
    expect((await openNext('/api/statements.ndjson', { token: personalToken })).status).toBe(200);
    const thirdOfAccount = await openNext('/api/statements.csv', { ticket });
    expect([thirdOfAccount.status, thirdOfAccount.retryAfter, thirdOfAccount.message]).toEqual([
      429,
      String(EXPORT_RETRY_AFTER_SECONDS),
      expect.stringMatching(PER_ACCOUNT),
    ]);
    // A ticket for a third is refused the same way: the page that asks for it can say why, where
    // the browser's download of a refused export would just fail.
    const refusedTicket = await t.as('admin').post('/api/auth/export-ticket').expect(429);
    expect([refusedTicket.headers['retry-after'], refusedTicket.body.message]).toEqual(['10', expect.stringMatching(PER_ACCOUNT)]);
    expect((await openNext('/api/statements/export?format=json', { address: '2001:db8:1:2::10' })).status).toBe(200);
    expect((await openNext('/api/statements/export?format=markdown', { address: '2001:db8:1:2::20' })).status).toBe(200);
    const thirdOfAddress = await openNext('/api/statements.csv', { address: '2001:db8:1:2::30' });
    expect([thirdOfAddress.status, thirdOfAddress.retryAfter, thirdOfAddress.message]).toEqual([
      429,
      String(EXPORT_RETRY_AFTER_SECONDS),
      expect.stringMatching(PER_ADDRESS),
    ]);
    // The server streams 4: every other export route refuses anyone else, all at once.
    const editor = { token: t.users.editor.token };
    const viewer = { token: t.users.viewer.token };
    const beyond = await Promise.all([
      open(base, `/api/snapshots/${snapshotId}/export?format=csv`, editor),
      open(base, `/api/snapshots/${snapshotId}/network?kind=replies`, editor),
      open(base, '/api/analysis/network?kind=actor-topic', viewer),
      open(base, '/api/statements.md', viewer),
      open(base, '/api/statements.json', { address: '198.51.100.7' }),
      open(base, '/api/statements/export?format=timelinejs', { address: '198.51.100.7' }),
    ]);
    opened.push(...beyond);
    for (const refused of beyond)
      expect([refused.status, refused.retryAfter, refused.message]).toEqual([429, '10', expect.stringMatching(IN_ALL)]);
    expect((await t.as('editor').post('/api/auth/export-ticket').expect(429)).body.message).toMatch(IN_ALL);
    expect(opened).toHaveLength(12);
    expect(opened.filter((o) => o.status === 200)).toHaveLength(4);
    expect(opened.filter((o) => o.status === 429)).toHaveLength(8);
    // Each admitted export holds one connection; 6 of the 10 are left.
    expect(checkedOut(t)).toBe(4);
    // Once their socket buffers are full (a few MB each), the exports wait for their readers.
    const slots = t.app.get(ExportSlots);
    expect(await until(() => slots.waitingForReaders(500) === 4)).toBe(true);
    const filledAfter = performance.now() - Math.max(...opened.map((o) => o.answeredAt)) - 500;

    const loaded = await measureReads(base, t.users.viewer.token);
    console.log(
      `everyday reads (list, record, timeline; ${ROUNDS} rounds): idle median ${idle.median.toFixed(1)} ms, max ${idle.max.toFixed(1)} ms; ` +
        `with 4 exports stalled (their buffers full ${filledAfter.toFixed(0)} ms after the last answer) and 8 refused: ` +
        `median ${loaded.median.toFixed(1)} ms, max ${loaded.max.toFixed(1)} ms`,
    );
    // Relative to this run's baseline (2 busy cores): the same order of time, far from the
    // pool's 5-second wait for a connection that exhausted it would cost.
    expect(loaded.median).toBeLessThan(idle.median * 3 + 25);
    expect(loaded.max).toBeLessThan(idle.max * 5 + 250);
    // The stalled exports were still stalled throughout: none could finish into the buffers.
    expect(checkedOut(t)).toBe(4);
    expect([slots.underWay, slots.waitingForReaders(500)]).toEqual([4, 4]);

    // A client that hangs up gives its slot and its connection back at once.
    for (const o of opened) if (o.status === 200) hangUp(o);
    expect(await until(() => checkedOut(t) === 0 && slots.underWay === 0)).toBe(true);
    expect(await until(async () => (await sessionsInTransaction(t)) === 0)).toBe(true);
  });

  describe('with a stall timeout of 1 s', () => {
    let stalling: TestApp;
    let stallingBase: string;
    const warnings: string[] = [];

    beforeAll(async () => {
      jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
      stalling = await createTestApp({ database: t.database, auth: { publicRead: 'all' }, exports: { stallTimeoutMs: STALL_MS } });
      stallingBase = await stalling.listen();
    }, 60_000);
    afterAll(async () => {
      await stalling.stop();
      jest.restoreAllMocks();
    });

    it('takes 4 of 12 exports asked for at once, drops them once their readers stop, and gives their connections back', async () => {
      const callers: { name: string; caller: Caller }[] = [
        ...(['admin', 'editor', 'viewer'] as const).map((role) => ({ name: role, caller: { token: stalling.users[role].token } })),
        { name: '203.0.113.9', caller: { address: '203.0.113.9' } },
      ];
      const asked = callers.flatMap(({ name, caller }) =>
        ['csv', 'ndjson', 'json'].map(async (format) => ({
          name,
          ...(await open(stallingBase, `/api/statements/export?format=${format}`, caller)),
        })),
      );
      const opened = await Promise.all(asked);
      const admitted = opened.filter((o) => o.status === 200);
      const refused = opened.filter((o) => o.status === 429);
      expect([admitted.length, refused.length]).toEqual([4, 8]);
      for (const { name } of callers) expect(admitted.filter((o) => o.name === name).length).toBeLessThanOrEqual(2);
      for (const r of refused)
        expect([r.retryAfter, r.message]).toEqual(['10', expect.stringMatching(/EXPORTS_PER_USER = 2|EXPORTS_TOTAL = 4/)]);
      expect(checkedOut(stalling)).toBe(4);

      // Nobody reads: after the stall timeout the server drops all four, and says so.
      expect(await until(() => stalling.app.get(ExportSlots).underWay === 0)).toBe(true);
      const droppedAfter = performance.now() - Math.min(...admitted.map((o) => o.sentAt));
      expect(droppedAfter).toBeGreaterThanOrEqual(STALL_MS);
      expect(await until(() => checkedOut(stalling) === 0)).toBe(true);
      expect(await until(async () => (await sessionsInTransaction(stalling)) === 0)).toBe(true);
      const drops = warnings.map((w) =>
        /^Export \/api\/statements\/export for \S+ \S+ dropped: its reader took nothing for ([\d.]+) s/.exec(w),
      );
      const waits = drops.filter((d) => d !== null).map((d) => d[1]);
      expect(waits).toHaveLength(4);
      console.log(
        `4 stalled readers dropped, the last ${droppedAfter.toFixed(0)} ms after they asked (stall timeout ${STALL_MS} ms; ` +
          `the server saw them take nothing for ${waits.join(', ')} s)`,
      );
      // Their clients, reading again, find their files cut off, never complete.
      for (const o of admitted) expect(await readRest(o.response)).toBe('cut');

      // Slots free again: a reader that reads on, however slowly, is never dropped. It rests for
      // a quarter of the stall timeout after each 256 kB: the whole transfer outlasts the
      // timeout several times, while no single wait comes near it.
      const started = performance.now();
      const slow = await open(stallingBase, '/api/statements/export?format=csv&columns=id,headline,quote', {
        token: stalling.users.viewer.token,
      });
      expect(slow.status).toBe(200);
      let bytes = 0;
      let lines = 0;
      let sinceRest = 0;
      let rests = 0;
      slow.response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        sinceRest += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        if (sinceRest < 256 * 1024) return;
        sinceRest = 0;
        rests++;
        slow.response.pause();
        setTimeout(() => slow.response.resume(), STALL_MS / 4);
      });
      const outcome = await new Promise<'whole' | 'cut'>((resolve) => {
        slow.response.on('error', () => resolve('cut'));
        slow.response.on('end', () => resolve(slow.response.complete ? 'whole' : 'cut'));
      });
      const took = performance.now() - started;
      console.log(`a slow reader took ${(bytes / 1e6).toFixed(1)} MB in ${took.toFixed(0)} ms, resting ${rests} times ${STALL_MS / 4} ms`);
      expect(outcome).toBe('whole');
      expect(lines).toBeGreaterThanOrEqual(STATEMENTS + 1);
      // Its rests alone add up to twice the stall timeout and more.
      expect(rests * (STALL_MS / 4)).toBeGreaterThanOrEqual(2 * STALL_MS);
      expect(warnings.filter((w) => /dropped/.test(w))).toHaveLength(4);
      expect(await until(() => checkedOut(stalling) === 0 && stalling.app.get(ExportSlots).underWay === 0)).toBe(true);
    });
  });
});
