import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CollectionService, Usage, usedBy } from '../records/collection/collection.service';
import { Source } from './source.entity';
import { SOURCE_FIELDS } from './source.fields';
import { SOURCE_FILTERS, SOURCE_TABLE, SourceSort } from './sources.table';

@Injectable()
export class SourcesService extends CollectionService<typeof SOURCE_FIELDS, typeof SOURCE_FILTERS, SourceSort> {
  constructor() {
    super({ resource: 'sources', label: 'Source', labelField: 'title', entity: Source, fields: SOURCE_FIELDS, table: SOURCE_TABLE });
  }

  protected async usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage> {
    const live = users === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM statement_sources l JOIN statements s ON s.id = l.statement_id WHERE l.source_id = $1${live}`,
      [id],
    );
    return usedBy(row.total, { one: 'statement', many: 'statements' });
  }
}
