import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RevisionsService } from '../history/revisions.service';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../records/collection/collection.service';
import { Topic } from './topic.entity';
import { TopicRecord } from './topic.dto';
import { TOPIC_FILTERS, TOPIC_TABLE, TopicSort } from './topics.table';

@Injectable()
export class TopicsService extends CollectionService<Topic, TopicRecord, typeof TOPIC_FILTERS, TopicSort> {
  constructor(dataSource: DataSource, revisions: RevisionsService) {
    super(
      dataSource,
      TOPIC_TABLE,
      {
        resource: 'topics',
        label: 'Topic',
        labelField: 'name',
        entity: Topic,
        readOnlyFields: TIMESTAMP_FIELDS,
        requiredFields: ['name'],
        emptyRecord: { description: null },
      },
      revisions,
    );
  }

  protected async usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage> {
    const live = statements === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query(
      `SELECT count(*)::int AS total FROM statement_topics l JOIN statements s ON s.id = l.statement_id WHERE l.topic_id = $1${live}`,
      [id],
    );
    return { statements: row.total };
  }
}
