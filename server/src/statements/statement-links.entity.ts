import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { Actor } from '../actors/actor.entity';
import { declareColumns } from '../records/fields/declare-fields';
import { Source } from '../sources/source.entity';
import { CITATION_DETAILS } from './source-citation';
import { Topic } from '../topics/topic.entity';
import { Statement } from './statement.entity';

/*
 * The many-to-many links of a statement, as explicit tables so that each keeps the
 * order the curator gave (`position`): participants as listed, sources as cited (each with
 * its role, locator and excerpt: CITATION_DETAILS).
 * Deleting a statement removes its links; a linked actor, topic or source cannot be
 * deleted while a statement still uses it.
 */

@Entity('statement_participants')
@Index('idx_statement_participants_actor_id', ['actorId', 'statementId'])
export class StatementParticipant {
  @PrimaryColumn({ type: 'integer' })
  statementId: number;

  @PrimaryColumn({ type: 'integer' })
  actorId: number;

  @Column({ type: 'smallint' })
  position: number;

  @ManyToOne(() => Statement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statement_id' })
  statement: Relation<Statement>;

  @ManyToOne(() => Actor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id' })
  actor: Relation<Actor>;
}

@Entity('statement_topics')
@Index('idx_statement_topics_topic_id', ['topicId', 'statementId'])
export class StatementTopic {
  @PrimaryColumn({ type: 'integer' })
  statementId: number;

  @PrimaryColumn({ type: 'integer' })
  topicId: number;

  @Column({ type: 'smallint' })
  position: number;

  @ManyToOne(() => Statement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statement_id' })
  statement: Relation<Statement>;

  @ManyToOne(() => Topic, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'topic_id' })
  topic: Relation<Topic>;
}

@Entity('statement_sources')
@Index('idx_statement_sources_source_id', ['sourceId', 'statementId'])
export class StatementSource {
  @PrimaryColumn({ type: 'integer' })
  statementId: number;

  @PrimaryColumn({ type: 'integer' })
  sourceId: number;

  @Column({ type: 'smallint' })
  position: number;

  @ManyToOne(() => Statement, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'statement_id' })
  statement: Relation<Statement>;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_id' })
  source: Relation<Source>;
}
declareColumns(StatementSource, CITATION_DETAILS);
