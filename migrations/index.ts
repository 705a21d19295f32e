import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { MigrationInterface } from 'typeorm';
import { MIGRATIONS_DIR } from '../server/src/config/paths';

type MigrationClass = new () => MigrationInterface;

/** `<13-digit timestamp>-<Name>.ts`; `.js` once compiled (server/dist/migrations, bench/dist/…). */
const MIGRATION_FILE = /^(\d{13}-[A-Za-z0-9]+)\.(ts|js)$/;

const migrationNames = (dir: string) =>
  readdirSync(dir)
    .map((file) => MIGRATION_FILE.exec(file)?.[1])
    .filter((name): name is string => name !== undefined);

/**
 * The migrations by name, oldest first (by the timestamp that starts each name). The sources
 * in migrations/ decide which there are, where they are at hand: a compiled copy of a migration
 * since renamed or deleted (left behind in a dist folder) is not run. Where they are not (the
 * Docker image holds the compiled server only), the compiled folder decides.
 */
const names = [...new Set(migrationNames(existsSync(MIGRATIONS_DIR) ? MIGRATIONS_DIR : __dirname))].sort();

/**
 * Every migration, oldest first. `npm run migration:generate -- <Name>` writes a new file in
 * migrations/; nothing else needs to list it. Read it and name it for what it does before committing.
 */
export const MIGRATIONS: MigrationClass[] = names.map((name) => {
  // Loaded by name, as TypeORM's own glob loading would, so that a new migration needs no registration.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = Object.values(require(path.join(__dirname, name)) as Record<string, unknown>).filter(
    (value) => typeof value === 'function',
  );
  if (exported.length !== 1) throw new Error(`migrations/${name} must export exactly one migration class`);
  return exported[0] as MigrationClass;
});
// A build that compiled this file but not the migrations beside it would find none, and start on
// an empty schema: say so instead.
if (!MIGRATIONS.length)
  throw new Error(`No migrations in ${__dirname}: the migrations/ folder must be compiled with the code that loads it`);
