import {
  Body,
  Controller,
  Delete,
  Get,
  GoneException,
  Headers,
  Inject,
  NotFoundException,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NETWORK_FORMATS, NETWORK_KINDS, NETWORK_TABLES, NetworkFormat, NetworkKind, NetworkTable } from '../analysis/analysis-params';
import { NETWORK_MEDIA } from '../analysis/network/network.service';
import { AcceptsExportTicket, Access } from '../auth/access.decorator';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { badRequest } from '../kernel/errors/api-errors';
import { ApiTooManyExports } from '../exports/export-slots';
import { IdPipe } from '../kernel/validation/id.pipe';
import { CurrentAuthor, RecordAuthor, requestAuthor, requestSeesPublishedOnly } from '../records/collection/record-author';
import { statementFiltersFor } from '../statements/statement-query';
import { ListQuery } from '../records/list-query/filter-definitions';
import { ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { CITATION_STYLES, CitationStyle } from './snapshot-citation';
import { SnapshotDiffer } from './snapshot-diff';
import { SnapshotChange, SnapshotDiffDto, SnapshotInput, SnapshotRecordDto } from './snapshot.dto';
import { networkFileName, SNAPSHOT_FORMATS, SnapshotFormat } from './snapshot.entity';
import { SNAPSHOT_SETTINGS, SnapshotSettings } from './snapshot-settings';
import { SNAPSHOT_MEDIA, SnapshotReader, SnapshotsService } from './snapshots.service';
import { SNAPSHOT_FILTERS, SNAPSHOT_LIST_SPEC, SnapshotSort } from './snapshots.table';

/** One value of a parameter from a list, or a 400 listing the list. */
function oneOf<T extends string>(raw: unknown, key: string, allowed: readonly T[], fallback?: T): T {
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw badRequest({ [key]: `must be one of: ${allowed.join(', ')}` });
}

/** Only the parameters a route names: anything else is refused, as the list refuses unknown filters. */
function onlyKeys(query: Record<string, unknown>, allowed: string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length)
    throw badRequest(Object.fromEntries(unknown.map((key) => [key, `is not a parameter here; allowed: ${allowed.join(', ') || 'none'}`])));
}

@ApiTags('snapshots')
@Controller('snapshots')
export class SnapshotsController {
  constructor(
    private readonly snapshots: SnapshotsService,
    private readonly differ: SnapshotDiffer,
    @Inject(SNAPSHOT_SETTINGS) private readonly settings: SnapshotSettings,
  ) {}

  /** Who reads: the team, or an anonymous reader (PUBLIC_READ), perhaps of published snapshots only. */
  private reader(request: Request): SnapshotReader {
    return { anonymous: !requestAuthor(request), publishedOnly: requestSeesPublishedOnly(request) };
  }

  /** PUBLIC_URL, or else the address the request came to. */
  private publicUrl(request: Request): string {
    return this.settings.publicUrl ?? `${request.protocol}://${request.get('host')}`;
  }

  @Post()
  @Access('edit')
  @ApiOperation({
    summary: 'Freeze a query as a snapshot',
    description:
      'Freezes the statements matching the query (filters, _sort, _order) with the actors, topics, stances and sources they name, ' +
      'as they are now, into files that download byte-identical forever.',
  })
  @ApiBody({ type: SnapshotInput })
  @ApiResponse({ status: 201, type: SnapshotRecordDto })
  @ApiErrorResponses(400)
  create(@Body() body: unknown, @CurrentAuthor() author: RecordAuthor, @Req() request: Request) {
    return this.snapshots.create(body, author, this.publicUrl(request));
  }

  @ListEndpoint(SNAPSHOT_LIST_SPEC, SnapshotRecordDto)
  @Access('read')
  @ApiOperation({ summary: 'Snapshots', description: 'Newest first; deleted ones are not listed.' })
  list(@ListQueryParam(SNAPSHOT_LIST_SPEC) query: ListQuery<typeof SNAPSHOT_FILTERS, SnapshotSort>, @Req() request: Request) {
    return this.snapshots.list(query, this.publicUrl(request), this.reader(request));
  }

