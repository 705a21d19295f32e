import { DynamicModule, Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module';
import { SourcesModule } from '../sources/sources.module';
import { StatementsModule } from '../statements/statements.module';
import { TopicsModule } from '../topics/topics.module';
import { IMPORT_SETTINGS, ImportSettings } from './import-settings';
import { ImportRuns } from './import-runs';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

/** Bulk import of statements from files: the upload route, the report, past imports and undo. */
@Module({})
export class ImportsModule {
  static forRoot(settings: ImportSettings): DynamicModule {
    return {
      module: ImportsModule,
      // The fixture loader and the CLI import through the same service.
      global: true,
      imports: [ActorsModule, TopicsModule, SourcesModule, StatementsModule],
      controllers: [ImportsController],
      providers: [ImportsService, ImportRuns, { provide: IMPORT_SETTINGS, useValue: settings }],
      exports: [ImportsService],
    };
  }
}
