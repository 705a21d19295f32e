import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectionAccess } from '../auth/access.decorator';
import { WithRevisions } from '../history/revision-routes';
import { CollectionController } from '../records/collection/collection.controller';
import { TopicChange, TopicInput, TopicRecord } from './topic.dto';
import { TOPIC_LIST_SPEC } from './topics.table';
import { TopicsService } from './topics.service';

const TOPIC_ENDPOINTS = {
  spec: TOPIC_LIST_SPEC,
  name: { one: 'topic', many: 'topics' },
  bodies: { create: TopicInput, change: TopicChange, record: TopicRecord },
  access: collectionAccess('edit'),
};

@ApiTags('topics')
@Controller('topics')
export class TopicsController extends WithRevisions(CollectionController(TOPIC_ENDPOINTS), TOPIC_ENDPOINTS) {
  constructor(topics: TopicsService) {
    super(topics);
  }
}
