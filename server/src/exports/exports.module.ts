import { Module } from '@nestjs/common';
import { ExportStreamer } from './export-stream';
import { ExportsController } from './exports.controller';
import { RecordExportService } from './record-export.service';
import { StatementExportService } from './statement-export.service';

@Module({
  controllers: [ExportsController],
  providers: [ExportStreamer, StatementExportService, RecordExportService],
  exports: [StatementExportService],
})
export class ExportsModule {}
