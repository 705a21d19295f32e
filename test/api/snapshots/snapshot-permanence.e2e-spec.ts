import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { runCli } from '../../support/cli-process';
import { factories } from '../../support/factories';
import { createTestApp, TestApp } from '../../support/test-app';
import { adminUrl, databaseUrl } from '../../support/test-database';
import { fileHashes } from './snapshot-files';

/**
 * A snapshot downloads byte-identical forever: after its statements and their references are
 * edited, trashed and purged, after a restart, after a backup restored into a fresh database,
 * and after a migration adds a column to the statements.
 */
const PUBLIC_URL = 'https://chronicle.example.org';
let t: TestApp;
let dir: string;
const scratch: string[] = [];
let snapshotId: number;
let original: Record<string, string>;
let speakerId: number;
let statementIds: number[];

async function maintenance(sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  t = await createTestApp({ snapshots: { publicUrl: PUBLIC_URL } });
  dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-snapshots-'));
  const make = factories(t);
  const speaker = await make.actor({ name: 'Taro Kono', nativeName: '河野太郎', country: 'JP' });
  speakerId = speaker.id;
  const topic = await make.topic({ name: 'Sovereignty' });
  const stance = await make.stance({ name: 'Critical', score: -1, color: '#ef6c00' });
  const source = await make.source({ title: 'Deep gap emerges', publisher: 'The Mainichi' });
  statementIds = [];
  for (const [date, headline] of [
    ['2019-01-14', 'Kono: "a difficult negotiation"'],
    ['2019-01', 'Kono declines to answer, line one\nline two'],
    ['2019', 'Kono on the 1956 declaration — 河野'],
  ]) {
    const made = await make.statement({ speakerId, date, headline, stanceId: stance.id, topicIds: [topic.id], sourceIds: [source.id] });
    statementIds.push(made.id);
  }
  const created = await t
    .http()
    .post('/api/snapshots')
    .send({ title: 'Kono', query: `speakerId=${speakerId}&_sort=date` })
    .expect(201);
  snapshotId = created.body.id;
  original = await fileHashes(t, snapshotId);
  expect(original.ndjson).toBe(created.body.sha256);
});

afterAll(async () => {
  await t.close();
  for (const name of scratch) await maintenance(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('the same bytes, whatever happens after', () => {
  jest.setTimeout(60_000);

  it('after edits to the statements and to the records they name', async () => {
    const [first] = statementIds;
    await t.http().patch(`/api/statements/${first}`).send({ headline: 'Kono, corrected' }).expect(200);
    await t.http().patch(`/api/actors/${speakerId}`).send({ name: 'Kono Taro', title: 'Foreign Minister' }).expect(200);
    await factories(t).statement({ speakerId, date: '2019-01-20', headline: 'A later statement' });
    expect(await fileHashes(t, snapshotId)).toEqual(original);
  });

  it('after a statement is trashed, and another purged', async () => {
    await t.http().delete(`/api/statements/${statementIds[1]}`).expect(200);
    await t.http().delete(`/api/statements/${statementIds[2]}`).expect(200);
    await t.http().delete(`/api/trash/statements/${statementIds[2]}`).expect(200);
    await t.http().get(`/api/statements/${statementIds[2]}`).expect(404);
    expect(await fileHashes(t, snapshotId)).toEqual(original);
  });

  it('after a restart', async () => {
    await t.stop();
    t = await createTestApp({ database: t.database, snapshots: { publicUrl: PUBLIC_URL } });
    expect(await fileHashes(t, snapshotId)).toEqual(original);
  });

  it('after npm run backup and npm run restore into a fresh database', async () => {
    const backup = path.join(dir, 'snapshots.backup.gz');
    const made = await runCli('backup', ['--out', backup], { DATABASE_URL: t.databaseUrl });
    expect(made.code).toBe(0);
    expect(made.output).toMatch(/snapshot_chunks/);
    const name = `chronicle_restore_${randomBytes(4).toString('hex')}`;
    await maintenance(`CREATE DATABASE ${name}`);
    scratch.push(name);
    expect((await runCli('restore', [backup], { DATABASE_URL: databaseUrl(name) })).code).toBe(0);
    const restored = await createTestApp({ database: name, snapshots: { publicUrl: PUBLIC_URL } });
    try {
      expect(await fileHashes(restored, snapshotId)).toEqual(original);
      // The ids go on after the restored ones: a new snapshot never takes an old id.
      const next = await restored.http().post('/api/snapshots').send({ title: 'After the restore', query: '' }).expect(201);
      expect(next.body.id).toBe(snapshotId + 1);
    } finally {
      await restored.stop();
    }
  });

  it('after a migration adds a column to the statements: the snapshot keeps its shape', async () => {
    await t.dataSource.query('ALTER TABLE statements ADD COLUMN added_later text');
    try {
      await t.stop();
      t = await createTestApp({ database: t.database, snapshots: { publicUrl: PUBLIC_URL } });
      expect(await fileHashes(t, snapshotId)).toEqual(original);
      const snapshot = (await t.http().get(`/api/snapshots/${snapshotId}`).expect(200)).body;
      expect(snapshot.columns).not.toContain('added_later');
      // Its diff still compares the columns it has.
      const diff = (await t.http().get(`/api/snapshots/${snapshotId}/diff`).expect(200)).body;
      expect(diff.counts).toEqual({ added: 1, removed: 2, changed: 1, unchanged: 0 });
    } finally {
      await t.dataSource.query('ALTER TABLE statements DROP COLUMN added_later');
    }
  });
});
