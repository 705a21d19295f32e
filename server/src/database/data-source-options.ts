import { Logger } from '@nestjs/common';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { ENTITIES } from './entities';
import { installPgTypeParsers } from './pg-types';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseTuning {
  poolSize: number;
  statementTimeoutMs: number;
  connectionTimeoutMs: number;
}

export const DEFAULT_DATABASE_TUNING: DatabaseTuning = {
  poolSize: 10,
  statementTimeoutMs: 30_000,
  connectionTimeoutMs: 5_000,
};

const poolLogger = new Logger('DatabasePool');

/** The one description of Chronicle's database connection, used by the app, the CLIs and the tests. */
export function createDataSourceOptions(url: string, tuning: DatabaseTuning = DEFAULT_DATABASE_TUNING): DataSourceOptions {
  installPgTypeParsers();
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    poolSize: tuning.poolSize,
    connectTimeoutMS: tuning.connectionTimeoutMs,
    // An idle client whose server went away emits 'error'; unhandled, it would end the process.
    poolErrorHandler: (error: Error) => poolLogger.warn(`idle database connection failed: ${error.message}`),
    extra: {
      application_name: 'chronicle',
      statement_timeout: tuning.statementTimeoutMs,
      // Many short queries at once on few cores: a parallel plan's workers only compete with the
      // other requests' queries (a parallel count took 54 ms alone, 700 ms under 16 connections).
      options: '-c max_parallel_workers_per_gather=0',
      keepAlive: true,
    },
  };
}
