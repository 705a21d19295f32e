import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../common/collection/collection.service';
import { Stance } from './stance.entity';
import { StanceRecord } from './stance.dto';
import { STANCE_FILTERS, STANCE_TABLE, StanceSort } from './stances.table';

@Injectable()
export class StancesService extends CollectionService<Stance, StanceRecord, typeof STANCE_FILTERS, StanceSort> {
  constructor(dataSource: DataSource) {
    super(dataSource, STANCE_TABLE, {
      label: 'Stance',
      entity: Stance,
      readOnlyFields: TIMESTAMP_FIELDS,
      requiredFields: ['name', 'score'],
      emptyRecord: { color: null, description: null },
    });
  }

  protected async usage(manager: EntityManager, id: number): Promise<Usage> {
    const [row] = await manager.query('SELECT count(*)::int AS total FROM statements WHERE stance_id = $1', [id]);
    return { statements: row.total };
  }
}
