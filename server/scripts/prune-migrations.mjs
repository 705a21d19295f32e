/**
 * Runs after `tsc -b` (npm run build): a migration deleted or renamed in migrations/ leaves
 * its compiled file in server/dist/migrations, and migrations/index.js loads every migration
 * file there by its name. This removes compiled migrations whose source is gone.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = join(dirname(fileURLToPath(import.meta.url)), '..');
const sources = join(server, '..', 'migrations');
const compiled = join(server, 'dist', 'migrations');

if (existsSync(compiled)) {
  for (const file of readdirSync(compiled)) {
    const source = file.replace(/\.js(\.map)?$/, '.ts');
    if (source !== file && !existsSync(join(sources, source))) {
      rmSync(join(compiled, file));
      console.log(`removed server/dist/migrations/${file}: its source is gone`);
    }
  }
}
