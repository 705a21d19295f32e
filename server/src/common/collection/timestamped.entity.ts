import { CreateDateColumn, UpdateDateColumn } from 'typeorm';

/** When a record was created and last changed; set by the database and TypeORM, never by clients. */
export abstract class TimestampedEntity {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
