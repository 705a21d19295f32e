import { Actor } from '../actors/actor.entity';
import { Source } from '../sources/source.entity';
import { Stance } from '../stances/stance.entity';
import { StatementParticipant, StatementSource, StatementTopic } from '../statements/statement-links.entity';
import { Statement } from '../statements/statement.entity';
import { Topic } from '../topics/topic.entity';

export const ENTITIES = [Actor, Source, Topic, Stance, Statement, StatementParticipant, StatementTopic, StatementSource];
