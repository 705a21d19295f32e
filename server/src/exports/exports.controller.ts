import { applyDecorators, Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsExportTicket, Access } from '../auth/access.decorator';
import { ApiFilters } from '../records/list-query/list-query.decorators';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC } from '../statements/statement-query';
import { EXPORT_COLUMN_NAMES } from './export-columns';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, FORMAT_BY_PATH_EXTENSION } from './export-formats';
import { parseExportRequest } from './export-request';
import { StatementExportService } from './statement-export.service';

export const EXPORT_CONTENT_TYPES = EXPORT_FORMAT_NAMES.map((f) => EXPORT_FORMATS[f].contentType.split(';')[0]);

/** The query parameters every export reads besides `format`: the list's filters and sort, columns, BOM and ticket. */
export const ExportQueryDocs = () =>
  applyDecorators(
    ApiQuery({
      name: 'ticket',
      required: false,
      description: 'One-use credential from POST /api/auth/export-ticket, for a plain browser download',
    }),
    ApiQuery({
      name: 'columns',
      required: false,
      description: `csv, json, ndjson: comma-separated subset and order of ${EXPORT_COLUMN_NAMES.join(', ')}`,
    }),
    ApiQuery({ name: 'bom', required: false, description: 'csv: 1 to start with a UTF-8 byte-order mark (Excel)', enum: ['0', '1'] }),
    ApiQuery({ name: '_sort', required: false, enum: [...STATEMENT_LIST_SPEC.sortFields] }),
    ApiQuery({ name: '_order', required: false, enum: ['ASC', 'DESC'] }),
    ApiFilters(STATEMENT_FILTERS),
  );

/**
 * Exports of the statements list by file name. (`GET /statements/export?format=` is a route of
 * the statements controller, declared before its `:id`, so that "export" is never read as an id.)
 */
@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: StatementExportService) {}

  /** `/api/statements.csv` (and .json, .ndjson, .md): the same export, for read.csv() or pandas.read_csv(). */
  @Get(['statements.csv', 'statements.json', 'statements.ndjson', 'statements.md'])
  @Access('read')
  @AcceptsExportTicket()
  @ExportQueryDocs()
  @ApiOkResponse({ description: 'As /api/statements/export with the format of the extension.' })
  exportByExtension(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    const extension = request.path.slice(request.path.lastIndexOf('.') + 1);
    return this.exports.export(parseExportRequest(query, FORMAT_BY_PATH_EXTENSION[extension]), response);
  }
}
