import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers and the platform identities that point at them. Emails are stored normalized
 * (lower case) and unique when present; a merged customer keeps its row as a tombstone
 * (`merged_into`), so its email stays taken and old ids still resolve.
 * The `text_pattern_ops` indexes serve the case-insensitive prefix search whatever the
 * database collation is (plain btree indexes only serve LIKE 'x%' under the C collation).
 */
export class CreateCustomers1767225600000 implements MigrationInterface {
  name = 'CreateCustomers1767225600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY,
        display_name text,
        email text,
        phone text,
        locale text,
        password_hash text,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        merged_into uuid REFERENCES customers (id),
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT customers_not_merged_into_self CHECK (merged_into IS NULL OR merged_into <> id)
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX customers_email_key ON customers (lower(email) text_pattern_ops) WHERE email IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX customers_display_name_prefix_idx ON customers (lower(display_name) text_pattern_ops)
         WHERE display_name IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX customers_phone_prefix_idx ON customers (phone text_pattern_ops) WHERE phone IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX customers_merged_into_idx ON customers (merged_into) WHERE merged_into IS NOT NULL`,
    );

    await runner.query(`
      CREATE TABLE identities (
        platform text NOT NULL CHECK (platform IN ('telegram', 'website', 'mobile', 'desktop', 'partner')),
        external_id text NOT NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        username text,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (platform, external_id)
      )`);
    await runner.query(`CREATE INDEX identities_customer_id_idx ON identities (customer_id)`);
    await runner.query(
      `CREATE INDEX identities_username_prefix_idx ON identities (lower(username) text_pattern_ops)
         WHERE username IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE identities`);
    await runner.query(`DROP TABLE customers`);
  }
}
