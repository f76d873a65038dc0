import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A link code is issued FOR one side and used by the other (issue 5): for a Telegram account
 * (`telegram_id`, typed on the website) or, now, for a website customer (`customer_id`, typed in
 * the bot). Exactly one of the two is set. `used_by_customer_id` stays the customer the link
 * ended on, in both directions.
 *
 * Only a column is added and a NOT NULL relaxed: rows keep their key, so the op-effect
 * triggers and replication of `link_codes` (migration 0010) carry the new column as they are.
 */
export class LinkCodesForCustomers1767225600050 implements MigrationInterface {
  name = 'LinkCodesForCustomers1767225600050';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE link_codes
        ADD COLUMN customer_id uuid REFERENCES customers (id),
        ALTER COLUMN telegram_id DROP NOT NULL,
        ADD CONSTRAINT link_codes_issued_for_one_side CHECK (num_nonnulls(telegram_id, customer_id) = 1)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM link_codes WHERE customer_id IS NOT NULL`);
    await runner.query(`
      ALTER TABLE link_codes
        DROP CONSTRAINT link_codes_issued_for_one_side,
        DROP COLUMN customer_id,
        ALTER COLUMN telegram_id SET NOT NULL`);
  }
}
