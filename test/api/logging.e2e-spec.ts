import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { findFreePort } from '../../server/src/database/free-port';
import { ServerProcess, startServerProcess, stopAllServerProcesses } from '../support/server-process';
import { adminUrl, databaseUrl } from '../support/test-database';

/**
 * The production server's log, as a log collector receives it: one JSON object per stdout
 * line, a request id on every line written while a request is handled (the caller's
 * X-Request-Id when it is a sane one), and none of the secrets that passed through.
 */
interface LogLine {
  level: string;
  time: string;
  msg: string;
  reqId?: string;
  context?: string;
  req?: { method: string; url: string };
  res?: { statusCode: number };
  userId?: number;
}

const database = `chronicle_logging_${randomBytes(4).toString('hex')}`;
const ADMIN = { email: 'logs@example.org', password: 'correct horse battery staple' };
const WRONG_PASSWORD = 'not-the-password-9f3a';
let server: ServerProcess;
let base: string;

async function onMaintenanceDb(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  await onMaintenanceDb(`CREATE DATABASE ${database}`);
  const port = await findFreePort();
  server = await startServerProcess({
    DATABASE_URL: databaseUrl(database),
    PORT: String(port),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'info',
  });
  if (!/Chronicle is ready/.test(server.output())) throw new Error(`server did not start:\n${server.output()}`);
  base = `http://127.0.0.1:${port}/api`;
}, 60_000);

afterAll(async () => {
  await stopAllServerProcesses();
  await onMaintenanceDb(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
}, 30_000);

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

function logLines(): LogLine[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
}

async function untilLogged(predicate: (line: LogLine) => boolean): Promise<LogLine> {
  for (let i = 0; i < 100; i++) {
    const found = logLines().find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no such log line in:\n${server.stdout()}`);
}

describe('structured logs', () => {
  jest.setTimeout(60_000);

  it('write one JSON object per line, a request id on request lines, and no secret', async () => {
    const login = await post('/auth/login', ADMIN);
    expect(login.status).toBe(200);
    const session = ((await login.json()) as { token: string }).token;
    const auth = { Authorization: `Bearer ${session}` };

    // The caller's request id is kept and echoed; a header that could forge log lines is not.
    const traced = await fetch(`${base}/statements?_start=0&_end=5`, { headers: { ...auth, 'X-Request-Id': 'trace-42.a:b' } });
    expect(traced.status).toBe(200);
    expect(traced.headers.get('x-request-id')).toBe('trace-42.a:b');
    const forged = await fetch(`${base}/statements?_start=0&_end=5`, { headers: { ...auth, 'X-Request-Id': 'x", "level":"fatal' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const personal = await post('/auth/tokens', { name: 'script', scope: 'read' }, auth);
    const personalToken = ((await personal.json()) as { token: string }).token;
    const ticketResponse = await post('/auth/export-ticket', {}, auth);
    const ticket = ((await ticketResponse.json()) as { ticket: string }).ticket;
    const exported = await fetch(`${base}/statements/export?format=csv&ticket=${encodeURIComponent(ticket)}`);
    expect(exported.status).toBe(200);
    await exported.text();

    // Five failures, then the sixth is throttled: the service's warning is logged inside that request.
    for (let i = 0; i < 5; i++) expect((await post('/auth/login', { email: ADMIN.email, password: WRONG_PASSWORD })).status).toBe(401);
    const throttled = await post('/auth/login', { email: ADMIN.email, password: WRONG_PASSWORD });
    expect(throttled.status).toBe(429);
    const throttledId = throttled.headers.get('x-request-id');

    const warning = await untilLogged((line) => line.context === 'Auth' && /throttled/.test(line.msg));
    expect(warning.level).toBe('warn');
    expect(warning.reqId).toBe(throttledId);

    const tracedLine = await untilLogged((line) => line.reqId === 'trace-42.a:b');
    expect(tracedLine).toMatchObject({
      level: 'info',
      req: { method: 'GET', url: '/api/statements?_start=0&_end=5' },
      res: { statusCode: 200 },
      userId: 1,
    });
    const exportLine = await untilLogged((line) => line.req?.url.startsWith('/api/statements/export') === true);
    expect(exportLine.req!.url).toBe('/api/statements/export?format=csv&ticket=[redacted]');

    // A request's line is written when the server closes its response, which may be after the client has read it.
    await untilLogged((line) => line.reqId === throttledId && line.res?.statusCode === 429);
    const lines = logLines();
    for (const line of lines) {
      expect(typeof line.level).toBe('string');
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(typeof line.msg).toBe('string');
      if (line.req || line.res) expect(line.reqId).toEqual(expect.any(String));
    }
    expect(lines.filter((line) => line.req).length).toBeGreaterThanOrEqual(12);

    const everything = server.output();
    for (const secret of [ADMIN.password, WRONG_PASSWORD, session, personalToken, ticket]) {
      expect(secret.length).toBeGreaterThan(8);
      expect(everything).not.toContain(secret);
    }
  });
});
