import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RecordAuthor } from '../records/collection/record-author';
import { ConfigError } from '../config/app-config';
import { UsersService } from './users.service';

export interface FirstAdminOptions {
  email?: string;
  password?: string;
  /** The server runs its own embedded PostgreSQL (a personal install): a generated password is fine. */
  embedded: boolean;
}

/** Arbitrary lock id: two servers starting on one empty database create one first admin. */
const FIRST_ADMIN_LOCK = 7_346_003;
export const GENERATED_ADMIN_EMAIL = 'admin@localhost';
const NO_ACCOUNTS = 'The database has no accounts yet: set ADMIN_EMAIL and ADMIN_PASSWORD for the first start.';

/**
 * Makes sure someone can sign in: on a database without accounts, creates the first admin
 * from ADMIN_EMAIL / ADMIN_PASSWORD, or (embedded database only) with a generated one-time
 * password printed once. Returns the admin that the seed fixtures are attributed to.
 */
@Injectable()
export class FirstAdmin {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  /**
   * Before migrating: refuses a start that could not create its first admin, so that a
   * refused first start leaves the database untouched (and the next one still seeds it).
   */
  async checkPossible(options: FirstAdminOptions): Promise<void> {
    if (Boolean(options.email) !== Boolean(options.password)) {
      throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
    }
    if (options.email || options.embedded) return;
    const [{ migrated }] = await this.dataSource.query(`SELECT to_regclass('public.users') IS NOT NULL AS migrated`);
    const [{ accounts }] = migrated ? await this.dataSource.query('SELECT count(*)::int AS accounts FROM users') : [{ accounts: 0 }];
    if (accounts === 0) throw new ConfigError(NO_ACCOUNTS);
  }

  async ensure(options: FirstAdminOptions, print: (text: string) => void = printToTerminal): Promise<RecordAuthor> {
    await this.checkPossible(options);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      const [existing] = await manager.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`);
      if (existing) return { id: existing.id as number };
      const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM users');
      if (n > 0)
        throw new ConfigError("The database has accounts but no admin; make one with SQL: UPDATE users SET role = 'admin' WHERE email = …");

      if (options.email && options.password) {
        const admin = await this.users.create(
          { email: options.email, displayName: 'Administrator', role: 'admin' },
          options.password,
          manager,
        );
        this.logger.log(`Created the first admin account, ${admin.email}, from ADMIN_EMAIL / ADMIN_PASSWORD.`);
        return { id: admin.id };
      }
      if (!options.embedded) {
        throw new ConfigError(NO_ACCOUNTS);
      }
      // Its one-time password does not expire: there is no other admin who could reset it.
      const admin = await this.users.create(
        { email: GENERATED_ADMIN_EMAIL, displayName: 'Administrator', role: 'admin' },
        undefined,
        manager,
        false,
      );
      const lines = [
        'First admin account (shown once; sign in and choose your own password):',
        `  email:    ${admin.email}`,
        `  password: ${admin.oneTimePassword}`,
      ];
      const width = Math.max(...lines.map((l) => l.length)) + 2;
      print(
        ['', `  ┌${'─'.repeat(width)}┐`, ...lines.map((l) => `  │ ${l.padEnd(width - 1)}│`), `  └${'─'.repeat(width)}┘`, ''].join('\n'),
      );
      return { id: admin.id };
    });
  }
}

/**
 * The generated password is for the person at the terminal, not for the log: it goes to
 * stderr as plain text, never into the JSON log on stdout that log collectors keep.
 */
function printToTerminal(text: string): void {
  process.stderr.write(`${text}\n`);
}