  @Get(':id')
  @Access('read')
  @ApiOperation({ summary: 'A snapshot' })
  @ApiOkResponse({ type: SnapshotRecordDto })
  @ApiErrorResponses(404, 410)
  get(@Param('id', IdPipe) id: number, @Req() request: Request) {
    return this.snapshots.get(id, this.publicUrl(request), this.reader(request));
  }

  @Patch(':id')
  @Access('edit')
  @ApiOperation({ summary: "Change a snapshot's title or note", description: 'What it holds never changes.' })
  @ApiBody({ type: SnapshotChange })
  @ApiOkResponse({ type: SnapshotRecordDto })
  @ApiErrorResponses(400, 404, 409, 410)
  patch(
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentAuthor() author: RecordAuthor,
    @Req() request: Request,
  ) {
    return this.snapshots.update(id, body, ifMatch, author, this.publicUrl(request));
  }

  @Put(':id')
  @Access('edit')
  @ApiOperation({
    summary: "Change a snapshot's title or note",
    description: 'As PATCH; the whole record as react-admin sends it is accepted, its other fields unchanged.',
  })
  @ApiBody({ type: SnapshotChange })
  @ApiOkResponse({ type: SnapshotRecordDto })
  @ApiErrorResponses(400, 404, 409, 410)
  put(
    @Param('id', IdPipe) id: number,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentAuthor() author: RecordAuthor,
    @Req() request: Request,
  ) {
    return this.snapshots.update(id, body, ifMatch, author, this.publicUrl(request));
  }

  @Delete(':id')
  @Access('admin')
  @ApiOperation({
    summary: 'Delete a snapshot',
    description: 'Admins. Its files go; who deleted it and when are kept, and its address answers 410.',
  })
  @ApiOkResponse({ type: SnapshotRecordDto })
  @ApiErrorResponses(404, 410)
  remove(@Param('id', IdPipe) id: number, @CurrentAuthor() author: RecordAuthor, @Req() request: Request) {
    return this.snapshots.remove(id, author, this.publicUrl(request));
  }

