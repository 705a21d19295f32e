import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module';
import { SourcesModule } from '../sources/sources.module';
import { StancesModule } from '../stances/stances.module';
import { StatementsModule } from '../statements/statements.module';
import { TopicsModule } from '../topics/topics.module';
import { TrashController } from './trash.controller';
import { TrashService } from './trash.service';

@Module({
  imports: [StatementsModule, ActorsModule, SourcesModule, TopicsModule, StancesModule],
  controllers: [TrashController],
  providers: [TrashService],
})
export class TrashModule {}
