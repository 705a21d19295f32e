import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CollectionService, TIMESTAMP_FIELDS, Usage } from '../common/collection/collection.service';
import { Actor } from './actor.entity';
import { ActorRecord } from './actor.dto';
import { ACTOR_FILTERS, ACTOR_TABLE, ActorSort } from './actors.table';

@Injectable()
export class ActorsService extends CollectionService<Actor, ActorRecord, typeof ACTOR_FILTERS, ActorSort> {
  constructor(dataSource: DataSource) {
    super(dataSource, ACTOR_TABLE, {
      label: 'Actor',
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
    });
  }

  protected async usage(manager: EntityManager, id: number): Promise<Usage> {
    const [row] = await manager.query(
      `SELECT (SELECT count(*)::int FROM statements WHERE speaker_id = $1) AS speaker,
              (SELECT count(*)::int FROM statement_participants WHERE actor_id = $1) AS participant,
              (SELECT count(*)::int FROM (SELECT id FROM statements WHERE speaker_id = $1
                                          UNION SELECT statement_id FROM statement_participants WHERE actor_id = $1) used) AS total`,
      [id],
    );
    const parts = [row.speaker && `speaker of ${row.speaker}`, row.participant && `participant in ${row.participant}`];
    return { statements: row.total, detail: parts.filter(Boolean).join(', ') };
  }
}
