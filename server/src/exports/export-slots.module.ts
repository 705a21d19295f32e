import { DynamicModule, Global, Module } from '@nestjs/common';
import { EXPORT_LIMITS, ExportLimits } from './export-limits';
import { ExportSlots } from './export-slots';

/** The one ExportSlots of the application, for every feature that streams a download (exports, analysis, snapshots). */
@Global()
@Module({})
export class ExportSlotsModule {
  static forRoot(limits: ExportLimits): DynamicModule {
    return {
      module: ExportSlotsModule,
      providers: [{ provide: EXPORT_LIMITS, useValue: limits }, ExportSlots],
      exports: [ExportSlots],
    };
  }
}
