import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RevisionsService } from '../history/revisions.service';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../records/collection/collection.service';
import { Stance } from './stance.entity';
import { StanceRecord } from './stance.dto';
import { STANCE_FILTERS, STANCE_TABLE, StanceSort } from './stances.table';

@Injectable()
export class StancesService extends CollectionService<Stance, StanceRecord, typeof STANCE_FILTERS, StanceSort> {
  constructor(dataSource: DataSource, revisions: RevisionsService) {
    super(
      dataSource,
      STANCE_TABLE,
      {
        resource: 'stances',
        label: 'Stance',
        labelField: 'name',
        entity: Stance,
        readOnlyFields: TIMESTAMP_FIELDS,
        requiredFields: ['name', 'score'],
        emptyRecord: { color: null, description: null },
      },
      revisions,
    );
  }

  protected async usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage> {
    const live = statements === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query(`SELECT count(*)::int AS total FROM statements s WHERE s.stance_id = $1${live}`, [id]);
    return { statements: row.total };
  }
}
