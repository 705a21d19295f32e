import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';

/**
 * The admin's types (admin/src/api/schema.ts) are generated from the server's OpenAPI document:
 * the committed file must be what the current document generates (`npm run api-types`).
 */
const run = promisify(execFile);
const SCRIPT = path.join(REPOSITORY_ROOT, 'admin', 'scripts', 'generate-api-types.mjs');
const COMMITTED = path.join(REPOSITORY_ROOT, 'admin', 'src', 'api', 'schema.ts');

async function check(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, '--check', '--file', file], { cwd: REPOSITORY_ROOT });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('the admin’s generated API types', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-api-types-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('are what the server’s current document generates', async () => {
    expect(await check(COMMITTED)).toEqual({ code: 0, output: expect.stringContaining('is up to date') });
  }, 60_000);

  it('fail the check when they drift from the document (a field edited by hand)', async () => {
    const drifted = path.join(dir, 'schema.ts');
    await copyFile(COMMITTED, drifted);
    const text = await readFile(drifted, 'utf8');
    await writeFile(drifted, text.replace('headline: string;', 'headline: string | null;'));
    const { code, output } = await check(drifted);
    expect(code).toBe(1);
    expect(output).toMatch(/is not what the server's OpenAPI document generates \(first difference at line \d+\): run npm run api-types/);
  }, 60_000);
});
