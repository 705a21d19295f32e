import * as http from 'node:http';
import { pgPool } from '../../server/src/database/pg-pool';
import { generateData } from '../../server/src/generator/generate-data';
import { createTestApp, TestApp } from '../support/test-app';

/** Exports come from a cursor: a client that goes away must not keep a connection. */
let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  await generateData(pgPool(t.dataSource), { statements: 20_000, actors: 100, sources: 200 });
  base = await t.listen();
}, 120_000);
afterAll(() => t.close());

/** A viewer's credentials: exports are reads. */
const auth = () => ({ Authorization: `Bearer ${t.users.viewer.token}` });

const until = async (condition: () => Promise<boolean> | boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
};

/** Starts an export, reads its first chunk, then drops the connection. Resolves with the bytes seen. */
function abortAfterFirstChunk(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${base}${path}`, { headers: auth() }, (response) => {
      expect(response.statusCode).toBe(200);
      response.once('data', (chunk: Buffer) => {
        request.destroy();
        resolve(chunk.length);
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

const busyExportSessions = () =>
  t.dataSource.query(
    `SELECT pid, state, left(query, 60) AS query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
  );

describe('streaming exports', () => {
  it.each(['csv', 'ndjson', 'json', 'markdown', 'timelinejs'])(
    '%s: a client that disconnects mid-stream gives the connection back at once',
    async (format) => {
      const pool = pgPool(t.dataSource);
      const seen = await abortAfterFirstChunk(`/api/statements/export?format=${format}`);
      expect(seen).toBeGreaterThan(0);
      const started = Date.now();
      // No client checked out of the pool, and no session left mid-query or mid-transaction.
      expect(await until(() => pool.totalCount === pool.idleCount && pool.waitingCount === 0, 2_000)).toBe(true);
      expect(await until(async () => (await busyExportSessions()).length === 0, 2_000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
      // And the server answers as before.
      const res = await fetch(`${base}/api/statements?_end=1`, { headers: auth() });
      expect(res.headers.get('x-total-count')).toBe('20000');
    },
  );

  it('a complete export streams every row, in several chunks, and returns its connection', async () => {
    const response = await fetch(`${base}/api/statements/export?format=ndjson&columns=id`, { headers: auth() });
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks++;
      text += decoder.decode(chunk, { stream: true });
    }
    expect(text.trim().split('\n')).toHaveLength(20_000);
    expect(chunks).toBeGreaterThan(1);
    const pool = pgPool(t.dataSource);
    expect(await until(() => pool.totalCount === pool.idleCount, 1_000)).toBe(true);
  });
});
