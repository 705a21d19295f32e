import { Get, Headers, HttpCode, Inject, Param, Post, Req, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiPropertyOptional } from '@nestjs/swagger';
import type { Request } from 'express';
import { Access } from '../auth/access.decorator';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { badRequest } from '../kernel/errors/api-errors';
import { INT32_MAX } from '../kernel/validation/field-decorators';
import { IdPipe } from '../kernel/validation/id.pipe';
import { CollectionAccess, IF_MATCH_HEADER, withArticle } from '../records/collection/collection.controller';
import { CurrentAuthor, RecordAuthor } from '../records/collection/record-author';
import { expectedVersion } from '../records/collection/version';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ApiListQuery, ListQueryParam } from '../records/list-query/list-query.decorators';
import { PageInterceptor } from '../records/list-query/page.interceptor';
import { RevisionRecord } from './revision.dto';
import { RevisionsService } from './revisions.service';
import { RECORD_REVISION_FILTERS, RECORD_REVISION_LIST_SPEC, RevisionSort } from './revisions.table';

/** The body of a restore: nothing, or the version the restore is based on. */
export class RestoreRevisionBody {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: INT32_MAX,
    nullable: true,
    description: 'The version the restore is based on (or If-Match).',
  })
  version?: number | null;
}

/** The version a restore's optional body names: read by hand, as the body may be absent ({ version } at most). */
function restoreBodyVersion(body: unknown): unknown {
  if (body === undefined) return undefined;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest({ body: 'must be a JSON object' });
  const { version, ...rest } = body as Record<string, unknown>;
  // The empty string is a key too ({"": 1}), and must be named as one.
  const extra = Object.keys(rest);
  if (extra.length) throw badRequest({ [extra[0]]: 'is not a field of this request (only version)' });
  return version;
}

/** What the history routes need of a collection's service (CollectionService): its name and a way back to a state. */
interface RestorableCollection {
  readonly resource: string;
  restoreState(id: number, state: Record<string, unknown>, revisionId: number, author: RecordAuthor, basedOn?: number): Promise<object>;
}

// A mixin's base must take any constructor arguments (TS2545): the collection controller takes its service.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CollectionControllerClass = new (...args: any[]) => { readonly service: unknown };

/**
 * A collection's history routes, added to its controller: `GET /<collection>/:id/revisions`
 * (every change to the record, newest first) and `POST /<collection>/:id/revisions/:revisionId/restore`
 * (bring the record back to how it was after that change, as a new change). Restoring is a
 * write, so it takes the collection's write access.
 */
export function WithRevisions<Base extends CollectionControllerClass>(
  base: Base,
  options: { name: { one: string }; access: CollectionAccess; bodies: { record: new (...args: never[]) => object } },
) {
  class WithRevisionRoutes extends base {
    @Inject(RevisionsService) readonly revisions: RevisionsService;

    private get collection(): RestorableCollection {
      return this.service as RestorableCollection;
    }

    @Get(':id/revisions')
    @Access('member')
    @ApiOperation({
      summary: `History of ${withArticle(options.name.one)}`,
      description: 'Every change to the record, who made it, before and after.',
    })
    @ApiListQuery(RECORD_REVISION_LIST_SPEC, RevisionRecord)
    @UseInterceptors(PageInterceptor)
    revisionsOf(
      @Param('id', IdPipe) id: number,
      @ListQueryParam(RECORD_REVISION_LIST_SPEC) query: ListQuery<typeof RECORD_REVISION_FILTERS, RevisionSort>,
    ) {
      return this.revisions.forRecord(this.collection.resource, id, query);
    }

    @Post(':id/revisions/:revisionId/restore')
    @HttpCode(200)
    @options.access.write
    @ApiOperation({
      summary: `Restore ${withArticle(options.name.one)} to an earlier revision`,
      description: 'Brings the record back to its state after that revision, written as a new revision (a revert).',
    })
    @IF_MATCH_HEADER
    @ApiBody({ type: RestoreRevisionBody, required: false })
    @ApiOkResponse({ type: options.bodies.record, description: 'The record as it was after that revision, now its current state.' })
    @ApiErrorResponses(
      [400, 'Not valid: `errors` names the field; `revisionId` when the revision is an account change, which is never restored.'],
      [404, 'No such record, or the revision belongs to another record.'],
      [409, 'The record is in the trash, changed since the version given, or the revision names records since trashed or purged.'],
    )
    async revert(
      @Param('id', IdPipe) id: number,
      @Param('revisionId', IdPipe) revisionId: number,
      @Req() request: Request,
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: RecordAuthor,
    ) {
      const basedOn = expectedVersion(restoreBodyVersion(request.body), ifMatch, false);
      const revision = await this.revisions.get(this.collection.resource, id, revisionId);
      const state = (revision.after ?? revision.before)!;
      return this.collection.restoreState(id, state, revisionId, author, basedOn);
    }
  }
  return WithRevisionRoutes;
}
