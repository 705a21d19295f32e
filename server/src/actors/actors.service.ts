import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CollectionService, Usage, usedBy } from '../records/collection/collection.service';
import { Actor } from './actor.entity';
import { ACTOR_FIELDS } from './actor.fields';
import { ACTOR_FILTERS, ACTOR_TABLE, ActorSort } from './actors.table';

@Injectable()
export class ActorsService extends CollectionService<typeof ACTOR_FIELDS, typeof ACTOR_FILTERS, ActorSort> {
  constructor() {
    super({ resource: 'actors', label: 'Actor', labelField: 'name', entity: Actor, fields: ACTOR_FIELDS, table: ACTOR_TABLE });
  }

  protected async usage(manager: EntityManager, id: number, users: 'live' | 'all'): Promise<Usage> {
    const live = users === 'live' ? 'AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query<{ speaker: number; participant: number; total: number }[]>(
      `WITH speaking AS (SELECT s.id FROM statements s WHERE s.speaker_id = $1 ${live}),
            participating AS (SELECT s.id FROM statement_participants l JOIN statements s ON s.id = l.statement_id
                               WHERE l.actor_id = $1 ${live})
       SELECT (SELECT count(*)::int FROM speaking) AS speaker,
              (SELECT count(*)::int FROM participating) AS participant,
              (SELECT count(*)::int FROM (SELECT id FROM speaking UNION SELECT id FROM participating) used) AS total`,
      [id],
    );
    const parts = [row.speaker && `speaker of ${row.speaker}`, row.participant && `participant in ${row.participant}`];
    return usedBy(row.total, { one: 'statement', many: 'statements' }, parts.filter(Boolean).join(', '));
  }
}
