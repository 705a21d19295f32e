import { Module } from '@nestjs/common';
import { AnalysisController } from './analysis.controller';
import { NetworkService } from './network/network.service';
import { StanceOverTimeService } from './stance-over-time/stance-over-time.service';

/** What the statements show: stance over time and discourse networks, aggregated in SQL. */
@Module({
  controllers: [AnalysisController],
  providers: [StanceOverTimeService, NetworkService],
})
export class AnalysisModule {}
