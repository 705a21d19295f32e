import { Module } from '@nestjs/common';
import { SavedQueriesController } from './saved-queries.controller';
import { SavedQueriesService } from './saved-queries.service';

/** Saved queries: filters kept under a name, per account, shareable with the team. */
@Module({
  controllers: [SavedQueriesController],
  providers: [SavedQueriesService],
})
export class SavedQueriesModule {}
