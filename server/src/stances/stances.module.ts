import { Module } from '@nestjs/common';
import { StancesController } from './stances.controller';
import { StancesService } from './stances.service';

@Module({
  controllers: [StancesController],
  providers: [StancesService],
  exports: [StancesService],
})
export class StancesModule {}
