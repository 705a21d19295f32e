import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, found the same way from `src/` (tests) and from `dist/` (built server). */
function findRepositoryRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'fixtures')) && existsSync(path.join(dir, 'migrations', 'index.ts'))) return dir;
  }
  throw new Error(`Chronicle's repository root (with fixtures/ and migrations/) was not found above ${start}`);
}

export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);
export const MIGRATIONS_DIR = path.join(REPOSITORY_ROOT, 'migrations');
export const FIXTURES_DIR = path.join(REPOSITORY_ROOT, 'fixtures');
export const ADMIN_DIST_DIR = path.join(REPOSITORY_ROOT, 'admin', 'dist');
