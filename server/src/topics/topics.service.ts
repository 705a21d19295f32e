import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../common/collection/collection.service';
import { Topic } from './topic.entity';
import { TopicRecord } from './topic.dto';
import { TOPIC_FILTERS, TOPIC_TABLE, TopicSort } from './topics.table';

@Injectable()
export class TopicsService extends CollectionService<Topic, TopicRecord, typeof TOPIC_FILTERS, TopicSort> {
  constructor(dataSource: DataSource) {
    super(dataSource, TOPIC_TABLE, {
      label: 'Topic',
      entity: Topic,
      readOnlyFields: TIMESTAMP_FIELDS,
      requiredFields: ['name'],
      emptyRecord: { description: null },
    });
  }

  protected async usage(manager: EntityManager, id: number): Promise<Usage> {
    const [row] = await manager.query('SELECT count(*)::int AS total FROM statement_topics WHERE topic_id = $1', [id]);
    return { statements: row.total };
  }
}
