import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RevisionsService } from '../history/revisions.service';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../records/collection/collection.service';
import { Source } from './source.entity';
import { SourceRecord } from './source.dto';
import { SOURCE_FILTERS, SOURCE_TABLE, SourceSort } from './sources.table';

@Injectable()
export class SourcesService extends CollectionService<Source, SourceRecord, typeof SOURCE_FILTERS, SourceSort> {
  constructor(dataSource: DataSource, revisions: RevisionsService) {
    super(
      dataSource,
      SOURCE_TABLE,
      {
        resource: 'sources',
        label: 'Source',
        labelField: 'title',
        entity: Source,
        readOnlyFields: TIMESTAMP_FIELDS,
        requiredFields: ['title', 'kind', 'authors'],
        emptyRecord: {
          publisher: null,
          url: null,
          authors: [],
          publishedOn: null,
          accessedOn: null,
          archiveUrl: null,
          language: null,
          kind: 'news',
        },
      },
      revisions,
    );
  }

  protected async usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage> {
    const live = statements === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query(
      `SELECT count(*)::int AS total FROM statement_sources l JOIN statements s ON s.id = l.statement_id WHERE l.source_id = $1${live}`,
      [id],
    );
    return { statements: row.total };
  }
}
