import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';
import { findFreePort } from './free-port';

export interface ScratchDatabase {
  url: string;
  adminUrl: string;
  dispose(): Promise<void>;
}

/**
 * A throw-away PostgreSQL: `SCRATCH_DATABASE_URL`'s server when given (a database named
 * `name` is created there), else an embedded cluster in a temporary folder.
 */
export async function startScratchDatabase(name: string): Promise<ScratchDatabase> {
  const external = process.env.SCRATCH_DATABASE_URL;
  if (external) {
    await ensureDatabase(external, name);
    const url = new URL(external);
    url.pathname = `/${name}`;
    return { url: url.toString(), adminUrl: external, dispose: async () => undefined };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chronicle-scratch-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
  await ensureDatabase(embedded.adminUrl, name);
  return {
    url: embedded.urlFor(name),
    adminUrl: embedded.adminUrl,
    dispose: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
