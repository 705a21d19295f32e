import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CollectionController } from '../records/collection/collection.controller';
import { SourceInput, SourcePatch, SourceRecord } from './source.dto';
import { SOURCE_LIST_SPEC } from './sources.table';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@Controller('sources')
export class SourcesController extends CollectionController({
  spec: SOURCE_LIST_SPEC,
  input: SourceInput,
  patch: SourcePatch,
  record: SourceRecord,
}) {
  constructor(sources: SourcesService) {
    super(sources);
  }
}
