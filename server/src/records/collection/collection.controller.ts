import { Body, Delete, Get, Headers, HttpCode, Param, Patch, Post, Put, Req, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../../auth/access.decorator';
import { AuthenticatedRequest, Author, CurrentAuthor } from '../../auth/principal';
import { RECORD_REVISION_FILTERS, RECORD_REVISION_LIST_SPEC, RevisionSort } from '../../history/revisions.table';
import { FilterDefinitions, ListQuery, ListSpec } from '../list-query/filter-definitions';
import { ApiListQuery, ListQueryParam } from '../list-query/list-query.decorators';
import { ListEndpoint, PageInterceptor } from '../list-query/page.interceptor';
import { badRequest } from '../../kernel/errors/api-errors';
import { IdPipe } from '../../kernel/validation/id.pipe';
import { ApiValidationPipe } from '../../kernel/validation/validation.pipe';
import { CollectionService } from './collection.service';
import { expectedVersion, VersionedRow } from './version';

type Class = new (...args: never[]) => object;

export interface CollectionEndpoints<F extends FilterDefinitions, S extends string> {
  spec: ListSpec<F, S>;
  /** Body of POST and PUT (a whole record). */
  input: Class;
  /** Body of PATCH (any subset of the fields). */
  patch: Class;
  /** What the API returns, for the OpenAPI document. */
  record: Class;
  /** Who may create, change, delete and revert: editors (default) or only admins (stances). */
  writeAccess?: 'edit' | 'admin';
  /** Fields for the team only (statements' notes): left out for anonymous readers (PUBLIC_READ). */
  internalFields?: readonly string[];
}

const IF_MATCH_HEADER = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version the change is based on, e.g. "3" (instead of `version` in the body).',
});
const STALE_RESPONSE = ApiConflictResponse({
  description: 'The record changed since the version given: the body names who changed it and holds it as `current`.',
});

/**
 * The routes of a curated collection: react-admin's six (list, one, create, replace, patch,
 * delete to the trash), the record's history and revert. Each is a one-line hand-over to the
 * collection's service; a feature's controller extends the class this returns and adds its
 * `@Controller(path)`.
 */
export function CollectionController<F extends FilterDefinitions, S extends string>(endpoints: CollectionEndpoints<F, S>) {
  const { spec, input, patch, record } = endpoints;
  const writeAccess = endpoints.writeAccess ?? 'edit';
  const internalFields = endpoints.internalFields ?? [];
  /** A record as an anonymous reader of a published timeline may see it. */
  const forReader = <Row extends object>(request: AuthenticatedRequest, row: Row): Row => {
    if (request.principal || !internalFields.length) return row;
    const visible = { ...row } as Record<string, unknown>;
    for (const field of internalFields) delete visible[field];
    return visible as Row;
  };

  class CollectionControllerBase {
    constructor(readonly service: CollectionService<{ id: number }, VersionedRow, F, S>) {}

    @ListEndpoint(spec, record)
    @Access('read')
    list(@ListQueryParam(spec) query: ListQuery<F, S>, @Req() request: AuthenticatedRequest) {
      return this.service.list(query, request.principal ? [] : internalFields);
    }

    @Get(':id')
    @Access('read')
    @ApiOkResponse({ type: record, headers: { ETag: { description: 'The version, e.g. "3"' } } })
    @ApiNotFoundResponse()
    async get(@Param('id', IdPipe) id: number, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response) {
      const row = await this.service.get(id);
      response.setHeader('ETag', `"${row.version}"`);
      return forReader(request, row);
    }

    @Post()
    @Access(writeAccess)
    @ApiBody({ type: input })
    @ApiCreatedResponse({ type: record })
    create(@Body(new ApiValidationPipe(input)) body: object, @CurrentAuthor() author: Author) {
      return this.service.create(body, author);
    }

    @Put(':id')
    @Access(writeAccess)
    @IF_MATCH_HEADER
    @ApiBody({ type: input })
    @ApiOkResponse({ type: record })
    @STALE_RESPONSE
    @ApiResponse({ status: 428, description: 'Neither `version` nor If-Match says which version the change is based on.' })
    replace(
      @Param('id', IdPipe) id: number,
      @Body(new ApiValidationPipe(input)) body: { version?: number },
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: Author,
    ) {
      return this.service.update(id, body, 'replace', author, expectedVersion(body.version, ifMatch, true)!);
    }

    @Patch(':id')
    @Access(writeAccess)
    @IF_MATCH_HEADER
    @ApiBody({ type: patch })
    @ApiOkResponse({ type: record })
    @STALE_RESPONSE
    patch(
      @Param('id', IdPipe) id: number,
      @Body(new ApiValidationPipe(patch)) body: { version?: number },
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: Author,
    ) {
      return this.service.update(id, body, 'patch', author, expectedVersion(body.version, ifMatch, true)!);
    }

    @Delete(':id')
    @Access(writeAccess)
    @IF_MATCH_HEADER
    @ApiOkResponse({ type: record, description: 'The record, now in the trash.' })
    @ApiConflictResponse({ description: 'Statements still use the record (the message says how many), or a stale If-Match.' })
    remove(@Param('id', IdPipe) id: number, @Headers('if-match') ifMatch: string | undefined, @CurrentAuthor() author: Author) {
      return this.service.remove(id, author, expectedVersion(undefined, ifMatch, false));
    }

    @Get(':id/revisions')
    @Access('member')
    @ApiListQuery(RECORD_REVISION_LIST_SPEC, Object)
    @UseInterceptors(PageInterceptor)
    revisions(
      @Param('id', IdPipe) id: number,
      @ListQueryParam(RECORD_REVISION_LIST_SPEC) query: ListQuery<typeof RECORD_REVISION_FILTERS, RevisionSort>,
    ) {
      return this.service.revisionsOf(id, query);
    }

    @Post(':id/revisions/:revisionId/restore')
    @HttpCode(200)
    @Access(writeAccess)
    @IF_MATCH_HEADER
    @ApiOkResponse({ type: record, description: 'The record as it was after that revision (written as a new revision).' })
    @STALE_RESPONSE
    revert(
      @Param('id', IdPipe) id: number,
      @Param('revisionId', IdPipe) revisionId: number,
      @Req() request: Request,
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: Author,
    ) {
      // The body is optional here ({ version } at most), so it is read by hand rather than by a DTO.
      const body: unknown = request.body;
      if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
        throw expectedVersionBodyError();
      }
      const { version, ...rest } = (body ?? {}) as Record<string, unknown>;
      if (Object.keys(rest).length) throw expectedVersionBodyError(Object.keys(rest)[0]);
      return this.service.revert(id, revisionId, author, expectedVersion(version, ifMatch, false));
    }
  }
  return CollectionControllerBase;
}

function expectedVersionBodyError(field?: string) {
  // The empty string is a key too ({"": 1}), and must be named as one.
  return badRequest(field !== undefined ? { [field]: 'is not a field of this request (only version)' } : { body: 'must be a JSON object' });
}
