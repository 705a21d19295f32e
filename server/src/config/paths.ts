import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const isRepositoryRoot = (dir: string) => {
  const manifest = path.join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'chronicle';
};

/** The repository (or image) root, found the same way from `src/` (tests) and `dist/` (built server). */
function findRepositoryRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
  }
  throw new Error(`Chronicle's root folder (package.json named "chronicle") was not found above ${start}`);
}

export const REPOSITORY_ROOT = findRepositoryRoot(__dirname);
export const MIGRATIONS_DIR = path.join(REPOSITORY_ROOT, 'migrations');
export const FIXTURES_DIR = path.join(REPOSITORY_ROOT, 'fixtures');
export const ADMIN_DIST_DIR = path.join(REPOSITORY_ROOT, 'admin', 'dist');
