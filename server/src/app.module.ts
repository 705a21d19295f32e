import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule, Params as LoggingParams } from 'nestjs-pino';
import { ActorsModule } from './actors/actors.module';
import { AnalysisModule } from './analysis/analysis.module';
import { AuthOptions, DEFAULT_AUTH_OPTIONS } from './auth/auth-options';
import { AuthModule } from './auth/auth.module';
import { HistoryModule } from './history/history.module';
import { ImportsModule } from './imports/imports.module';
import { DEFAULT_IMPORT_SETTINGS, ImportSettings } from './imports/import-settings';
import { TrashModule } from './trash/trash.module';
import { UsersModule } from './users/users.module';
import { createDataSourceOptions, DatabaseTuning, DEFAULT_DATABASE_TUNING } from './database/data-source-options';
import { defaultExportLimits, ExportLimits } from './exports/export-limits';
import { ExportSlotsModule } from './exports/export-slots.module';
import { ExportsModule } from './exports/exports.module';
import { RecordsModule } from './records/records.module';
import { FixturesModule } from './fixtures/fixtures.module';
import { HealthModule } from './health/health.module';
import { SourcesModule } from './sources/sources.module';
import { StancesModule } from './stances/stances.module';
import { SavedQueriesModule } from './saved-queries/saved-queries.module';
import { SnapshotsModule } from './snapshots/snapshots.module';
import { SnapshotSettings } from './snapshots/snapshot-settings';
import { StatementsModule } from './statements/statements.module';
import { TimelineModule } from './timeline/timeline.module';
import { TopicsModule } from './topics/topics.module';
import { createRootLogger, loggingParams } from './logging/logging-options';

export interface AppModuleOptions {
  databaseUrl: string;
  database?: DatabaseTuning;
  auth?: AuthOptions;
  /** Request logging (pino); silent unless given (the tests), or LOG_LEVEL says otherwise. */
  logging?: LoggingParams;
  /** Imports' body limit and how long an upload waits for its import (IMPORT_BODY_LIMIT, IMPORT_WAIT_MS). */
  imports?: ImportSettings;
  /** PUBLIC_URL, for the permanent addresses snapshots are cited by. */
  snapshots?: SnapshotSettings;
  /** Exports at once per account and in all, and the stall timeout (EXPORTS_PER_USER, EXPORTS_TOTAL, EXPORT_STALL_SECONDS). */
  exports?: ExportLimits;
}

@Module({})
export class AppModule {
  /** The whole API against one database; the schema is the migrations' (never synchronised). */
  static forRoot(options: AppModuleOptions): DynamicModule {
    const database = options.database ?? DEFAULT_DATABASE_TUNING;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(options.logging ?? loggingParams(createRootLogger('silent'))),
        TypeOrmModule.forRoot({
          ...createDataSourceOptions(options.databaseUrl, database),
          migrationsRun: false,
        }),
        AuthModule.forRoot(options.auth ?? DEFAULT_AUTH_OPTIONS),
        ExportSlotsModule.forRoot(options.exports ?? defaultExportLimits(database.poolSize)),
        HistoryModule,
        UsersModule,
        RecordsModule,
        StatementsModule,
        ExportsModule,
        TimelineModule,
        AnalysisModule,
        SnapshotsModule.forRoot(options.snapshots ?? {}),
        SavedQueriesModule,
        ActorsModule,
        SourcesModule,
        TopicsModule,
        StancesModule,
        TrashModule,
        ImportsModule.forRoot(options.imports ?? DEFAULT_IMPORT_SETTINGS),
        FixturesModule,
        HealthModule,
      ],
    };
  }
}
