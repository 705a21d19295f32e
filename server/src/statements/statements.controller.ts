import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AcceptsExportTicket, Access, collectionAccess } from '../auth/access.decorator';
import { ApiExportQuery, ApiExportResponse } from '../exports/export-docs';
import { EXPORT_FORMAT_NAMES } from '../exports/export-formats';
import { ApiTooManyExports } from '../exports/export-slots';
import { exportReadFor, parseExportRequest } from '../exports/export-request';
import { StatementExportService } from '../exports/statement-export.service';
import { WithRevisions } from '../history/revision-routes';
import { CollectionController } from '../records/collection/collection.controller';
import { STATEMENT_LIST_SPEC } from './statement-query';
import { StatementChange, StatementInput, StatementRecord } from './statement.dto';
import { StatementsService } from './statements.service';

const STATEMENT_ENDPOINTS = {
  spec: STATEMENT_LIST_SPEC,
  name: { one: 'statement', many: 'statements' },
  bodies: { create: StatementInput, change: StatementChange, record: StatementRecord },
  access: collectionAccess('edit'),
};

@ApiTags('statements')
@Controller('statements')
export class StatementsController extends WithRevisions(CollectionController(STATEMENT_ENDPOINTS), STATEMENT_ENDPOINTS) {
  constructor(
    statements: StatementsService,
    private readonly exports: StatementExportService,
  ) {
    super(statements);
  }

  /**
   * The filtered statements as a file. A route of this class rather than of the exports feature:
   * Nest registers a class's own routes before those it inherits, so `export` is matched here
   * before `:id` could take it, whatever order the modules are imported in.
   */
  @Get('export')
  @Access('read')
  @AcceptsExportTicket()
  @ApiTags('exports')
  @ApiOperation({
    summary: 'Export statements',
    description: 'The statements the list would show (same filters and sort), streamed as a file.',
  })
  @ApiQuery({ name: 'format', required: true, enum: EXPORT_FORMAT_NAMES })
  @ApiExportQuery()
  @ApiExportResponse(EXPORT_FORMAT_NAMES, 'The filtered statements as an attachment, streamed.')
  @ApiTooManyExports()
  export(@Query() query: Record<string, unknown>, @Req() request: Request, @Res() response: Response): Promise<void> {
    return this.exports.export(exportReadFor(request, parseExportRequest(query)), response);
  }
}
