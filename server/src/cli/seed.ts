/**
 * `npm run seed`: applies pending migrations and loads `fixtures/*.json` into the database
 * (DATABASE_URL, or the embedded one under .data/). Safe to run again: actors, topics, sources
 * and stances already present are kept as they are; a statement whose fixture changed is updated
 * (as an import, undoable), unless a curator changed it since.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { migrate } from '../database/migrate';
import { openDatabase } from '../database/open-database';
import { FixtureLoader } from '../fixtures/fixture-loader';
import { FirstAdmin } from '../users/first-admin';

async function main(): Promise<void> {
  const config = loadConfig();
  const { url: databaseUrl, embedded } = await openDatabase(config);
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ databaseUrl, auth: config.auth }), {
      logger: ['warn', 'error'],
    });
    try {
      const firstAdmin = { email: config.auth.adminEmail, password: config.auth.adminPassword, embedded: Boolean(embedded) };
      await app.get(FirstAdmin).checkPossible(firstAdmin);
      await migrate(app.get(DataSource));
      const admin = await app.get(FirstAdmin).ensure(firstAdmin);
      const report = await app.get(FixtureLoader).loadAll(admin);
      const line = (counts: Record<string, number>) =>
        Object.entries(counts)
          .map(([c, n]) => `${n} ${c}`)
          .join(', ');
      console.log(
        `Loaded ${report.files.join(', ')}\n  created: ${line(report.created)}\n  updated: ${line(report.updated)}\n  already present: ${line(report.existing)}`,
      );
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed; nothing was changed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
