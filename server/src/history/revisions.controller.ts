import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { RevisionsService } from './revisions.service';
import { REVISION_FILTERS, REVISION_LIST_SPEC, RevisionSort } from './revisions.table';

class RevisionDoc {}

/** The activity feed: recent changes across the database, filterable by user, collection and action. */
@ApiTags('history')
@Controller('revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @ListEndpoint(REVISION_LIST_SPEC, RevisionDoc)
  @Access('member')
  feed(@ListQueryParam(REVISION_LIST_SPEC) query: ListQuery<typeof REVISION_FILTERS, RevisionSort>) {
    return this.revisions.feed(query);
  }
}
