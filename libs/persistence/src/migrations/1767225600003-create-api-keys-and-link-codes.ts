import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys (only a hash of the secret is kept; the prefix finds the row) and the one-time
 * codes that link a Telegram account to a website customer (only a peppered hash is kept).
 */
export class CreateApiKeysAndLinkCodes1767225600003 implements MigrationInterface {
  name = 'CreateApiKeysAndLinkCodes1767225600003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        name text NOT NULL,
        scopes text[] NOT NULL,
        rate_limit_per_minute integer CHECK (rate_limit_per_minute > 0),
        created_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);

    await runner.query(`
      CREATE TABLE link_codes (
        id uuid PRIMARY KEY,
        telegram_id text NOT NULL,
        code_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        used_by_customer_id uuid REFERENCES customers (id)
      )`);
    await runner.query(`CREATE INDEX link_codes_expires_at_idx ON link_codes (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE link_codes`);
    await runner.query(`DROP TABLE api_keys`);
  }
}
