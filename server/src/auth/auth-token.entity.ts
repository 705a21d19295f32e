import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { User } from '../users/user.entity';

/** session: from a login; personal: made by its owner for scripts; export: a one-use download link. */
export const TOKEN_KINDS = ['session', 'personal', 'export'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];
export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/**
 * A bearer credential. Only the SHA-256 of the token is stored: a leaked table does not let
 * anyone sign in. (A fast hash is enough for 256 random bits; passwords get scrypt.)
 */
@Entity('auth_tokens')
@Index('uq_auth_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('idx_auth_tokens_user_id', ['userId'])
export class AuthToken {
  @PrimaryGeneratedColumn()
  id: number;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<User>;

  @Column({ type: 'integer' })
  userId: number;

  @Column({ type: 'enum', enum: TOKEN_KINDS, enumName: 'auth_token_kind' })
  kind: TokenKind;

  @Column({ type: 'enum', enum: TOKEN_SCOPES, enumName: 'auth_token_scope', default: 'read-write' })
  scope: TokenScope;

  /** The owner's label for a personal token ("weekly report script"). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  name: string | null;

  @Column({ type: 'char', length: 64, select: false })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
