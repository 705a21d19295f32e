import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const USER_ROLES = ['viewer', 'editor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** How much a role may do; a token's scope can only lower it. */
export const ROLE_RANK: Record<UserRole, number> = { viewer: 1, editor: 2, admin: 3 };

/**
 * A curator's account. Never deleted (revisions name their author for good); deactivated
 * instead, which revokes every token at once.
 */
@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  /** Stored lower-cased, so that one address is one account. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  displayName: string;

  @Column({ type: 'enum', enum: USER_ROLES, enumName: 'user_role', default: 'viewer' })
  role: UserRole;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** PHC-style scrypt hash (`$scrypt$ln=17,r=8,p=1$salt$hash`); never selected by default. */
  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  /** Set for a one-time password (invitation, reset): the account must choose its own first. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /**
   * When the one-time password stops working (ONE_TIME_PASSWORD_TTL_HOURS after it was given);
   * null once the account has its own password, and for the first admin's generated one, which
   * no other admin could reset.
   */
  @Column({ type: 'timestamptz', nullable: true })
  oneTimePasswordExpiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
