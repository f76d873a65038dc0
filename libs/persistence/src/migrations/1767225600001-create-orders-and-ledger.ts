import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders and the loyalty ledger. Money is bigint minor units; the checks restate the rules
 * the op handlers follow, so a bug there fails loudly instead of storing a wrong total.
 * The ledger is append-only, enforced by a trigger: the one update allowed is re-pointing
 * `customer_id` when a customer is merged into another.
 */
export class CreateOrdersAndLedger1767225600001 implements MigrationInterface {
  name = 'CreateOrdersAndLedger1767225600001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE orders (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        platform text NOT NULL CHECK (platform IN ('telegram', 'website', 'mobile', 'desktop', 'partner')),
        partner_id text,
        status text NOT NULL CHECK (status IN ('pending', 'paid', 'fulfilled', 'cancelled', 'refunded')),
        currency char(3) NOT NULL,
        items jsonb NOT NULL,
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        discount_minor bigint NOT NULL DEFAULT 0,
        total_minor bigint NOT NULL,
        points_earned integer NOT NULL DEFAULT 0 CHECK (points_earned >= 0),
        points_redeemed integer NOT NULL DEFAULT 0 CHECK (points_redeemed >= 0),
        op_id uuid NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT orders_discount_within_subtotal CHECK (discount_minor BETWEEN 0 AND subtotal_minor),
        CONSTRAINT orders_total_is_subtotal_less_discount CHECK (total_minor = subtotal_minor - discount_minor)
      )`);
    await runner.query(
      `CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC, id DESC)`,
    );

    await runner.query(`
      CREATE TABLE loyalty_ledger (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL REFERENCES customers (id),
        order_id uuid REFERENCES orders (id),
        kind text NOT NULL CHECK (kind IN ('earn', 'redeem', 'reverse', 'adjust', 'expire')),
        bucket text NOT NULL CHECK (bucket IN ('pending', 'available')),
        points integer NOT NULL CHECK (points <> 0),
        reason text,
        op_id uuid NOT NULL,
        at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX loyalty_ledger_customer_at_idx ON loyalty_ledger (customer_id, at DESC, id DESC)`,
    );
    await runner.query(
      `CREATE INDEX loyalty_ledger_order_idx ON loyalty_ledger (order_id) WHERE order_id IS NOT NULL`,
    );

    await runner.query(`
      CREATE FUNCTION loyalty_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'loyalty_ledger is append-only: entry % cannot be deleted', OLD.id;
        END IF;
        IF (NEW.id, NEW.order_id, NEW.kind, NEW.bucket, NEW.points, NEW.reason, NEW.op_id, NEW.at)
           IS DISTINCT FROM
           (OLD.id, OLD.order_id, OLD.kind, OLD.bucket, OLD.points, OLD.reason, OLD.op_id, OLD.at) THEN
          RAISE EXCEPTION 'loyalty_ledger is append-only: only customer_id may change (merge), entry %', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER loyalty_ledger_append_only
        BEFORE UPDATE OR DELETE ON loyalty_ledger
        FOR EACH ROW EXECUTE FUNCTION loyalty_ledger_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE loyalty_ledger`);
    await runner.query(`DROP FUNCTION loyalty_ledger_append_only()`);
    await runner.query(`DROP TABLE orders`);
  }
}
