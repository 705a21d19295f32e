import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsExportTicket, Access } from '../auth/access.decorator';
import { ApiExportQuery, ApiExportResponse } from './export-docs';
import { ApiTooManyExports } from './export-slots';
import { ExportFormat } from './export-formats';
import { exportReadFor, parseExportRequest } from './export-request';
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

/**
 * Exports of the statements list by file name. (`GET /statements/export?format=` is a route of
 * the statements controller, declared before its `:id`, so that "export" is never read as an id.)
 */
@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: StatementExportService) {}

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
}
