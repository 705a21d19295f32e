/**
 * `npm run generate -- --statements N [--seed S] [--actors A] [--sources S] [--reset]`
 *
 * Fills the database (DATABASE_URL, or the embedded one under .data/) with realistic
 * synthetic statements through COPY, for trying Chronicle at scale and for benchmarks.
 * Adds N statements to what is there; --reset empties the database first.
 */
import 'reflect-metadata';
import { Presets, SingleBar } from 'cli-progress';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createDataSourceOptions } from '../database/data-source-options';
import { migrate } from '../database/migrate';
import { openDatabase } from '../database/open-database';
import { pgPool } from '../database/pg-pool';
import { generateData } from '../generator/generate-data';

function count(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  if (value === undefined || !/^\d+$/.test(value)) throw new Error(`--${name} takes a whole number, e.g. --${name} 100000`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      statements: { type: 'string' },
      seed: { type: 'string' },
      actors: { type: 'string' },
      sources: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
  });
  const statements = count(values.statements, 'statements');
  const config = loadConfig();
  const { url, embedded } = await openDatabase(config);
  const dataSource = new DataSource(createDataSourceOptions(url, { ...config.database, poolSize: 2 }));
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    if (values.reset) {
      await dataSource.query('TRUNCATE statements, actors, sources, topics, stances RESTART IDENTITY CASCADE');
      console.log('Emptied the database.');
    }
    const bar = new SingleBar(
      {
        format: '[{bar}] {percentage}% | {value}/{total} statements | {duration_formatted} | {stage}',
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      Presets.shades_classic,
    );
    bar.start(statements, 0, { stage: 'starting' });
    const report = await generateData(pgPool(dataSource), {
      statements,
      seed: count(values.seed, 'seed', 1),
      actors: count(values.actors, 'actors', 1000),
      sources: count(values.sources, 'sources', 5000),
      onProgress: (written) => bar.update(written),
      onStage: (stage) => bar.update({ stage }),
    });
    bar.stop();
    console.log(
      `Generated ${statements} statements in ${(report.milliseconds / 1000).toFixed(1)} s. The database now holds ` +
        `${report.statements} statements, ${report.actors} actors, ${report.sources} sources, ${report.topics} topics, ${report.stances} stances.`,
    );
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`Generation failed; nothing was added: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
