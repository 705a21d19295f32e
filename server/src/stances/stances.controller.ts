import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectionAccess } from '../auth/access.decorator';
import { WithRevisions } from '../history/revision-routes';
import { CollectionController } from '../records/collection/collection.controller';
import { StanceChange, StanceInput, StanceRecord } from './stance.dto';
import { STANCE_LIST_SPEC } from './stances.table';
import { StancesService } from './stances.service';

const STANCE_ENDPOINTS = {
  spec: STANCE_LIST_SPEC,
  name: { one: 'stance', many: 'stances' },
  bodies: { create: StanceInput, change: StanceChange, record: StanceRecord },
  // The stance scale is the codebook of every analysis: only admins change it.
  access: collectionAccess('admin'),
};

@ApiTags('stances')
@Controller('stances')
export class StancesController extends WithRevisions(CollectionController(STANCE_ENDPOINTS), STANCE_ENDPOINTS) {
  constructor(stances: StancesService) {
    super(stances);
  }
}
