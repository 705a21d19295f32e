import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CollectionService, Usage, usedBy } from '../records/collection/collection.service';
import { Stance } from './stance.entity';
import { STANCE_FIELDS } from './stance.fields';
import { STANCE_FILTERS, STANCE_TABLE, StanceSort } from './stances.table';

@Injectable()
export class StancesService extends CollectionService<typeof STANCE_FIELDS, typeof STANCE_FILTERS, StanceSort> {
  constructor() {
    super({ resource: 'stances', label: 'Stance', labelField: 'name', entity: Stance, fields: STANCE_FIELDS, table: STANCE_TABLE });
  }

  protected async usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage> {
    const live = users === 'live' ? ' AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM statements s WHERE s.stance_id = $1${live}`,
      [id],
    );
    return usedBy(row.total, { one: 'statement', many: 'statements' });
  }
}
