import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectionAccess } from '../auth/access.decorator';
import { WithRevisions } from '../history/revision-routes';
import { CollectionController } from '../records/collection/collection.controller';
import { SourceChange, SourceInput, SourceRecord } from './source.dto';
import { SOURCE_LIST_SPEC } from './sources.table';
import { SourcesService } from './sources.service';

const SOURCE_ENDPOINTS = {
  spec: SOURCE_LIST_SPEC,
  name: { one: 'source', many: 'sources' },
  bodies: { create: SourceInput, change: SourceChange, record: SourceRecord },
  access: collectionAccess('edit'),
};

@ApiTags('sources')
@Controller('sources')
export class SourcesController extends WithRevisions(CollectionController(SOURCE_ENDPOINTS), SOURCE_ENDPOINTS) {
  constructor(sources: SourcesService) {
    super(sources);
  }
}
