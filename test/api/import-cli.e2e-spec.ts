import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { factories } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

/** `npm run import`: the built command against a database, as a researcher runs it in a terminal. */
let t: TestApp;
let dir: string;
const CLI = path.join(REPOSITORY_ROOT, 'server/dist/server/src/cli/import.js');

beforeAll(async () => {
  t = await createTestApp();
  await factories(t).actor({ name: 'Sergey Lavrov' });
  dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-import-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

function runCli(...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl, ADMIN_EMAIL: t.users.editor.email, LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run import', () => {
  it('checks, imports, and reports, as the API does', async () => {
    const file = path.join(dir, 'coding.csv');
    await writeFile(file, 'key,date,Speaker name,headline,topics\r\ncli-1,2019-01-14,Lavrov,From the terminal,Fishing\r\n');
    const dry = await runCli(file, '--dry-run', '--create-missing', 'topics', '--map', 'Speaker name=speaker');
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.output).toContain('Dry run (nothing written): 1 created, 0 updated, 0 unchanged, 0 failed, of 1 rows.');
    expect(dry.output).toContain('Would create: topic "Fishing"');
    expect(dry.output).toContain('"Lavrov" was read as Sergey Lavrov');
    expect((await t.dataSource.query("SELECT count(*)::int AS n FROM statements WHERE key = 'cli-1'"))[0].n).toBe(0);
    const real = await runCli(file, '--create-missing', 'topics', '--map', 'Speaker name=speaker');
    expect(real.code).toBe(0);
    expect(real.output).toMatch(/Import \d+: 1 created/);
    const [row] = await t.dataSource.query("SELECT created_by_id FROM statements WHERE key = 'cli-1'");
    expect(row.created_by_id).toBe(t.users.editor.id);
  });

  it('exits 1 naming each failed row, and writes nothing', async () => {
    const file = path.join(dir, 'broken.csv');
    await writeFile(file, 'key,date,speaker,headline\r\ncli-2,2019-13,Sergey Lavrov,Bad month\r\n');
    const { code, output } = await runCli(file);
    expect(code).toBe(1);
    expect(output).toContain('wrote nothing: 0 created, 0 updated, 0 unchanged, 1 failed');
    expect(output).toMatch(/row 2: date is not a valid EDTF date/);
  });

  it('refuses a file it cannot tell the format of', async () => {
    const { code, output } = await runCli(path.join(dir, 'coding.ods'));
    expect(code).toBe(1);
    expect(output).toContain('the extension must be .csv, .tsv, .xlsx, .ndjson, .jsonl or .json');
  });
});
