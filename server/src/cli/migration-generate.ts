/**
 * `npm run migration:generate -- <NameInPascalCase> [--check]`
 *
 * Migrates a scratch PostgreSQL with the existing migrations, compares it with the
 * entities, and writes the difference as `migrations/<timestamp>-<Name>.ts` (migrations/index.ts
 * finds it by its name). With --check it only reports whether a difference exists.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '../database/data-source-options';
import { diffSchema } from '../database/schema-diff';
import { startScratchDatabase } from '../database/scratch-database';

import { MIGRATIONS_DIR } from '../config/paths';

const escapeTemplate = (sql: string) => sql.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
const statements = (queries: string[]) => queries.map((q) => `    await queryRunner.query(\`${escapeTemplate(q)}\`);`).join('\n');

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const name = args.find((a) => !a.startsWith('--'));
  if (!check && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
    console.error('Usage: npm run migration:generate -- <NameInPascalCase> [--check]');
    return 2;
  }
  const scratch = await startScratchDatabase('chronicle_migration_scratch');
  try {
    const dataSource = new DataSource(createDataSourceOptions(scratch.url));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const diff = await diffSchema(dataSource);
    await dataSource.destroy();
    if (!diff.up.length) {
      console.log('The migrations and the entities agree: nothing to generate.');
      return 0;
    }
    if (check) {
      console.error(`The entities differ from the migrations:\n${diff.up.join(';\n')}`);
      return 1;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}`;
    await writeFile(
      path.join(MIGRATIONS_DIR, `${file}.ts`),
      `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  public async up(queryRunner: QueryRunner): Promise<void> {\n${statements(diff.up)}\n  }\n\n` +
        `  public async down(queryRunner: QueryRunner): Promise<void> {\n${statements(diff.down)}\n  }\n}\n`,
    );
    console.log(`Wrote migrations/${file}.ts: read it, lay it out with \`npm run format\`, then build and test.`);
    return 0;
  } finally {
    await scratch.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
