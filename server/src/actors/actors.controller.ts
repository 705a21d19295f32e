import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectionAccess } from '../auth/access.decorator';
import { WithRevisions } from '../history/revision-routes';
import { CollectionController } from '../records/collection/collection.controller';
import { ActorChange, ActorInput, ActorRecord } from './actor.dto';
import { ACTOR_LIST_SPEC } from './actors.table';
import { ActorsService } from './actors.service';

const ACTOR_ENDPOINTS = {
  spec: ACTOR_LIST_SPEC,
  name: { one: 'actor', many: 'actors' },
  bodies: { create: ActorInput, change: ActorChange, record: ActorRecord },
  access: collectionAccess('edit'),
};

@ApiTags('actors')
@Controller('actors')
export class ActorsController extends WithRevisions(CollectionController(ACTOR_ENDPOINTS), ACTOR_ENDPOINTS) {
  constructor(actors: ActorsService) {
    super(actors);
  }
}
