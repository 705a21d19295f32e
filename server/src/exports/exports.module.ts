import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller';
import { StatementExportService } from './statement-export.service';

@Module({
  controllers: [ExportsController],
  providers: [StatementExportService],
  exports: [StatementExportService],
})
export class ExportsModule {}
