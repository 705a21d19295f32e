import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { findFreePort } from '../../server/src/database/free-port';
import { runCli } from '../support/cli-process';
import { databaseChecksum } from '../support/database-checksum';
import { factories } from '../support/factories';
import { startServerProcess, stopAllServerProcesses } from '../support/server-process';
import { createTestApp, TestApp } from '../support/test-app';
import { adminUrl, databaseUrl } from '../support/test-database';

/**
 * `npm run backup` / `npm run restore` as an operator runs them (the built CLIs, in processes
 * of their own): a round trip reproduces every table exactly, a restore is all or nothing,
 * and a running server's embedded database can be backed up while it serves.
 */
const run = runCli;

async function maintenance(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

let t: TestApp;
let dir: string;
const scratch: string[] = [];
async function emptyDatabase(): Promise<string> {
  const name = `chronicle_restore_${randomBytes(4).toString('hex')}`;
  await maintenance(`CREATE DATABASE ${name}`);
  scratch.push(name);
  return databaseUrl(name);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-backup-'));
  // Rows COPY's framing must survive, and a reply to a statement recorded after it.
  const make = factories(t);
  const speaker = await make.actor({ name: 'Tab\there, back\\slash', nativeName: '河野 太郎 🗾' });
  const answer = await make.statement({ speakerId: speaker.id, headline: 'line one\nline two', quote: '\\.\n\\.' });
  const question = await make.statement({ speakerId: speaker.id, headline: 'Later question' });
  const current = await t.http().get(`/api/statements/${answer.id}`);
  await t.http().patch(`/api/statements/${answer.id}`).send({ respondsToId: question.id, version: current.body.version }).expect(200);
  await t
    .http()
    .delete(`/api/statements/${question.id - 2}`)
    .expect(200);
  // Saved queries are their owners' (owner_id → users): a restore carries them, shared or not.
  await t.as('viewer').post('/api/saved-queries').send({ name: 'Kept, shared', query: 'type=meeting', shared: true }).expect(201);
  await t.as('editor').post('/api/saved-queries').send({ name: 'Kept, own', resource: 'timeline', query: 'view=lanes' }).expect(201);
  // Account changes are revisions too (resources users and tokens): a restore carries them.
  const invited = (await t.http().post('/api/users').send({ email: 'kept@test.example', displayName: 'Kept', role: 'viewer' }).expect(201))
    .body;
  await t.http().patch(`/api/users/${invited.id}`).send({ role: 'editor' }).expect(200);
  const session = (await t.as('anonymous').post('/api/auth/login').send({ email: 'kept@test.example', password: invited.oneTimePassword }))
    .body.token;
  await t
    .as('anonymous')
    .post('/api/auth/password')
    .set('Authorization', `Bearer ${session}`)
    .send({ currentPassword: invited.oneTimePassword, newPassword: 'kept own password' })
    .expect(204);
  await t
    .as('anonymous')
    .post('/api/auth/tokens')
    .set('Authorization', `Bearer ${session}`)
    .send({ name: 'kept token', scope: 'read' })
    .expect(201);
});

