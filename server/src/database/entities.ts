import { Actor } from '../actors/actor.entity';
import { AuthToken } from '../auth/auth-token.entity';
import { Revision } from '../history/revision.entity';
import { ImportEntity, ImportRowEntity } from '../imports/import.entity';
import { SavedQueryEntity } from '../saved-queries/saved-query.entity';
import { SnapshotChunkEntity, SnapshotEntity, SnapshotFileEntity } from '../snapshots/snapshot.entity';
import { Source } from '../sources/source.entity';
import { Stance } from '../stances/stance.entity';
import { StatementParticipant, StatementSource, StatementTopic } from '../statements/statement-links.entity';
import { Statement } from '../statements/statement.entity';
import { Topic } from '../topics/topic.entity';
import { User } from '../users/user.entity';

export const ENTITIES = [
  User,
  AuthToken,
  Actor,
  Source,
  Topic,
  Stance,
  Statement,
  StatementParticipant,
  StatementTopic,
  StatementSource,
  Revision,
  ImportEntity,
  ImportRowEntity,
  SnapshotEntity,
  SnapshotFileEntity,
  SnapshotChunkEntity,
  SavedQueryEntity,
];
