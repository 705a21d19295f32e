import { AppConfig } from '../config/app-config';
import { EmbeddedDatabase, runningEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { ensureDatabase } from './ensure-database';

export const EMBEDDED_DATABASE_NAME = 'chronicle';

export interface OpenDatabase {
  url: string;
  /** Set when Chronicle started PostgreSQL itself and must stop it. */
  embedded?: EmbeddedDatabase;
}

/**
 * DATABASE_URL when given; otherwise the embedded PostgreSQL under DATA_DIR, started now (or,
 * for tools that may run beside the server, `shareRunning`, the one already running there).
 * `logError` receives what goes wrong with the embedded one later (it died, it is restarted, …).
 */
export async function openDatabase(
  config: AppConfig,
  log: (message: string) => void = () => undefined,
  options: { shareRunning?: boolean; logError?: (message: string) => void } = {},
): Promise<OpenDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  if (options.shareRunning) {
    const running = await runningEmbeddedPostgres(config.embedded);
    if (running) {
      log(`Using the embedded PostgreSQL the running Chronicle started (port ${config.embedded.port})`);
      return { url: running.urlFor(EMBEDDED_DATABASE_NAME) };
    }
  }
  log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.embedded.dataDir}, port ${config.embedded.port})`);
  const embedded = await startEmbeddedPostgres({ ...config.embedded, onNotice: log, onFailure: options.logError ?? log });
  await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE_NAME);
  return { url: embedded.urlFor(EMBEDDED_DATABASE_NAME), embedded };
}
