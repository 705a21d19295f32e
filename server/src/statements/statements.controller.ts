import { Body, Controller, Delete, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListQuery } from '../common/list-query/filter-definitions';
import { ListQueryParam } from '../common/list-query/list-query.decorators';
import { ListEndpoint } from '../common/list-query/page.interceptor';
import { IdPipe } from '../common/validation/id.pipe';
import { STATEMENT_FILTERS, STATEMENT_LIST_SPEC, StatementSort } from './statement-query';
import { StatementInput, StatementPatch, StatementRecord } from './statement.dto';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@Controller('statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @ListEndpoint(STATEMENT_LIST_SPEC, StatementRecord)
  list(@ListQueryParam(STATEMENT_LIST_SPEC) query: ListQuery<typeof STATEMENT_FILTERS, StatementSort>) {
    return this.statements.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: StatementRecord })
  @ApiNotFoundResponse()
  get(@Param('id', IdPipe) id: number) {
    return this.statements.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: StatementRecord })
  create(@Body() input: StatementInput) {
    return this.statements.create(input);
  }

  @Put(':id')
  @ApiOkResponse({ type: StatementRecord })
  replace(@Param('id', IdPipe) id: number, @Body() input: StatementInput) {
    return this.statements.update(id, input, 'replace');
  }

  @Patch(':id')
  @ApiOkResponse({ type: StatementRecord })
  patch(@Param('id', IdPipe) id: number, @Body() input: StatementPatch) {
    return this.statements.update(id, input, 'patch');
  }

  @Delete(':id')
  @ApiOkResponse({ type: StatementRecord, description: 'The deleted statement.' })
  @ApiConflictResponse({ description: 'Other statements respond to it.' })
  remove(@Param('id', IdPipe) id: number) {
    return this.statements.remove(id);
  }
}
