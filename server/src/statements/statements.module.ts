import { Module } from '@nestjs/common';
import { EdtfController } from './edtf.controller';
import { StatementsController } from './statements.controller';
import { StatementsService } from './statements.service';

@Module({
  controllers: [StatementsController, EdtfController],
  providers: [StatementsService],
  exports: [StatementsService],
})
export class StatementsModule {}
