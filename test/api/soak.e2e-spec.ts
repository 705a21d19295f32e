import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { OPERATIONS } from '../../bench/soak/soak-operations';
import type { Sample } from '../../bench/soak/soak-sampler';
import type { LoadSummary, Verification } from '../../bench/soak/soak-types';
import type { Check, SoakFigures } from '../../bench/soak/soak-verdict';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';
import { adminUrl } from '../support/test-database';

/**
 * Issue 7's load and soak test in the suite: `npm run soak` — the same program as the full
 * 5 minutes — for 30 s of load (10 s of it warm-up) on 3,000 generated statements, in a
 * database of this run's PostgreSQL. Its verdict must pass: no 5xx, no network error, every
 * acknowledged write read back, RSS, descriptors and database sessions within their bounds.
 * That a 5xx, a lost write or a leak would fail it: soak-verdict.e2e-spec.ts.
 */
const DURATION_S = 30;
/** Fewer than the full soak's 10,000: generating them is a third of the test's set-up time. */
const STATEMENTS = 3000;
const OPERATION_NAMES = [...Object.keys(OPERATIONS), 'export-all'];

interface Results {
  passed: boolean;
  checks: Check[];
  figures: SoakFigures;
  load: LoadSummary;
  verification: Verification;
  samples: Sample[];
}

describe(`npm run soak -- --duration ${DURATION_S} (the short soak)`, () => {
  let dir: string;
  let code: number | null;
  let output: string;
  let results: Results;
  let seconds: number;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-soak-test-'));
    const out = path.join(dir, 'soak.json');
    const started = Date.now();
    const args = [
      'run',
      'soak',
      '--silent',
      '--',
      '--duration',
      String(DURATION_S),
      '--warmup',
      '10',
      '--statements',
      String(STATEMENTS),
      '--out',
      out,
    ];
    ({ code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn('npm', args, { cwd: REPOSITORY_ROOT, env: { ...process.env, SOAK_DATABASE_URL: adminUrl() } });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
    }));
    seconds = (Date.now() - started) / 1000;
    results = JSON.parse(await readFile(out, 'utf8').catch(() => 'null')) as Results;
    if (!results) throw new Error(`npm run soak wrote no results (exit ${code}):\n${output}`);
  }, 150_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes every bound and exits 0', () => {
    console.log(`npm run soak -- --duration ${DURATION_S} took ${seconds.toFixed(1)} s:\n${output}`);
    expect(results.checks.filter((c) => !c.ok)).toEqual([]);
    expect(results.passed).toBe(true);
    expect(code).toBe(0);
  });

  it('ran every operation, with only the statuses each expects', () => {
    for (const name of OPERATION_NAMES) expect({ name, ran: (results.load.operations[name] ?? 0) > 0 }).toEqual({ name, ran: true });
    expect(results.load.fiveXx + results.load.networkErrors + results.load.unexpected + results.load.violations).toBe(0);
    // The races really raced: as many 409s as saves that won.
    const conflict = results.load.byKind.conflict.statuses;
    expect(conflict['409']).toBeGreaterThan(0);
    expect(conflict['409']).toBe(conflict['200']);
    expect(Object.keys(results.load.byKind['read-trashed'].statuses)).toEqual(['404']);
  });

  it('read every acknowledged write back', () => {
    const v = results.verification;
    expect(v.records).toBeGreaterThan(0);
    expect(v.acknowledgedWrites).toBeGreaterThan(v.records);
    expect(v.mismatches).toBe(0);
    expect([v.readById, v.readInList, v.readInExport]).toEqual([v.records, v.live, v.live]);
  });

  it('sampled the server as each phase began and once a second', () => {
    const { samples } = results;
    // Every phase is sampled as it begins (Sampler.enter), however short it is: in this order, each at least once.
    const phases = samples.map((s) => s.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['idle', 'warm-up', 'measured', 'verify', 'after']);
    // The ticks in between: the load alone lasts DURATION_S seconds.
    expect(samples.length).toBeGreaterThanOrEqual(DURATION_S);
    for (const s of samples) expect([s.rssMb, s.fds, s.dbConnections].every((v) => v !== null)).toBe(true);
    // The server used the database under load, so the sessions bound measured something.
    expect(results.figures.db.max).toBeGreaterThan(0);
    expect(output).toContain('| requests | count | req/s | p50 ms | p99 ms | max ms | statuses |');
    expect(output).toContain('| check | measured | bound |  |');
  });
});
