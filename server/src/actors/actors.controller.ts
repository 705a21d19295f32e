import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CollectionController } from '../records/collection/collection.controller';
import { ActorInput, ActorPatch, ActorRecord } from './actor.dto';
import { ACTOR_LIST_SPEC } from './actors.table';
import { ActorsService } from './actors.service';

@ApiTags('actors')
@Controller('actors')
export class ActorsController extends CollectionController({
  spec: ACTOR_LIST_SPEC,
  input: ActorInput,
  patch: ActorPatch,
  record: ActorRecord,
}) {
  constructor(actors: ActorsService) {
    super(actors);
  }
}
