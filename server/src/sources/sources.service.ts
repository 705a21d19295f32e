import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../common/collection/collection.service';
import { Source } from './source.entity';
import { SourceRecord } from './source.dto';
import { SOURCE_FILTERS, SOURCE_TABLE, SourceSort } from './sources.table';

@Injectable()
export class SourcesService extends CollectionService<Source, SourceRecord, typeof SOURCE_FILTERS, SourceSort> {
  constructor(dataSource: DataSource) {
    super(dataSource, SOURCE_TABLE, {
      label: 'Source',
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
    });
  }

  protected async usage(manager: EntityManager, id: number): Promise<Usage> {
    const [row] = await manager.query('SELECT count(*)::int AS total FROM statement_sources WHERE source_id = $1', [id]);
    return { statements: row.total };
  }
}
