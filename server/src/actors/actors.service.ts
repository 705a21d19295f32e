import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RevisionsService } from '../history/revisions.service';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../records/collection/collection.service';
import { Actor } from './actor.entity';
import { ActorRecord } from './actor.dto';
import { ACTOR_FILTERS, ACTOR_TABLE, ActorSort } from './actors.table';

@Injectable()
export class ActorsService extends CollectionService<Actor, ActorRecord, typeof ACTOR_FILTERS, ActorSort> {
  constructor(dataSource: DataSource, revisions: RevisionsService) {
    super(
      dataSource,
      ACTOR_TABLE,
      {
        resource: 'actors',
        label: 'Actor',
        labelField: 'name',
        entity: Actor,
        readOnlyFields: TIMESTAMP_FIELDS,
        requiredFields: ['name', 'kind', 'aliases'],
        emptyRecord: {
          nativeName: null,
          kind: 'person',
          country: null,
          title: null,
          aliases: [],
          wikidataId: null,
          description: null,
        },
      },
      revisions,
    );
  }

  protected async usage(manager: EntityManager, id: number, statements: 'live' | 'all'): Promise<Usage> {
    const live = statements === 'live' ? 'AND s.deleted_at IS NULL' : '';
    const [row] = await manager.query(
      `WITH speaking AS (SELECT s.id FROM statements s WHERE s.speaker_id = $1 ${live}),
            participating AS (SELECT s.id FROM statement_participants l JOIN statements s ON s.id = l.statement_id
                               WHERE l.actor_id = $1 ${live})
       SELECT (SELECT count(*)::int FROM speaking) AS speaker,
              (SELECT count(*)::int FROM participating) AS participant,
              (SELECT count(*)::int FROM (SELECT id FROM speaking UNION SELECT id FROM participating) used) AS total`,
      [id],
    );
    const parts = [row.speaker && `speaker of ${row.speaker}`, row.participant && `participant in ${row.participant}`];
    return { statements: row.total, detail: parts.filter(Boolean).join(', ') };
  }
}
