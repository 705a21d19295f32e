import { Controller } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { effectiveRank } from '../auth/auth.guard';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { ROLE_RANK } from '../users/user.entity';
import { RevisionRecord } from './revision.dto';
import { RevisionsService } from './revisions.service';
import { REVISION_FILTERS, REVISION_LIST_SPEC, RevisionSort } from './revisions.table';

/**
 * The activity feed: recent changes across the database, filterable by user, collection and
 * action. Account changes (resources users and tokens) are in it for admins only.
 */
@ApiTags('history')
@Controller('revisions')
export class RevisionsController {
  constructor(private readonly revisions: RevisionsService) {}

  @ListEndpoint(REVISION_LIST_SPEC, RevisionRecord)
  @Access('member')
  @ApiOperation({
    summary: 'Activity feed',
    description:
      'Recent changes across every collection, newest first. Admins (with a read-write credential) also see account changes: ' +
      'invitations, name, role and active changes, password resets and changes (resource users), and personal API tokens ' +
      'made and revoked (resource tokens); never a password, one-time password, token or hash. Other callers get the feed ' +
      'without them, and 403 when they ask for resource users or tokens.',
  })
  @ApiErrorResponses([
    403,
    "The account's role or the token's scope does not allow this; account changes (resource users or tokens) need an admin with a read-write credential.",
  ])
  feed(
    @ListQueryParam(REVISION_LIST_SPEC) query: ListQuery<typeof REVISION_FILTERS, RevisionSort>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.revisions.feed(query, { accounts: effectiveRank(principal) >= ROLE_RANK.admin });
  }
}