afterAll(async () => {
  await stopAllServerProcesses();
  await t.close();
  for (const name of scratch) await maintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('backup and restore', () => {
  jest.setTimeout(60_000);
  let backup: string;

  it('round-trips every table exactly, and new rows continue after the restored ids', async () => {
    backup = path.join(dir, 'full.backup.gz');
    const made = await run('backup', ['--out', backup], { DATABASE_URL: t.databaseUrl });
    expect(made).toMatchObject({ code: 0 });
    expect(made.output).toMatch(/rows: .*24 statements/);
    expect(made.output).toMatch(/rows: .*2 saved_queries/);
    expect((await stat(backup)).mode & 0o777).toBe(0o600);

    const target = await emptyDatabase();
    const restored = await run('restore', [backup], { DATABASE_URL: target });
    expect(restored.output).toMatch(/Restored .* in [\d.]+ s/);
    expect(restored.code).toBe(0);
    expect(await databaseChecksum(target)).toEqual(await databaseChecksum(t.databaseUrl));
    const restoredQueries = new Client({ connectionString: target });
    await restoredQueries.connect();
    const queries = await restoredQueries
      .query('SELECT q.name, q.shared, u.email FROM saved_queries q JOIN users u ON u.id = q.owner_id ORDER BY q.id')
      .finally(() => restoredQueries.end());
    expect(queries.rows).toEqual([
      { name: 'Kept, shared', shared: true, email: 'vera.viewer@test.example' },
      { name: 'Kept, own', shared: false, email: 'eddie.editor@test.example' },
    ]);
    const accountEntries = new Client({ connectionString: target });
    await accountEntries.connect();
    const kept = await accountEntries
      .query(`SELECT resource::text, action::text FROM revisions WHERE resource IN ('users', 'tokens') ORDER BY id`)
      .finally(() => accountEntries.end());
    expect(kept.rows.map((row) => `${row.resource} ${row.action}`)).toEqual([
      'users create',
      'users update',
      'users update',
      'tokens create',
    ]);

    // Rows in any order load: here every reply comes before the statement it answers.
    const lines = gunzipSync(await readFile(backup))
      .toString('utf8')
      .split('\n');
    const from = lines.findIndex((line) => line.startsWith('{"table":"statements"')) + 1;
    const to = lines.indexOf('\\.', from);
    const reordered = path.join(dir, 'reordered.backup.gz');
    await writeFile(reordered, gzipSync([...lines.slice(0, from), ...lines.slice(from, to).reverse(), ...lines.slice(to)].join('\n')));
    const reorderedTarget = await emptyDatabase();
    expect((await run('restore', [reordered], { DATABASE_URL: reorderedTarget })).code).toBe(0);
    expect(await databaseChecksum(reorderedTarget)).toEqual(await databaseChecksum(t.databaseUrl));

    const client = new Client({ connectionString: target });
    await client.connect();
    const { rows } = await client.query(
      `INSERT INTO topics (name) VALUES ('after the restore') RETURNING id, (SELECT max(id) FROM topics) AS before`,
    );
    await client.end();
    expect(rows[0].id).toBe(rows[0].before + 1);
  });

  it('refuses to overwrite data without --replace, and leaves it untouched', async () => {
    const target = await emptyDatabase();
    expect((await run('restore', [backup], { DATABASE_URL: target })).code).toBe(0);
    const before = await databaseChecksum(target);
    const refused = await run('restore', [backup], { DATABASE_URL: target });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/already holds Chronicle data \(.*24 statements.*\): .*--replace/);
    expect(await databaseChecksum(target)).toEqual(before);
  });

  it('loads all or nothing: a truncated or corrupt file leaves even a --replace target as it was', async () => {
    const target = await emptyDatabase();
    const other = await createTestApp({ seed: true });
    try {
      await factories(other).topic({ name: 'only in the target' });
      const keep = path.join(dir, 'other.backup.gz');
      expect((await run('backup', ['--out', keep], { DATABASE_URL: other.databaseUrl })).code).toBe(0);
      expect((await run('restore', [keep], { DATABASE_URL: target })).code).toBe(0);
    } finally {
      await other.close();
    }
    const before = await databaseChecksum(target);

    const lines = gunzipSync(await readFile(backup))
      .toString('utf8')
      .split('\n');
    const statementsAt = lines.findIndex((line) => line.startsWith('{"table":"statements"'));
    const truncated = path.join(dir, 'truncated.backup.gz');
    await writeFile(truncated, gzipSync(lines.slice(0, statementsAt + 3).join('\n')));
    const cut = await run('restore', [truncated, '--replace'], { DATABASE_URL: target });
    expect(cut.code).toBe(1);
    expect(cut.output).toMatch(/ends inside table statements: the file is truncated/);
    expect(await databaseChecksum(target)).toEqual(before);

    const corrupt = path.join(dir, 'corrupt.backup.gz');
    const bytes = await readFile(backup);
    bytes[Math.floor(bytes.length / 2)] ^= 0xff;
    await writeFile(corrupt, bytes);
    const damaged = await run('restore', [corrupt, '--replace'], { DATABASE_URL: target });
    expect(damaged.code).toBe(1);
    expect(await databaseChecksum(target)).toEqual(before);

    // The gzip stream itself breaks in the middle of a table's rows: the error comes from the
    // decompressor while a COPY is open. That restore used to hang (its ROLLBACK queued behind
    // the COPY), and DROP DATABASE elsewhere on the server waited on it.
    const cutGzip = path.join(dir, 'cut-gzip.backup.gz');
    const whole = await readFile(backup);
    await writeFile(cutGzip, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const broken = await run('restore', [cutGzip, '--replace'], { DATABASE_URL: target });
    expect(broken.output).not.toMatch(/killed after/);
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/unexpected end of file/);
    expect(await databaseChecksum(target)).toEqual(before);

    const replaced = await run('restore', [backup, '--replace'], { DATABASE_URL: target });
    expect(replaced.code).toBe(0);
    expect(await databaseChecksum(target)).toEqual(await databaseChecksum(t.databaseUrl));
  });

  it("loads only Chronicle's tables, each once, and only web addresses for sources: anything else leaves the target as it was", async () => {
    const target = await emptyDatabase();
    expect((await run('restore', [backup], { DATABASE_URL: target })).code).toBe(0);
    const client = new Client({ connectionString: target });
    await client.connect();
    await client.query(`INSERT INTO topics (name) VALUES ('only in the target')`);
    await client.end();
    const before = await databaseChecksum(target);

    const lines = gunzipSync(await readFile(backup))
      .toString('utf8')
      .split('\n');
    const trailerAt = lines.findIndex((line) => line.startsWith('{"end":true'));
    const counts = (JSON.parse(lines[trailerAt]) as { rows: Record<string, number> }).rows;
    const forged = async (name: string, edit: (copy: string[]) => void) => {
      const copy = [...lines];
      edit(copy);
      const file = path.join(dir, `${name}.backup.gz`);
      await writeFile(file, gzipSync(copy.join('\n')));
      return file;
    };
    const refuses = async (file: string, reason: RegExp) => {
      const refused = await run('restore', [file, '--replace'], { DATABASE_URL: target });
      expect(refused.output).toMatch(reason);
      expect(refused.code).toBe(1);
      expect(await databaseChecksum(target)).toEqual(before);
    };

    // Rows for TypeORM's list of migrations, which the restore writes itself: a schema the database would not have.
    const intoMigrations = await forged('extra-table', (copy) =>
      copy.splice(
        trailerAt,
        1,
        '{"table":"migrations","columns":["id","timestamp","name"]}',
        '999\t1999999999999\tForged1999999999999',
        '\\.',
        JSON.stringify({ end: true, rows: { ...counts, migrations: 1 } }),
      ),
    );
    await refuses(
      intoMigrations,
      /Restore failed; the database is unchanged: The backup has a table "migrations", which is not one of Chronicle's tables \(.*statements.*\): the file is damaged\./,
    );

    // A table listed twice, its rows split between the two, the closing line counting the second only.
    const topicsAt = lines.findIndex((line) => line.startsWith('{"table":"topics"'));
    const topicRows = lines.slice(topicsAt + 1, lines.indexOf('\\.', topicsAt));
    const half = Math.floor(topicRows.length / 2);
    const twice = await forged('table-twice', (copy) => {
      copy.splice(
        trailerAt,
        1,
        lines[topicsAt],
        ...topicRows.slice(half),
        '\\.',
        JSON.stringify({ end: true, rows: { ...counts, topics: topicRows.length - half } }),
      );
      copy.splice(topicsAt + 1, topicRows.length, ...topicRows.slice(0, half));
    });
    await refuses(twice, /Restore failed; the database is unchanged: The backup lists table topics twice: the file is damaged\./);

    // A source whose address is no web address: the database's check refuses it, as it would any other writer's.
    const sourcesAt = lines.findIndex((line) => line.startsWith('{"table":"sources"'));
    const urlColumn = (JSON.parse(lines[sourcesAt]) as { columns: string[] }).columns.indexOf('url');
    const script = await forged('script-url', (copy) => {
      const values = copy[sourcesAt + 1].split('\t');
      values[urlColumn] = 'javascript:alert(document.cookie)';
      copy[sourcesAt + 1] = values.join('\t');
    });
    await refuses(script, /violates check constraint "chk_sources_url"/);
  });

  it('backs up the embedded database while the server that started it keeps serving', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-hot-backup-'));
    try {
      const env = {
        DATA_DIR: dataDir,
        EMBEDDED_PG_PORT: String(await findFreePort()),
        PORT: String(await findFreePort()),
        ADMIN_EMAIL: 'backup@example.org',
        ADMIN_PASSWORD: 'a long enough password',
      };
      const server = await startServerProcess(env);
      expect(server.output()).toMatch(/Chronicle is ready/);
      const file = path.join(dir, 'hot.backup.gz');
      const made = await run('backup', ['--out', file], env);
      expect(made.output).toMatch(/Using the embedded PostgreSQL the running Chronicle started/);
      expect(made.code).toBe(0);
      expect(made.output).toMatch(/rows: .*22 statements/);
      const health = await fetch(`http://127.0.0.1:${env.PORT}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await stopAllServerProcesses();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
