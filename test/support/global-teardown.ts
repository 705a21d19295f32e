import { rm } from 'node:fs/promises';
import type { EmbeddedDatabase } from '../../server/src/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const started = (globalThis as Record<string, unknown>).__chronicleTestDatabase as
    { embedded: EmbeddedDatabase; dataDir: string } | undefined;
  if (!started) return;
  await started.embedded.stop();
  await rm(started.dataDir, { recursive: true, force: true });
}
