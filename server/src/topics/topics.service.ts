import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CollectionService, Usage, usedBy } from '../records/collection/collection.service';
import { Topic } from './topic.entity';
import { TOPIC_FIELDS } from './topic.fields';
import { TOPIC_FILTERS, TOPIC_TABLE, TopicSort } from './topics.table';

@Injectable()
export class TopicsService extends CollectionService<typeof TOPIC_FIELDS, typeof TOPIC_FILTERS, TopicSort> {
  constructor() {
    super({ resource: 'topics', label: 'Topic', labelField: 'name', entity: Topic, fields: TOPIC_FIELDS, table: TOPIC_TABLE });
  }

  protected async usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage> {
    const live = users === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM statement_topics l JOIN statements s ON s.id = l.statement_id WHERE l.topic_id = $1${live}`,
      [id],
    );
    return usedBy(row.total, { one: 'statement', many: 'statements' });
  }
}
