import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { configureHttp } from './app.setup';
import { ConfigError, loadConfig } from './config/app-config';
import { EmbeddedDatabaseError } from './database/embedded-postgres';
import { migrate } from './database/migrate';
import { openDatabase } from './database/open-database';
import { FixtureLoader } from './fixtures/fixture-loader';
import { FirstAdmin } from './users/first-admin';
import { PinoLogger } from 'nestjs-pino';
import { ChronicleLogger } from './logging/chronicle-logger';
import { createRootLogger, loggingParams } from './logging/logging-options';
import { GracefulShutdown } from './database/graceful-shutdown';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logging = loggingParams(createRootLogger(config.logLevel));
  const appLogger = new ChronicleLogger(logging);
  // Every Nest Logger, before the app exists too (the embedded PostgreSQL's start), writes JSON.
  Logger.overrideLogger(appLogger);
  const logger = new Logger('Chronicle');

  const { url: databaseUrl, embedded } = await openDatabase(config, (message) => logger.log(message), {
    logError: (message) => logger.error(message),
  });
  // From here on a signal also stops the embedded PostgreSQL, during start-up too.
  const shutdown = new GracefulShutdown({ embedded, timeoutMs: config.shutdownTimeoutMs, logger });

  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({
      databaseUrl,
      database: config.database,
      auth: config.auth,
      logging,
      imports: config.imports,
      snapshots: { publicUrl: config.publicUrl },
      exports: config.exports,
    }),
    { logger: appLogger },
  );
  shutdown.serve(app);
  try {
    const firstAdmin = { email: config.auth.adminEmail, password: config.auth.adminPassword, embedded: Boolean(embedded) };
    await app.get(FirstAdmin).checkPossible(firstAdmin);
    const outcome = await migrate(app.get(DataSource));
    if (outcome.applied.length) logger.log(`Applied migrations: ${outcome.applied.join(', ')}`);
    const admin = await app.get(FirstAdmin).ensure(firstAdmin);
    // Whenever the database is still empty, so that a first start killed during the load is completed by the next.
    if (config.seedOnFirstStart && (await app.get(FixtureLoader).databaseIsEmpty())) await app.get(FixtureLoader).loadAll(admin);
  } catch (error) {
    // Leave nothing running behind a failed start (the embedded PostgreSQL is a child of ours).
    await app.close();
    await embedded?.stop();
    throw error;
  }

  configureHttp(app, { corsOrigins: config.corsOrigins, trustProxy: config.trustProxy });
  await app.listen(config.port, config.host);
  const address = `http://localhost:${config.port}`;
  logger.log(`Chronicle is ready in ${Date.now() - startedAt} ms: ${address}/ (API: ${address}/api, OpenAPI: ${address}/api/docs)`);
}

main().catch((error: unknown) => {
  // Also when the configuration (LOG_LEVEL included) could not be read: a JSON line all the same.
  const log = PinoLogger.root ?? createRootLogger('info');
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) {
    log.fatal(`Chronicle cannot start: ${error.message}`);
  } else {
    log.fatal({ err: error }, `Chronicle cannot start: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
});
