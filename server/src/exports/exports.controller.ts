import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsExportTicket, Access } from '../auth/access.decorator';
import { ApiExportQuery, ApiExportResponse, ApiRecordExportQuery, ApiRecordExportResponse } from './export-docs';
import { ApiTooManyExports } from './export-slots';
import { ExportFormat } from './export-formats';
import { exportReadFor, parseExportRequest, parseRecordExportRequest } from './export-request';
import { RecordExportService } from './record-export.service';
import { RECORD_EXPORTS, RecordExport, RecordExportFormat } from './record-exports';
import { StatementExportService } from './statement-export.service';

/** The export of one format at a file name: `/api/statements.csv`, for read.csv() or pandas.read_csv(). */
const ExportAt = (format: ExportFormat, file: string) =>
  applyDecorators(
    Get(file),
    Access('read'),
    AcceptsExportTicket(),
    ApiOperation({ summary: `Export statements as ${format}`, description: `/api/statements/export?format=${format}, at a file name.` }),
    ApiExportQuery(),
    ApiExportResponse([format], 'The filtered statements as an attachment, streamed.'),
    ApiTooManyExports(),
  );

/** The export of a collection (actors, sources) in one flat format, at a file name: `/api/actors.csv`. */
const RecordExportAt = (exported: RecordExport, format: RecordExportFormat) =>
  applyDecorators(
    Get(`${exported.resource}.${format}`),
    Access('read'),
    AcceptsExportTicket(),
    ApiOperation({
      summary: `Export ${exported.resource} as ${format}`,
      description: `Every ${exported.resource.slice(0, -1)} the list would show (same filters and sort), streamed as a file.`,
    }),
    ApiRecordExportQuery(exported),
    ApiRecordExportResponse(exported, format),
    ApiTooManyExports(),
  );

/**
 * Exports of the statements list by file name. (`GET /statements/export?format=` is a route of
 * the statements controller, declared before its `:id`, so that "export" is never read as an id.)
 */
@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(
    private readonly exports: StatementExportService,
    private readonly records: RecordExportService,
  ) {}

  @ExportAt('csv', 'statements.csv')
  csv(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.exports.export(exportReadFor(request, parseExportRequest(query, 'csv')), response);
  }

  @ExportAt('json', 'statements.json')
  json(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.exports.export(exportReadFor(request, parseExportRequest(query, 'json')), response);
  }

  @ExportAt('ndjson', 'statements.ndjson')
  ndjson(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.exports.export(exportReadFor(request, parseExportRequest(query, 'ndjson')), response);
  }

  @ExportAt('markdown', 'statements.md')
  markdown(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.exports.export(exportReadFor(request, parseExportRequest(query, 'markdown')), response);
  }

  @RecordExportAt(RECORD_EXPORTS.actors, 'csv')
  actorsCsv(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.actors, 'csv', query, response);
  }

  @RecordExportAt(RECORD_EXPORTS.actors, 'json')
  actorsJson(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.actors, 'json', query, response);
  }

  @RecordExportAt(RECORD_EXPORTS.actors, 'ndjson')
  actorsNdjson(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.actors, 'ndjson', query, response);
  }

  @RecordExportAt(RECORD_EXPORTS.sources, 'csv')
  sourcesCsv(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.sources, 'csv', query, response);
  }

  @RecordExportAt(RECORD_EXPORTS.sources, 'json')
  sourcesJson(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.sources, 'json', query, response);
  }

  @RecordExportAt(RECORD_EXPORTS.sources, 'ndjson')
  sourcesNdjson(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    return this.exportRecords(RECORD_EXPORTS.sources, 'ndjson', query, response);
  }

  /** Actors and sources have no drafts: every reader sees every live one (and never who curated it). */
  private exportRecords(exported: RecordExport, format: RecordExportFormat, query: Record<string, unknown>, response: Response) {
    return this.records.export(exported, parseRecordExportRequest(exported, query, format), response);
  }
}
