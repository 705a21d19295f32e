import { applyDecorators, Body, Delete, Get, Headers, Param, Patch, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiErrorResponses } from '../../kernel/errors/api-error.schema';
import { notFound } from '../../kernel/errors/api-errors';
import { IdPipe } from '../../kernel/validation/id.pipe';
import { ApiValidationPipe } from '../../kernel/validation/validation.pipe';
import { JsonPage } from '../list-query/collection-reader';
import { FilterDefinitions, ListQuery, ListSpec } from '../list-query/filter-definitions';
import { ListQueryParam } from '../list-query/list-query.decorators';
import { ListEndpoint } from '../list-query/page.interceptor';
import { CurrentAuthor, RecordAuthor, requestAuthor, requestSeesPublishedOnly } from './record-author';
import { expectedVersion, VersionedRow } from './version';

type Class = new (...args: never[]) => object;

/** "an actor", "a statement". */
export const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** Who may read and who may write a collection: decorators from the authentication in front of the engine. */
export interface CollectionAccess {
  read: MethodDecorator;
  write: MethodDecorator;
}

/** What the routes call on a collection's service (CollectionService). */
export interface CollectionRoutesService<LF extends FilterDefinitions, S extends string> {
  readonly label: string;
  readonly hiddenFromAnonymousReaders: string[];
  publishedOnly(query: ListQuery<LF, S>): ListQuery<LF, S>;
  isPublished(record: object): boolean;
  namesEveryField(body: object): boolean;
  list(query: ListQuery<LF, S>, omit?: readonly string[]): Promise<JsonPage>;
  get(id: number): Promise<VersionedRow>;
  create(input: object, author: RecordAuthor): Promise<VersionedRow>;
  change(id: number, input: object, author: RecordAuthor, basedOn?: number): Promise<VersionedRow>;
  remove(id: number, author: RecordAuthor, basedOn?: number): Promise<VersionedRow>;
}

export interface CollectionEndpoints<LF extends FilterDefinitions, S extends string> {
  spec: ListSpec<LF, S>;
  /** The record's name in the document's summaries. */
  name: { one: string; many: string };
  /** Body of POST (a new record), of PUT and PATCH (any of its fields), and the record the API returns. */
  bodies: { create: Class; change: Class; record: Class };
  access: CollectionAccess;
}

export const IF_MATCH_HEADER = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version the change is based on, e.g. "3" (instead of `version` in the body).',
});

/** The ETag of a record: its version, quoted. */
export const ETAG_HEADER = { ETag: { description: 'The version, e.g. "3"', schema: { type: 'string', example: '"3"' } } };

const CHANGE_DESCRIPTION =
  'Changes the fields the body names; the others keep their values (PUT and PATCH alike). A link list takes the whole ' +
  'list or `{ "add": [ids], "remove": [ids] }`. A body naming every field (a whole record) must say which version it is ' +
  'based on (`version` or If-Match); one naming some may, and is then refused with 409 if the record has moved on.';

/** What PUT and PATCH share: the body, the answer, the refusals. */
const ChangeRoute = (bodies: CollectionEndpoints<FilterDefinitions, string>['bodies'], summary: string, description: string) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    IF_MATCH_HEADER,
    ApiBody({ type: bodies.change }),
    ApiOkResponse({ type: bodies.record }),
    ApiErrorResponses(
      404,
      [
        409,
        'The record changed since the version given (the body names who changed it and holds it as `current`), or a unique value is taken.',
      ],
      428,
    ),
  );

/**
 * The routes of a curated collection, as react-admin's `ra-data-json-server` calls them: list
 * (and many, by `id=`), one, create, change (PUT and PATCH alike), and delete to the trash. A
 * feature's controller extends the class this returns and adds its `@Controller(path)`; the
 * history feature adds the record's revisions the same way.
 */
