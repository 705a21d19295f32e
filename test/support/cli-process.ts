import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from '../../server/src/config/paths';

const CLI = path.join(REPOSITORY_ROOT, 'server/dist/server/src/cli');

const CLI_TIME_LIMIT_MS = 30_000;

/** Runs one of the built CLI scripts (`npm run backup`, `npm run restore`) and gives its exit code and output. */
export function runCli(
  script: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(CLI, `${script}.js`), ...args], {
      env: { ...process.env, ...env },
      cwd: REPOSITORY_ROOT,
    });
    let output = '';
    // A restore that hangs holds a COPY open, and DROP DATABASE … WITH (FORCE) anywhere on the
    // test server then waits for it: kill it, and say so.
    const limit = setTimeout(() => {
      output += `\n[killed after ${CLI_TIME_LIMIT_MS} ms]`;
      child.kill('SIGKILL');
    }, CLI_TIME_LIMIT_MS);
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, output });
    });
  });
}
