import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ADMIN_DIST_DIR, REPOSITORY_ROOT } from '../../server/src/config/paths';

/**
 * `npm start` runs the admin build on every start; it must cost nothing when the admin's
 * sources have not changed since admin/dist was built (npm test has just built it).
 */
it('skips the admin build when admin/dist was built from the current sources', () => {
  const index = path.join(ADMIN_DIST_DIR, 'index.html');
  const before = statSync(index).mtimeMs;
  const stamp = readFileSync(path.join(ADMIN_DIST_DIR, '.build-inputs'), 'utf8');
  const output = execFileSync(process.execPath, [path.join(REPOSITORY_ROOT, 'admin/scripts/build-if-changed.mjs')], { encoding: 'utf8' });
  expect(output).toMatch(/admin: up to date/);
  expect(statSync(index).mtimeMs).toBe(before);
  expect(readFileSync(path.join(ADMIN_DIST_DIR, '.build-inputs'), 'utf8')).toBe(stamp);
});
