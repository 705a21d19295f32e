import { Controller, Get, HttpException, HttpStatus, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { Access } from '../auth/access.decorator';
import { ApiErrorResponses } from '../kernel/errors/api-error.schema';
import { ApiErrorBody, badRequest } from '../kernel/errors/api-errors';
import type { ParsedQueryString } from '../kernel/http/query-string';
import { IdPipe } from '../kernel/validation/id.pipe';
import { CurrentAuthor, RecordAuthor } from '../records/collection/record-author';
import { ListQuery } from '../records/list-query/filter-definitions';
import { parseListQuery } from '../records/list-query/parse-list-query';
import { ApiListQuery, ListQueryParam } from '../records/list-query/list-query.decorators';
import { ListEndpoint } from '../records/list-query/page.interceptor';
import { readPage } from '../records/list-query/collection-reader';
import { DataSource } from 'typeorm';
import { ImportReportDto, ImportRowDto, ImportSummaryDto } from './import.dto';
import type { ImportReport } from './import-report';
import { parseImportRequest } from './import-request';
import { IMPORT_SETTINGS, ImportSettings } from './import-settings';
import { ImportsService } from './imports.service';
import { IMPORT_FILTERS, IMPORT_LIST_SPEC, IMPORT_ROWS_SPEC, IMPORT_TABLE, ImportSort } from './imports.table';
import { IMPORT_MEDIA_TYPES, mediaTypeOf } from './readers/open-table';
import { ImportFileError } from './readers/source-rows';
import { spoolUpload } from './spool-upload';

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' };

/** A file that cannot be read, as the API's error: the row and column named when known. */
function fileRefusal(error: ImportFileError): HttpException {
  // The body is the file: a problem of the whole is the body's, one of a column is named by the column (the message gives the row).
  const body: ApiErrorBody = {
    statusCode: error.status,
    error: STATUS_TEXT[error.status],
    message: error.message,
    errors: { [error.where.parameter ?? error.where.column ?? 'body']: error.message },
  };
  return new HttpException(body, error.status);
}

/** A commit stopped by row errors: a 400 naming the first rows and columns; the report is the import's. */
function rowRefusal(report: ImportReport): HttpException {
  const errors: Record<string, string> = {};
  for (const row of report.rows.filter((r) => r.outcome === 'failed').slice(0, 50)) {
    for (const [column, reason] of Object.entries(row.errors ?? {})) errors[`row ${row.row}, ${column}`] = reason;
  }
  const failed = report.counts.failed;
  return new HttpException(
    {
      statusCode: 400,
      error: 'Bad Request',
      message:
        `${failed} row${failed === 1 ? ' has' : 's have'} errors; nothing was written (import ${report.id}; its report: ` +
        `/api/imports/${report.id}/rows?outcome=failed). Fix them, or import with skipInvalid=true to write the other rows.`,
      errors,
    } satisfies ApiErrorBody,
    400,
  );
}

/**
 * Imports: a file of statements in (CSV, XLSX, NDJSON, JSON), checked, matched and written as
 * one transaction, or only checked (dry run); its report; past imports; undo.
 */
@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly dataSource: DataSource,
    @Inject(IMPORT_SETTINGS) private readonly settings: ImportSettings,
  ) {}

  @Post()
  @Access('edit')
  @ApiOperation({
    summary: 'Import statements from a file',
    description:
      'The body is the file (curl --data-binary @coding.csv -H "Content-Type: text/csv"). Its columns are those of the CSV export. ' +
      'A row with a key updates the statement with that key, or creates it; a row with an id (and no key) updates that statement; ' +
      'a row with neither creates one. Everything is written in one transaction: any row error writes nothing, unless skipInvalid=true. ' +
      'Answers 201 with the report when the import ends within IMPORT_WAIT_MS, else 202 with its id (progress at GET /api/imports/{id}).',
  })
  @ApiConsumes(...Object.keys(IMPORT_MEDIA_TYPES))
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({
    name: 'dryRun',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'Check and report only; write nothing.',
  })
  @ApiQuery({
    name: 'createMissing',
    required: false,
    schema: { type: 'string', example: 'actors,topics' },
    description: 'Create the actors, topics or sources a row names that do not exist (comma-separated).',
  })
  @ApiQuery({
    name: 'skipInvalid',
    required: false,
    schema: { type: 'boolean', default: false },
    description: 'Write the valid rows; report the others.',
  })
  @ApiQuery({ name: 'sheet', required: false, schema: { type: 'string' }, description: 'The sheet of a workbook, by name.' })
  @ApiQuery({ name: 'fileName', required: false, schema: { type: 'string', maxLength: 300 }, description: 'The file name to record.' })
  @ApiQuery({
    name: 'map',
    required: false,
    style: 'deepObject',
    explode: true,
    schema: { type: 'object', additionalProperties: { type: 'string' } },
    description: "map[Speaker name]=speaker: the file's column means the export's column speaker (or ignore).",
  })
  @ApiCreatedResponse({ type: ImportReportDto, description: 'The import ended: its report (a dry run reports what it would do).' })
  @ApiAcceptedResponse({ type: ImportReportDto, description: 'The import is running: its progress at GET /api/imports/{id} (Location).' })
  @ApiErrorResponses(
    [400, 'The file cannot be read (the row and column named), an option is wrong, or rows have errors (nothing written).'],
    [413, 'The file is larger than IMPORT_BODY_LIMIT.'],
    [415, 'The Content-Type is not one an import takes, or the text is not in an encoding that can be decoded without guessing.'],
  )
  async create(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query() query: ParsedQueryString,
    @CurrentAuthor() author: RecordAuthor,
  ): Promise<ImportReport> {
    const { options, fileName } = parseImportRequest(query);
    let run;
    try {
      const media = mediaTypeOf(request.headers['content-type']);
      const length = request.headers['content-length'] !== undefined ? Number(request.headers['content-length']) : undefined;
      const file = await spoolUpload(request, this.settings.bodyLimitBytes, length);
      run = await this.imports.start(file, media, options, author, fileName).catch(async (error: unknown) => {
        await file.remove();
        throw error;
      });
    } catch (error) {
      throw error instanceof ImportFileError ? fileRefusal(error) : error;
    }
    const waiting = new AbortController();
    const ended = await Promise.race([
      run.done.then(() => true),
      delay(this.settings.waitMs, false, { signal: waiting.signal }).catch(() => false),
    ]).finally(() => waiting.abort());
    const { report } = run;
    if (!ended) {
      response.status(HttpStatus.ACCEPTED).setHeader('Location', `/api/imports/${report.id}`);
      return report;
    }
    if (run.failure) throw run.failure;
    if (run.fileError) throw fileRefusal(run.fileError);
    if (report.status === 'failed') throw rowRefusal(report);
    response.status(HttpStatus.CREATED).setHeader('Location', `/api/imports/${report.id}`);
    return report;
  }

  @ListEndpoint(IMPORT_LIST_SPEC, ImportSummaryDto)
  @Access('member')
  @ApiOperation({
    summary: 'Past imports',
    description: 'Who imported which file when, with its counts; newest first. Dry runs are not kept.',
  })
  list(@ListQueryParam(IMPORT_LIST_SPEC) query: ListQuery<typeof IMPORT_FILTERS, ImportSort>) {
    return readPage(this.dataSource, IMPORT_TABLE, query);
  }

  @Get(':id')
  @Access('member')
  @ApiOperation({ summary: 'An import and its report', description: 'While it runs: status running, processedRows and totalRows.' })
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrorResponses(404)
  get(@Param('id', IdPipe) id: number): Promise<ImportReport> {
    return this.imports.get(id);
  }

  @Get(':id/rows')
  @Access('member')
  @ApiOperation({ summary: "An import's report, row by row", description: 'Failures first, then by row; X-Total-Count gives the total.' })
  @ApiListQuery(IMPORT_ROWS_SPEC, ImportRowDto)
  @ApiErrorResponses(404)
  async rows(@Param('id', IdPipe) id: number, @Query() query: ParsedQueryString, @Res({ passthrough: true }) response: Response) {
    const { outcome, range } = parseRowsQuery(query);
    const page = await this.imports.rows(id, range, outcome);
    response.setHeader('X-Total-Count', String(page.total));
    return page.items;
  }

  @Post(':id/undo')
  @Access('edit')
  @ApiOperation({
    summary: 'Undo an import',
    description:
      'Reverts what the import wrote, in one transaction, as new revisions: its new statements go to the trash, those it changed get ' +
      'their earlier state back, and the actors, topics and sources it created go to the trash when nothing else uses them. ' +
      '409 naming the statements someone changed since (nothing undone), unless force=true.',
  })
  @ApiQuery({ name: 'force', required: false, schema: { type: 'boolean', default: false } })
  @ApiCreatedResponse({ type: ImportReportDto, description: 'The import, now undone.' })
  @ApiErrorResponses(404, [409, 'Statements changed since the import (named), or the import is undone already, failed, or a dry run.'])
  undo(@Param('id', IdPipe) id: number, @Query() query: ParsedQueryString, @CurrentAuthor() author: RecordAuthor): Promise<ImportReport> {
    const extra = Object.keys(query).filter((key) => key !== 'force');
    if (extra.length) throw badRequest({ [extra[0]]: 'is not an option of an undo (force)' });
    if (query.force !== undefined && (Array.isArray(query.force) || !/^(true|false)$/.test(query.force))) {
      throw badRequest({ force: 'must be true or false' });
    }
    return this.imports.undo(id, author, query.force === 'true');
  }
}

function parseRowsQuery(query: ParsedQueryString): { outcome?: string; range: { offset: number; limit: number } } {
  const { filters, range } = parseListQuery(IMPORT_ROWS_SPEC, query);
  if ((filters.outcome?.length ?? 0) > 1) throw badRequest({ outcome: 'must be given once' });
  return { outcome: filters.outcome?.[0], range };
}
