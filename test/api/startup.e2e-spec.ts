import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../server/src/database/free-port';
import { SERVER_MAIN, startServerProcess as start, stopAllServerProcesses } from '../support/server-process';
import { adminUrl, databaseUrl } from '../support/test-database';

/**
 * `npm start` as a user runs it: the built server, its embedded PostgreSQL in a fresh data
 * folder, migrations, fixtures, Ctrl-C, and a second start that keeps the data.
 */
const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const get = async (port: number, pathname: string, token?: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  return { status: res.status, total: res.headers.get('x-total-count'), body: await res.json() };
};

const send = async (port: number, method: string, pathname: string, body: unknown, token?: string) => {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: res.status === 204 ? undefined : await res.json() };
};

let dataDir: string;
beforeAll(async () => {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: npm test builds the server first (npm run build)`);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-start-'));
});
afterAll(async () => {
  await stopAllServerProcesses();
  await rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('npm start', () => {
  jest.setTimeout(120_000);

  it('starts the embedded PostgreSQL, migrates, seeds, serves; Ctrl-C stops both; a restart keeps the data', async () => {
    const pgPort = await findFreePort();
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), PORT: String(await findFreePort()) };
    const first = await start(env);
    const port = Number(env.PORT);
    expect(first.output()).toMatch(/Applied migrations: CreateStatementSchema/);
    expect(first.output()).toMatch(/fixtures: 13 actors, 1 sources, 7 topics, 5 stances, 22 statements created/);

    // No ADMIN_EMAIL on the embedded default: a first admin with a one-time password, printed once.
    const printed = /email: +(\S+)\s.*\n.*password: +(\S+)/.exec(first.output());
    expect(printed?.[1]).toBe('admin@localhost');
    expect((await get(port, '/api/actors')).status).toBe(401);
    const login = await send(port, 'POST', '/api/auth/login', { email: 'admin@localhost', password: printed![2] });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'admin', mustChangePassword: true });
    let token: string = login.body.token;
    expect((await get(port, '/api/actors', token)).status).toBe(403);
    expect(
      (await send(port, 'POST', '/api/auth/password', { currentPassword: printed![2], newPassword: 'a password of my own' }, token)).status,
    ).toBe(204);

    const actors = await get(port, '/api/actors?q=Lavrov', token);
    const lavrov = actors.body[0].id;
    const lavrovs = await get(port, `/api/statements?speakerId=${lavrov}&_sort=date&_order=ASC`, token);
    expect(lavrovs.status).toBe(200);
    expect(lavrovs.total).toBe('4');
    const health = await get(port, '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', database: 'up' });
    // npm test builds the admin before jest, as npm start does: the same server serves it at /.
    const adminPage = await fetch(`http://127.0.0.1:${port}/timeline?speakerId=${lavrov}`);
    expect(adminPage.status).toBe(200);
    const adminHtml = await adminPage.text();
    expect(adminHtml).toContain('<div id="root"></div>');
    expect(adminHtml).toMatch(/<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js">/);
    expect(first.output()).toMatch(new RegExp(`ready in \\d+ ms: http://localhost:${port}/ `));

    const added = await send(port, 'POST', '/api/topics', { name: 'Fisheries' }, token);
    expect(added.status).toBe(201);
    expect(added.body.createdBy).toEqual({ id: login.body.user.id, name: 'Administrator' });

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(first.output()).toMatch(/Stopped\./);
    expect(await portOpen(pgPort)).toBe(false);

    const second = await start(env);
    expect(second.output()).not.toMatch(/Applied migrations|fixtures:|password:/);
    // Sessions survive a restart (they live in the database).
    const topics = await get(port, '/api/topics?q=Fisheries', token);
    expect(topics.body).toHaveLength(1);
    expect((await get(port, '/api/statements', token)).total).toBe('22');
    token = (await send(port, 'POST', '/api/auth/login', { email: 'admin@localhost', password: 'a password of my own' })).body.token;
    expect((await get(port, '/api/auth/me', token)).body.user.mustChangePassword).toBe(false);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('uses DATABASE_URL instead when it is set', async () => {
    const database = `chronicle_start_${Date.now()}`;
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`CREATE DATABASE ${database}`);
    try {
      const port = await findFreePort();
      const env = { DATABASE_URL: databaseUrl(database), PORT: String(port), DATA_DIR: path.join(dataDir, 'unused') };
      // An external database with no accounts: the first admin must come from the environment.
      const refused = await start(env);
      expect(await refused.exited).toBe(1);
      expect(refused.output()).toMatch(/set ADMIN_EMAIL and ADMIN_PASSWORD for the first start/);

      const started = await start({ ...env, ADMIN_EMAIL: 'Team.Lead@Example.org', ADMIN_PASSWORD: 'correct horse battery' });
      expect(started.output()).not.toMatch(/embedded PostgreSQL|password:/);
      const login = await send(port, 'POST', '/api/auth/login', { email: 'team.lead@example.org', password: 'correct horse battery' });
      expect(login.body.user).toMatchObject({ email: 'team.lead@example.org', role: 'admin', mustChangePassword: false });
      expect((await get(port, '/api/statements', login.body.token)).total).toBe('22');
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      expect(existsSync(path.join(dataDir, 'unused'))).toBe(false);
    } finally {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.end();
    }
  });

  it('says clearly when the embedded PostgreSQL port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    try {
      const started = await start({
        DATA_DIR: path.join(dataDir, 'busy'),
        EMBEDDED_PG_PORT: String(busy),
        PORT: String(await findFreePort()),
      });
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(new RegExp(`Port ${busy} on 127.0.0.1 is already in use.*EMBEDDED_PG_PORT`));
    } finally {
      blocker.close();
    }
  });

  it('refuses TRUST_PROXY=true before starting anything, saying what to set instead', async () => {
    const unused = path.join(dataDir, 'trust-proxy');
    const started = await start({ DATA_DIR: unused, PORT: String(await findFreePort()), TRUST_PROXY: 'true' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(
      /Chronicle cannot start: TRUST_PROXY=true would believe any client's X-Forwarded-For.*number of proxies in front of Chronicle/,
    );
    expect(existsSync(unused)).toBe(false);
  });
});
