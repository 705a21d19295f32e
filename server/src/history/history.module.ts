import { Global, Module } from '@nestjs/common';
import { RECORD_HISTORY } from '../records/collection/record-history';
import { RevisionsController } from './revisions.controller';
import { RevisionsService } from './revisions.service';

/**
 * The history of every curated record: the records engine's RecordHistory, the activity feed, and
 * each record's revisions (revision-routes.ts). Account changes are written by users/ and auth/
 * through account-history.ts, into the same feed.
 */
@Global()
@Module({
  controllers: [RevisionsController],
  providers: [RevisionsService, { provide: RECORD_HISTORY, useExisting: RevisionsService }],
  exports: [RevisionsService, RECORD_HISTORY],
})
export class HistoryModule {}
