import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal API tokens now last at most a year (90 days when no life is asked for). Tokens
 * made before without an expiry get one: a year from this migration, the longest a new token
 * may have, so that no script stops working sooner than its owner could have chosen. Revoked
 * tokens are left as they are. No schema change: sessions and export tickets always had an expiry.
 */
export class ExpirePersonalTokens1796700000005 implements MigrationInterface {
  name = 'ExpirePersonalTokens1796700000005';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "auth_tokens" SET "expires_at" = now() + interval '365 days' WHERE "kind" = 'personal' AND "expires_at" IS NULL AND "revoked_at" IS NULL`,
    );
  }

  /** Which tokens had no expiry before is not kept: going back leaves them with theirs. */
  public async down(): Promise<void> {}
}
