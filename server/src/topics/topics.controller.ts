import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CollectionController } from '../records/collection/collection.controller';
import { TopicInput, TopicPatch, TopicRecord } from './topic.dto';
import { TOPIC_LIST_SPEC } from './topics.table';
import { TopicsService } from './topics.service';

@ApiTags('topics')
@Controller('topics')
export class TopicsController extends CollectionController({
  spec: TOPIC_LIST_SPEC,
  input: TopicInput,
  patch: TopicPatch,
  record: TopicRecord,
}) {
  constructor(topics: TopicsService) {
    super(topics);
  }
}
