// Builds the admin with Vite unless admin/dist was already built from exactly these inputs.
// `npm start` runs it on every start: the check hashes file contents (not times, which a
// git checkout or a copy changes), so an unchanged admin costs a few milliseconds.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const adminDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distDir = path.join(adminDir, 'dist');
const stampFile = path.join(distDir, '.build-inputs');
// Everything the bundle is made of: our sources and config, and the exact dependency versions.
const INPUTS = ['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', '../package-lock.json'];

function* files(entry) {
  const full = path.join(adminDir, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isDirectory()) {
    for (const name of readdirSync(full).sort()) yield* files(path.join(entry, name));
  } else {
    yield entry;
  }
}

function inputsHash() {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of files(input)) {
      hash.update(`${file.split(path.sep).join('/')}\0`);
      hash.update(readFileSync(path.join(adminDir, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

const wanted = inputsHash();
const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : undefined;
if (built === wanted && existsSync(path.join(distDir, 'index.html')) && !process.env.FORCE_ADMIN_BUILD) {
  console.log('admin: up to date (admin/dist was built from the current sources)');
  process.exit(0);
}

console.log(built ? 'admin: sources changed, building…' : 'admin: building…');
const startedAt = Date.now();
const require = createRequire(import.meta.url);
const viteBin = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: adminDir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('admin: the build failed (see above); the server still starts, and / says the admin is missing');
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${wanted}\n`);
console.log(`admin: built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
