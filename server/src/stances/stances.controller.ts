import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CollectionController } from '../records/collection/collection.controller';
import { StanceInput, StancePatch, StanceRecord } from './stance.dto';
import { STANCE_LIST_SPEC } from './stances.table';
import { StancesService } from './stances.service';

@ApiTags('stances')
@Controller('stances')
export class StancesController extends CollectionController({
  spec: STANCE_LIST_SPEC,
  input: StanceInput,
  patch: StancePatch,
  record: StanceRecord,
  // The stance scale is the codebook of every analysis: only admins change it.
  writeAccess: 'admin',
}) {
  constructor(stances: StancesService) {
    super(stances);
  }
}