  @Get(':id/export')
  @Access('read')
  @AcceptsExportTicket()
  @ApiOperation({
    summary: 'Download a frozen file of a snapshot',
    description: 'The same bytes every time: ETag and Repr-Digest (RFC 9530) carry its SHA-256; If-None-Match gives 304.',
  })
  @ApiQuery({ name: 'format', required: true, enum: SNAPSHOT_FORMATS })
  @ApiQuery({
    name: 'ticket',
    required: false,
    description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
  })
  @ApiOkResponse({
    description: 'The file, as an attachment.',
    content: Object.fromEntries(
      [...new Set(Object.values(SNAPSHOT_MEDIA).map(({ contentType }) => contentType.split(';')[0]))].map((type) => [type, {}]),
    ),
    headers: {
      ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
      'Repr-Digest': { description: 'sha-256=:<base64>: (RFC 9530).', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment; filename="snapshot-<id>-<hash>.<extension>"', schema: { type: 'string' } },
    },
  })
  @ApiResponse({ status: 304, description: 'The client has this file already (If-None-Match).' })
  @ApiErrorResponses(400, 404, 410)
  @ApiTooManyExports()
  download(
    @Param('id', IdPipe) id: number,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    onlyKeys(query, ['format', 'ticket']);
    const format = oneOf<SnapshotFormat>(query.format, 'format', SNAPSHOT_FORMATS);
    return this.snapshots.send(id, format, ifNoneMatch, response, this.publicUrl(request), this.reader(request));
  }

  @Get(':id/network')
  @Access('read')
  @AcceptsExportTicket()
  @ApiOperation({
    summary: 'Download a frozen discourse network of a snapshot',
    description:
      "Each kind of network of the snapshot's statements, frozen with it in every format of GET /api/analysis/network " +
      '(whole: no maxLinks). The same bytes every time, with ETag, Repr-Digest and 304 as the export.',
  })
  @ApiQuery({ name: 'kind', required: true, enum: NETWORK_KINDS })
  @ApiQuery({ name: 'format', required: false, enum: NETWORK_FORMATS, description: 'Default json.' })
  @ApiQuery({ name: 'table', required: false, enum: NETWORK_TABLES, description: 'Required with format=csv: nodes or edges.' })
  @ApiQuery({
    name: 'ticket',
    required: false,
    description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
  })
  @ApiOkResponse({
    description: 'The file, as an attachment.',
    content: Object.fromEntries(
      [...new Set(Object.values(NETWORK_MEDIA).map(({ contentType }) => contentType.split(';')[0]))].map((type) => [type, {}]),
    ),
    headers: {
      ETag: { description: 'The SHA-256 of the file, quoted.', schema: { type: 'string' } },
      'Repr-Digest': { description: 'sha-256=:<base64>: (RFC 9530).', schema: { type: 'string' } },
      'Content-Disposition': {
        description: 'attachment; filename="snapshot-<id>-<hash>-network-<kind>.<extension>"',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({ status: 304, description: 'The client has this file already (If-None-Match).' })
  @ApiErrorResponses(400, 404, 410)
  @ApiTooManyExports()
  network(
    @Param('id', IdPipe) id: number,
    @Query() query: Record<string, unknown>,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    onlyKeys(query, ['kind', 'format', 'table', 'ticket']);
    const kind = oneOf<NetworkKind>(query.kind, 'kind', NETWORK_KINDS);
    const format = oneOf<NetworkFormat>(query.format, 'format', NETWORK_FORMATS, 'json');
    let table: NetworkTable | undefined;
    if (format === 'csv') table = oneOf<NetworkTable>(query.table, 'table', NETWORK_TABLES);
    else if (query.table !== undefined)
      throw badRequest({ table: 'applies to format=csv only (a CSV file holds either the nodes or the edges)' });
    const file = networkFileName({ kind, format, table });
    return this.snapshots.send(id, file, ifNoneMatch, response, this.publicUrl(request), this.reader(request));
  }

  @Get(':id/citation')
  @Access('read')
  @ApiOperation({ summary: 'Cite a snapshot', description: 'Title, creator, date, count, permanent address and hash.' })
  @ApiQuery({ name: 'style', required: true, enum: CITATION_STYLES })
  @ApiOkResponse({
    description: 'The citation.',
    content: {
      'text/plain': { schema: { type: 'string' } },
      'application/x-bibtex': { schema: { type: 'string' } },
      'application/x-research-info-systems': { schema: { type: 'string' } },
      'application/vnd.citationstyles.csl+json': { schema: { type: 'array', items: { type: 'object', additionalProperties: true } } },
    },
  })
  @ApiErrorResponses(400, 404, 410)
  async citation(
    @Param('id', IdPipe) id: number,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    onlyKeys(query, ['style']);
    const style = oneOf<CitationStyle>(query.style, 'style', CITATION_STYLES);
    const citation = await this.snapshots.citation(id, style, this.publicUrl(request), this.reader(request));
    response.status(200).setHeader('Content-Type', `${citation.contentType}; charset=utf-8`);
    response.send(citation.text);
  }

  @Get(':id/diff')
  @Access('read')
  @ApiOperation({
    summary: 'What changed since a snapshot',
    description: 'Against now, or another snapshot (to): statements added, removed (and why) and changed, field by field.',
  })
  @ApiQuery({ name: 'to', required: false, schema: { type: 'integer', minimum: 1 }, description: 'Another snapshot; default: now.' })
  @ApiOkResponse({ type: SnapshotDiffDto })
  @ApiErrorResponses(400, 404, 410)
  async diff(@Param('id', IdPipe) id: number, @Query() query: Record<string, unknown>, @Req() request: Request) {
    onlyKeys(query, ['to']);
    const publicUrl = this.publicUrl(request);
    const reader = this.reader(request);
    const from = await this.snapshots.get(id, publicUrl, reader);
    if (query.to === undefined) return this.differ.againstNow(from, publicUrl, (filters) => statementFiltersFor(request, filters));
    const to = await this.snapshots
      .get(new IdPipe().transform(query.to, { type: 'query', data: 'to' }), publicUrl, reader)
      .catch((error: unknown) => {
        // A parameter naming no snapshot is a bad request naming it, not a missing route.
        if (error instanceof NotFoundException) throw badRequest({ to: `snapshot ${String(query.to)} does not exist` });
        if (error instanceof GoneException) throw badRequest({ to: `snapshot ${String(query.to)} was deleted` });
        throw error;
      });
    return this.differ.againstSnapshot(from, to, publicUrl);
  }
}
