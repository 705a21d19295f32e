import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CollectionController } from '../records/collection/collection.controller';
import { STATEMENT_LIST_SPEC } from './statement-query';
import { StatementInput, StatementPatch, StatementRecord } from './statement.dto';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@Controller('statements')
export class StatementsController extends CollectionController({
  spec: STATEMENT_LIST_SPEC,
  input: StatementInput,
  patch: StatementPatch,
  record: StatementRecord,
  // Internal notes for curators: never shown to anonymous readers of a published timeline.
  internalFields: ['notes'],
}) {
  constructor(statements: StatementsService) {
    super(statements);
  }
}