export function CollectionController<LF extends FilterDefinitions, S extends string>(endpoints: CollectionEndpoints<LF, S>) {
  const { spec, name, bodies, access } = endpoints;

  class CollectionControllerBase {
    constructor(readonly service: CollectionRoutesService<LF, S>) {}

    @ListEndpoint(spec, bodies.record)
    @access.read
    @ApiOperation({
      summary: `List ${name.many}`,
      description: `A page of ${name.many}, filtered and sorted; with \`id=…&id=…\` and no \`_sort\`, the records asked for, in the order asked.`,
    })
    list(@ListQueryParam(spec) query: ListQuery<LF, S>, @Req() request: Request) {
      if (requestAuthor(request)) return this.service.list(query);
      const visible = requestSeesPublishedOnly(request) ? this.service.publishedOnly(query) : query;
      return this.service.list(visible, this.service.hiddenFromAnonymousReaders);
    }

    @Get(':id')
    @access.read
    @ApiOperation({ summary: `Get one ${name.one}`, description: 'The record, with its version as ETag.' })
    @ApiOkResponse({ type: bodies.record, headers: ETAG_HEADER })
    @ApiResponse({ status: 304, description: 'Not modified: If-None-Match names the version the record is at.' })
    @ApiErrorResponses(404)
    async get(@Param('id', IdPipe) id: number, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
      const row = await this.service.get(id);
      // Unpublished reads as absent: an anonymous reader learns nothing of a draft, not even that it exists.
      if (!requestAuthor(request) && requestSeesPublishedOnly(request) && !this.service.isPublished(row)) {
        throw notFound(this.service.label, id);
      }
      response.setHeader('ETag', `"${row.version}"`);
      if (requestAuthor(request)) return row;
      const visible: Record<string, unknown> = { ...row };
      for (const field of this.service.hiddenFromAnonymousReaders) delete visible[field];
      return visible;
    }

    @Post()
    @access.write
    @ApiOperation({
      summary: `Create ${withArticle(name.one)}`,
      description: 'The stored record, version 1; the creation is its first revision.',
    })
    @ApiBody({ type: bodies.create })
    @ApiCreatedResponse({ type: bodies.record })
    @ApiErrorResponses([409, 'A unique value (a name, a Wikidata id) is taken.'])
    create(@Body(new ApiValidationPipe(bodies.create)) body: object, @CurrentAuthor() author: RecordAuthor) {
      return this.service.create(body, author);
    }

    @Put(':id')
    @access.write
    @ChangeRoute(bodies, `Change ${withArticle(name.one)}`, CHANGE_DESCRIPTION)
    replace(
      @Param('id', IdPipe) id: number,
      @Body(new ApiValidationPipe(bodies.change)) body: { version?: number },
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: RecordAuthor,
    ) {
      return this.change(id, body, ifMatch, author);
    }

    @Patch(':id')
    @access.write
    @ChangeRoute(bodies, `Change some fields of ${withArticle(name.one)}`, 'The same as PUT.')
    patch(
      @Param('id', IdPipe) id: number,
      @Body(new ApiValidationPipe(bodies.change)) body: { version?: number },
      @Headers('if-match') ifMatch: string | undefined,
      @CurrentAuthor() author: RecordAuthor,
    ) {
      return this.change(id, body, ifMatch, author);
    }

    @Delete(':id')
    @access.write
    @ApiOperation({
      summary: `Move ${withArticle(name.one)} to the trash`,
      description: 'Refused while live records use it. An admin can restore it from the trash, or delete it for good.',
    })
    @IF_MATCH_HEADER
    @ApiOkResponse({ type: bodies.record, description: 'The record, now in the trash.' })
    @ApiErrorResponses(404, [409, 'Other records still use this one (the message says how many), or a stale If-Match.'])
    remove(@Param('id', IdPipe) id: number, @Headers('if-match') ifMatch: string | undefined, @CurrentAuthor() author: RecordAuthor) {
      return this.service.remove(id, author, expectedVersion(undefined, ifMatch, false));
    }

    /** A version is required when the body names every field (a whole record), optional when it names some. */
    private change(id: number, body: { version?: number }, ifMatch: string | undefined, author: RecordAuthor) {
      return this.service.change(id, body, author, expectedVersion(body.version, ifMatch, this.service.namesEveryField(body)));
    }
  }
  return CollectionControllerBase;
}
