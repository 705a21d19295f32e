import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AUTH_OPTIONS, AuthOptions } from '../auth/auth-options';
import { checkNewPassword, AuthService } from '../auth/auth.service';
import { oneTimePasswordExpiry } from '../auth/one-time-password';
import { generatePassword } from '../auth/password-hash';
import { PasswordHashing } from '../auth/password-hashing';
import { accountState, recordAccountChange } from '../history/account-history';
import { badRequest, conflict, notFound } from '../kernel/errors/api-errors';
import { Page, readOne, readPage } from '../records/list-query/collection-reader';
import { ListQuery } from '../records/list-query/filter-definitions';
import { User } from './user.entity';
import { UserChange, UserInvite } from './user.dto';
import { USER_FILTERS, USER_TABLE, UserSort } from './users.table';

export type UserRecord = Omit<User, 'passwordHash'>;

/** One address is one account: stored lower-cased. */
const emailOf = (input: UserInvite) => input.email.trim().toLowerCase();

/** Accounts, managed by admins: invite with a one-time password, change role, deactivate, reset. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly passwords: PasswordHashing,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  list(query: ListQuery<typeof USER_FILTERS, UserSort>): Promise<Page<UserRecord>> {
    return readPage(this.dataSource, USER_TABLE, query);
  }

  async get(id: number, db: DataSource | EntityManager = this.dataSource): Promise<UserRecord> {
    const row = await readOne<UserRecord, typeof USER_FILTERS, UserSort>(db, USER_TABLE, id);
    if (!row) throw notFound('User', id);
    return row;
  }

  /**
   * Creates an account; `password` given: the account's own (first admin), otherwise a one-time
   * one, which expires unless `expiring` is false (the first admin's: no other admin could reset it).
   */
  async create(input: UserInvite, password?: string, manager = this.dataSource.manager, expiring = true) {
    const email = emailOf(input);
    await this.refuseTaken(email, manager); // before the slow hash
    if (password !== undefined) checkNewPassword(password, 'password');
    const oneTimePassword = password === undefined ? generatePassword() : undefined;
    const account = await this.insert(manager, {
      email,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await this.passwords.hash(password ?? oneTimePassword!),
      mustChangePassword: password === undefined,
      oneTimePasswordExpiresAt: password === undefined && expiring ? oneTimePasswordExpiry(this.options.oneTimePasswordTtlHours) : null,
    });
    return { ...account, ...(oneTimePassword ? { oneTimePassword } : {}) };
  }

  /**
   * An admin's invitation: the account, with a one-time password, and its entry in the history
   * (without the password), stored together. The password is hashed before the transaction
   * starts, so that no connection waits on the hashing.
   */
  async invite(input: UserInvite, actorId: number) {
    const email = emailOf(input);
    await this.refuseTaken(email); // before the slow hash
    const oneTimePassword = generatePassword();
    const passwordHash = await this.passwords.hash(oneTimePassword);
    const invited = await this.dataSource.transaction(async (manager) => {
      const account = await this.insert(manager, {
        email,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        mustChangePassword: true,
        oneTimePasswordExpiresAt: oneTimePasswordExpiry(this.options.oneTimePasswordTtlHours),
      });
      const after = accountState(account);
      await recordAccountChange(manager, {
        resource: 'users',
        recordId: account.id,
        action: 'create',
        actorId,
        label: account.displayName,
        before: null,
        after,
        passwordSet: true,
      });
      return account;
    });
    return { ...invited, oneTimePassword };
  }

  async update(id: number, change: UserChange, actorId: number): Promise<UserRecord> {
    // PATCH bodies may leave any field out, but an account always has a name, a role and a state.
    const nulls = (['displayName', 'role', 'active'] as const).filter((field) => change[field] === null);
    if (nulls.length) throw badRequest(Object.fromEntries(nulls.map((field) => [field, `${field} must not be null`])));
    await this.dataSource.transaction(async (manager) => {
      // Serialises admin changes, so that two admins cannot demote each other at once.
      await manager.query('SELECT pg_advisory_xact_lock(7346002)');
      const user = await manager.getRepository(User).findOneBy({ id });
      if (!user) throw notFound('User', id);
      const losesAdmin = user.role === 'admin' && user.active && (change.active === false || (change.role && change.role !== 'admin'));
      if (losesAdmin && (await this.activeAdmins(manager)) <= 1) {
        throw conflict('This is the last active admin; make another account admin first.', {
          [change.active === false ? 'active' : 'role']: 'the last active admin cannot lose the admin role',
        });
      }
      const fields: Partial<User> = {};
      if (change.displayName !== undefined) fields.displayName = change.displayName;
      if (change.role !== undefined) fields.role = change.role;
      if (change.active !== undefined) fields.active = change.active;
      if (Object.keys(fields).length) await manager.getRepository(User).update(id, fields);
      const before = accountState(user);
      const after = accountState({ ...before, ...fields });
      // Written only when something changed (a PUT of the same values is no change).
      await recordAccountChange(manager, {
        resource: 'users',
        recordId: id,
        action: 'update',
        actorId,
        label: after.displayName,
        before,
        after,
      });
      if (change.active === false) await this.auth.revokeAllTokens(id, manager, actorId);
    });
    // Role and name are part of the verified principal: check its tokens afresh.
    this.auth.forgetUser(id);
    return this.get(id);
  }

  /**
   * A new one-time password, expiring after ONE_TIME_PASSWORD_TTL_HOURS; the account's sessions
   * and tokens stop working. The history says that `actorId` reset it, never to what.
   */
  async resetPassword(id: number, actorId: number): Promise<{ oneTimePassword: string }> {
    const oneTimePassword = generatePassword();
    const passwordHash = await this.passwords.hash(oneTimePassword);
    await this.dataSource.transaction(async (manager) => {
      // Locked, so that the state before the reset is the one the reset replaces.
      const user = await manager.getRepository(User).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('User', id);
      const reset = { mustChangePassword: true, oneTimePasswordExpiresAt: oneTimePasswordExpiry(this.options.oneTimePasswordTtlHours) };
      await manager.getRepository(User).update(id, { passwordHash, ...reset });
      const before = accountState(user);
      await recordAccountChange(manager, {
        resource: 'users',
        recordId: id,
        action: 'update',
        actorId,
        label: user.displayName,
        before,
        after: { ...before, ...reset },
        passwordSet: true,
      });
      await this.auth.revokeAllTokens(id, manager, actorId);
    });
    this.auth.forgetUser(id);
    return { oneTimePassword };
  }

  private async refuseTaken(email: string, db: DataSource | EntityManager = this.dataSource): Promise<void> {
    const taken = await db.query('SELECT 1 FROM users WHERE email = $1', [email]);
    if (taken.length) throw conflict(`An account with the email ${email} already exists.`, { email: 'is already used by an account' });
  }

  private async insert(manager: EntityManager, fields: Omit<User, 'id' | 'lastLoginAt' | 'createdAt' | 'updatedAt' | 'active'>) {
    await this.refuseTaken(fields.email, manager);
    const saved = await manager.getRepository(User).save(fields);
    return this.get(saved.id, manager);
  }

  async count(): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT count(*)::int AS n FROM users');
    return n;
  }

  private async activeAdmins(manager: EntityManager): Promise<number> {
    const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`);
    return n;
  }
}
