import { Controller } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { RevisionRecord } from './revision.dto';
import { RevisionsService } from './revisions.service';
import { REVISION_FILTERS, REVISION_LIST_SPEC, RevisionSort } from './revisions.table';

/** The activity feed: recent changes across the database, filterable by user, collection and action. */
@ApiTags('history')
@Controller('revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @ListEndpoint(REVISION_LIST_SPEC, RevisionRecord)
  @Access('member')
  @ApiOperation({ summary: 'Activity feed', description: 'Recent changes across every collection, newest first.' })
  feed(@ListQueryParam(REVISION_LIST_SPEC) query: ListQuery<typeof REVISION_FILTERS, RevisionSort>) {
    return this.revisions.feed(query);
  }
}
