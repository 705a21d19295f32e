import { Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { EdtfController } from './edtf.controller';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

@Module({
  imports: [ExportsModule],
  controllers: [StatementsController, EdtfController],
  providers: [StatementsService],
  exports: [StatementsService],
})
export class StatementsModule {}
