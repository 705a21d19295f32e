import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { accountState, recordAccountChange, tokenState, TokenStateRow } from '../history/account-history';
import { badRequest, notFound } from '../kernel/errors/api-errors';
import { User } from '../users/user.entity';
import { AUTH_OPTIONS, AuthOptions, EXPORT_TICKET_TTL_MS } from './auth-options';
import { forbidden, TooManyAttempts, unauthorized } from './auth-errors';
import { AuthToken, TokenKind, TokenScope } from './auth-token.entity';
import { LoginThrottle } from './login-throttle';
import { PrincipalCache } from './principal-cache';
import { ONE_TIME_PASSWORD_EXPIRED, ONE_TIME_PASSWORD_EXPIRED_FIELD, oneTimePasswordExpired } from './one-time-password';
import { DECOY_HASH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hash';
import { PasswordHashing } from './password-hashing';
import { Principal, SessionUser } from './principal';
import { newTokenSecret, tokenHash } from './token-secret';
import { PERSONAL_TOKEN_DEFAULT_DAYS } from './auth.dto';

/** A token's row joined with its owner, as the guard reads it on every request. */
interface TokenRow {
  token_id: number;
  kind: TokenKind;
  scope: TokenScope;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  user_id: number;
  email: string;
  display_name: string;
  role: SessionUser['role'];
  active: boolean;
  must_change_password: boolean;
}

export interface PersonalTokenRecord {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** What a revocation returns of each token: its kind, and its state for the history (with its owner's name). */
const REVOKED_TOKENS = `RETURNING t.id, t.kind, t.name, t.scope, t.user_id, t.expires_at, t.revoked_at,
  (SELECT display_name FROM users WHERE users.id = t.user_id) AS owner_name`;
type RevokedToken = TokenStateRow & { kind: TokenKind };

export function publicUser(user: User): Omit<User, 'passwordHash'> {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}

export function checkNewPassword(password: string, field = 'newPassword'): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw badRequest({ [field]: `must be at least ${PASSWORD_MIN_LENGTH} characters long` });
  if (password.length > PASSWORD_MAX_LENGTH) throw badRequest({ [field]: `must be at most ${PASSWORD_MAX_LENGTH} characters long` });
}

/**
 * Sign-in, bearer tokens and their checks. Tokens are looked up by their SHA-256 on every
 * request (one indexed row), so revoking one or deactivating an account takes effect at once.
 */
@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  readonly throttle = new LoginThrottle();
  private readonly verified = new PrincipalCache();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
    private readonly passwords: PasswordHashing,
  ) {}

  async login(emailInput: string, password: string, address: string) {
    const email = emailInput.trim().toLowerCase();
    // Counted as a failure before the slow hash, so that concurrent guesses cannot all pass the check.
    const admission = this.throttle.begin(email, address);
    if (!admission.allowed) {
      this.logger.warn(`sign-in throttled for ${email} from ${address}`);
      throw new TooManyAttempts(admission.retryAfterSeconds);
    }
    const { attempt } = admission;
    let checked: { user: User | null; ok: boolean };
    try {
      checked = await this.passwords.run(async (passwords) => {
        const user = await this.dataSource
          .getRepository(User)
          .createQueryBuilder('u')
          .addSelect('u.passwordHash')
          .where('u.email = :email', { email })
          .getOne();
        // Unknown addresses cost the same scrypt as known ones: timing does not reveal accounts.
        return { user, ok: await passwords.verify(password, user?.passwordHash ?? DECOY_HASH) };
      });
    } catch (error) {
      this.throttle.cancel(attempt); // not checked (busy hashing, database away): no guess was made
      throw error;
    }
    const { user, ok } = checked;
    if (!user || !ok) throw unauthorized('The email or the password is wrong.');
    this.throttle.succeed(attempt);
    if (!user.active) throw forbidden('This account is deactivated; ask an admin.');
    // Said only to whoever knows the password: to anyone else, it is a wrong password like any other.
    if (oneTimePasswordExpired(user)) throw unauthorized(ONE_TIME_PASSWORD_EXPIRED);

    const expiresAt = new Date(Date.now() + this.options.sessionTtlHours * 3_600_000);
    const token = await this.issue(user.id, 'session', 'read-write', expiresAt, null);
    await this.dataSource.getRepository(User).update(user.id, { lastLoginAt: new Date() });
    const fresh = await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    return { token: token.secret, expiresAt, user: publicUser(fresh) };
  }

  /** The principal behind a bearer token; 401 naming why when there is none. */
  async authenticate(secret: string): Promise<Principal> {
    const hash = tokenHash(secret);
    const cached = this.verified.get(hash);
    if (cached) return cached;
    const [row]: TokenRow[] = await this.dataSource.query(
      `SELECT t.id AS token_id, t.kind, t.scope, t.expires_at, t.revoked_at, t.last_used_at,
              u.id AS user_id, u.email, u.display_name, u.role, u.active, u.must_change_password
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1`,
      [hash],
    );
    if (!row || row.kind === 'export') throw unauthorized('The bearer token is not valid.');
    if (row.revoked_at) throw unauthorized('The bearer token has been revoked; sign in again.');
    if (row.expires_at && row.expires_at.getTime() <= Date.now()) throw unauthorized('The bearer token has expired; sign in again.');
    if (!row.active) throw unauthorized('This account is deactivated.');
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      // Bookkeeping only: at most one write per token a minute, and never in the request's way.
      this.dataSource
        .query('UPDATE auth_tokens SET last_used_at = now() WHERE id = $1', [row.token_id])
        .catch((error: Error) => this.logger.warn(`last_used_at not updated: ${error.message}`));
    }
    const principal = this.principalOf(row);
    this.verified.set(hash, principal);
    return principal;
  }

  /** Consumes a one-use export ticket (atomically: two downloads cannot share one). */
  async redeemExportTicket(secret: string): Promise<Principal> {
    const [row]: TokenRow[] = await this.dataSource.query(
      `WITH used AS (
         UPDATE auth_tokens SET revoked_at = now(), last_used_at = now()
          WHERE token_hash = $1 AND kind = 'export' AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, kind, scope, expires_at, user_id)
       SELECT used.id AS token_id, used.kind, used.scope, used.expires_at, NULL AS revoked_at, NULL AS last_used_at,
              u.id AS user_id, u.email, u.display_name, u.role, u.active, u.must_change_password
         FROM used JOIN users u ON u.id = used.user_id`,
      [tokenHash(secret)],
    );
    if (!row) throw unauthorized('The export ticket is not valid: it is used, expired or unknown. Ask for a new one.');
    if (!row.active) throw unauthorized('This account is deactivated.');
    return this.principalOf(row);
  }

  async logout(principal: Principal): Promise<void> {
    await this.dataSource.query('UPDATE auth_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [principal.token.id]);
    this.verified.forgetToken(principal.token.id);
  }

  /** After a change to an account (role, active, password): its tokens are checked afresh. */
  forgetUser(userId: number): void {
    this.verified.forgetUser(userId);
  }

  async me(principal: Principal) {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: principal.user.id });
    return {
      user: publicUser(user),
      token: { kind: principal.token.kind, scope: principal.token.scope, expiresAt: principal.token.expiresAt },
    };
  }

  /**
   * Changes the caller's own password and signs out their other sessions. The new hash replaces
   * the one the current password was checked against, or nothing: of two changes made with the
   * same (one-time) password at once, one wins and the other is told it is no longer current.
   */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, keepPersonalTokens = false): Promise<void> {
    checkNewPassword(newPassword);
    const { user, passwordHash } = await this.passwords.run(async (passwords) => {
      const user = await this.dataSource
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: principal.user.id })
        .getOneOrFail();
      if (!(await passwords.verify(currentPassword, user.passwordHash))) {
        throw badRequest({ currentPassword: 'is not your current password' });
      }
      if (oneTimePasswordExpired(user)) throw badRequest({ currentPassword: ONE_TIME_PASSWORD_EXPIRED_FIELD });
      if (currentPassword === newPassword) throw badRequest({ newPassword: 'must differ from the current password' });
      return { user, passwordHash: await passwords.hash(newPassword) };
    });
    await this.dataSource.transaction(async (manager) => {
      const changed = await manager
        .getRepository(User)
        .update(
          { id: user.id, passwordHash: user.passwordHash },
          { passwordHash, mustChangePassword: false, oneTimePasswordExpiresAt: null },
        );
      if (!changed.affected) throw badRequest({ currentPassword: 'is no longer your current password: it was changed meanwhile' });
      const before = accountState(user);
      await recordAccountChange(manager, {
        resource: 'users',
        recordId: user.id,
        action: 'update',
        actorId: user.id,
        label: user.displayName,
        before,
        after: { ...before, mustChangePassword: false, oneTimePasswordExpiresAt: null },
        passwordSet: true,
      });
      // The other sessions, and (unless kept) the personal tokens: a password that may have
      // leaked may have been used to make them.
      await this.revokeAndRecord(
        manager,
        `t.user_id = $1 AND t.id <> $2 AND (t.kind = 'session' OR (t.kind = 'personal' AND NOT $3))`,
        [user.id, principal.token.id, keepPersonalTokens],
        user.id,
      );
    });
    this.verified.forgetUser(user.id);
  }

  async listPersonalTokens(principal: Principal): Promise<PersonalTokenRecord[]> {
    return this.dataSource.query(
      `SELECT id, name, scope, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt"
         FROM auth_tokens WHERE user_id = $1 AND kind = 'personal' AND revoked_at IS NULL ORDER BY id`,
      [principal.user.id],
    );
  }

  /** A new personal token, and its entry in the owner's history (without its secret), together. */
  async createPersonalToken(principal: Principal, name: string, scope: TokenScope, expiresInDays = PERSONAL_TOKEN_DEFAULT_DAYS) {
    const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
    const owner = principal.user;
    const issued = await this.dataSource.transaction(async (manager) => {
      const issued = await this.issue(owner.id, 'personal', scope, expiresAt, name, manager);
      const after = tokenState({ ...issued.row, owner_name: owner.displayName, revoked_at: null });
      await recordAccountChange(manager, {
        resource: 'tokens',
        recordId: issued.id,
        action: 'create',
        actorId: owner.id,
        label: name,
        before: null,
        after,
      });
      return issued;
    });
    const [record] = (await this.listPersonalTokens(principal)).filter((t) => t.id === issued.id);
    return { ...record, token: issued.secret };
  }

  async revokePersonalToken(principal: Principal, id: number): Promise<PersonalTokenRecord> {
    const record = await this.dataSource.transaction(async (manager) => {
      // Locked: of two revocations at once, the second finds the token revoked (404), and only one is kept in the history.
      const [record]: PersonalTokenRecord[] = await manager.query(
        `SELECT id, name, scope, created_at AS "createdAt", expires_at AS "expiresAt", last_used_at AS "lastUsedAt"
           FROM auth_tokens WHERE id = $1 AND user_id = $2 AND kind = 'personal' AND revoked_at IS NULL FOR UPDATE`,
        [id, principal.user.id],
      );
      if (!record) throw notFound('Personal token', id);
      await this.revokeAndRecord(manager, 't.id = $1', [id], principal.user.id);
      return record;
    });
    this.verified.forgetToken(id);
    return record;
  }

  /** A one-use, short-lived credential for one export download by a plain browser link. */
  async createExportTicket(principal: Principal) {
    const expiresAt = new Date(Date.now() + EXPORT_TICKET_TTL_MS);
    const scope: TokenScope = 'read';
    const issued = await this.issue(principal.user.id, 'export', scope, expiresAt, null);
    return { ticket: issued.secret, expiresAt };
  }

  /** Every token of an account (deactivation, password reset by `actorId`), in the caller's transaction. */
  async revokeAllTokens(userId: number, manager: EntityManager, actorId: number): Promise<void> {
    await this.revokeAndRecord(manager, 't.user_id = $1', [userId], actorId);
    this.verified.forgetUser(userId);
  }

  /**
   * Revokes the live tokens `where` names (on auth_tokens as t) and keeps each personal token's
   * revocation in the history; sessions and export tickets come and go without an entry.
   */
  private async revokeAndRecord(manager: EntityManager, where: string, params: unknown[], actorId: number): Promise<void> {
    const [revoked]: [RevokedToken[], number] = await manager.query(
      `UPDATE auth_tokens t SET revoked_at = now() WHERE t.revoked_at IS NULL AND ${where} ${REVOKED_TOKENS}`,
      params,
    );
    for (const row of revoked.filter((token) => token.kind === 'personal')) {
      const after = tokenState(row);
      await recordAccountChange(manager, {
        resource: 'tokens',
        recordId: row.id,
        action: 'delete',
        actorId,
        label: row.name ?? `Token ${row.id}`,
        before: { ...after, revokedAt: null },
        after,
      });
    }
  }

  private async issue(
    userId: number,
    kind: TokenKind,
    scope: TokenScope,
    expiresAt: Date | null,
    name: string | null,
    manager: EntityManager = this.dataSource.manager,
  ) {
    const secret = newTokenSecret(kind);
    const saved = await manager.getRepository(AuthToken).save({ userId, kind, scope, expiresAt, name, tokenHash: tokenHash(secret) });
    return { id: saved.id, secret, row: { id: saved.id, name, scope, user_id: userId, expires_at: expiresAt } };
  }

  private principalOf(row: TokenRow): Principal {
    return {
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        mustChangePassword: row.must_change_password,
      },
      token: { id: row.token_id, kind: row.kind, scope: row.scope, expiresAt: row.expires_at },
    };
  }
}
