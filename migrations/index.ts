import { readdirSync } from 'node:fs';
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/** `<13-digit timestamp>-<Name>.ts` here, `.js` once compiled (server/dist/migrations). */
const MIGRATION_FILE = /^\d{13}-[A-Za-z0-9]+\.(ts|js)$/;

/**
 * Every migration in this folder, oldest first (by the timestamp that starts its file name).
 * `npm run migration:generate -- <Name>` writes a new file here; nothing else needs to list it.
 * Read it and name it for what it does before committing.
 */
export const MIGRATIONS: MigrationClass[] = readdirSync(__dirname)
  .filter((file) => MIGRATION_FILE.test(file))
  .sort()
  .map((file) => {
    // Loaded by name at start-up, as TypeORM's own glob loading would, so that a new migration needs no registration.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(`./${file}`) as Record<string, unknown>).filter((value) => typeof value === 'function');
    if (exported.length !== 1) throw new Error(`migrations/${file} must export exactly one migration class`);
    return exported[0] as MigrationClass;
  });
