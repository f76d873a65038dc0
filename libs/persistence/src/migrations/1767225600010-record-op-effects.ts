import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What replicates is an op's decision and its effects, never the command run again
 * (docs/adr/0401-replicate-recorded-effects.md). This migration makes every op record them:
 *
 * - `ops.origin`: the store that decided the op (`primary` or `backup`); an op copied in keeps
 *   the origin of the store that decided it, so the replicator, which tails only the ops its
 *   source decided, never copies it back.
 * - `ops.xid`: the deciding transaction (`pg_current_xact_id()`), store-local like `seq`. The
 *   replicator tails by (xid, seq) below `pg_snapshot_xmin`, so an op whose sequence committed
 *   late is never skipped.
 * - `ops.effects`: the row images the op wrote, in the order it wrote them:
 *   `[{t: table, k: 'I'|'U'|'D', row: {…}}]`, appended by statement triggers on every replicated
 *   table while `karma.op_id` is set (applyOp sets it, transaction-local, before the handler).
 * - `last_op_at`, `last_op_id`, `prev_op_id` on every replicated row, stamped by a row trigger:
 *   the op that wrote the row last and the version that op started from. Copies converge
 *   last-writer-wins by (last_op_at, last_op_id); a copied update whose `prev_op_id` is not what
 *   the target holds is a concurrent write (a split), recorded as a conflict.
 *
 * Writes made outside an op (a replicated copy, a manual fix) set no `karma.op_id`: the row
 * keeps the stamp it carries and nothing is recorded.
 */
export class RecordOpEffects1767225600010 implements MigrationInterface {
  name = 'RecordOpEffects1767225600010';

  async up(runner: QueryRunner): Promise<void> {
    // Ops decided before this migration were decided by the primary (the only store there was).
    await runner.query(`
      ALTER TABLE ops
        ADD COLUMN origin text NOT NULL DEFAULT 'primary' CHECK (origin IN ('primary', 'backup')),
        ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
        ADD COLUMN effects jsonb NOT NULL DEFAULT '[]'`);
    // From now on the origin is the store's own name, which each store connection states
    // (`-c karma.store=…`, see createPgPool); a connection that does not fails the insert
    // (NOT NULL) instead of labelling an op with the wrong store.
    await runner.query(
      `ALTER TABLE ops ALTER COLUMN origin SET DEFAULT nullif(current_setting('karma.store', true), '')`,
    );
    await runner.query(`CREATE INDEX ops_outbox_idx ON ops (origin, xid, seq)`);
    await runner.query(`CREATE INDEX ops_applied_at_idx ON ops (applied_at)`);
    // Room on each page for the updates an op makes to its own row (effects, result): HOT updates.
    await runner.query(`ALTER TABLE ops SET (fillfactor = 80)`);

    await runner.query(`
      CREATE TABLE replicated_tables (
        table_name text PRIMARY KEY,
        key_columns text[] NOT NULL,
        -- Columns a copy may change on an existing row; NULL means every non-key column.
        updatable_columns text[],
        -- Foreign-key depth among replicated tables (parents first): the order of bulk copies.
        copy_rank integer NOT NULL DEFAULT 0
      )`);
    await runner.query(
      `COMMENT ON TABLE replicated_tables IS 'Tables whose rows ops write and replication copies; see karma_replicate_table()'`,
    );

    await runner.query(`
      CREATE FUNCTION karma_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_op text := current_setting('karma.op_id', true);
      BEGIN
        IF v_op IS NULL OR v_op = '' THEN
          RETURN NEW; -- not inside an op: a copy carries the stamp of the op that wrote it
        END IF;
        IF TG_OP = 'UPDATE' THEN
          -- A second write by the same op keeps the version the op started from.
          NEW.prev_op_id := CASE WHEN OLD.last_op_id = v_op::uuid THEN OLD.prev_op_id ELSE OLD.last_op_id END;
        ELSE
          NEW.prev_op_id := NULL;
        END IF;
        NEW.last_op_id := v_op::uuid;
        NEW.last_op_at := current_setting('karma.op_at')::timestamptz;
        RETURN NEW;
      END $$`);

    await runner.query(`
      CREATE FUNCTION karma_record_effects() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_op text := current_setting('karma.op_id', true);
        v_effects jsonb;
      BEGIN
        IF v_op IS NULL OR v_op = '' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'DELETE' THEN
          SELECT jsonb_agg(jsonb_build_object('t', TG_TABLE_NAME, 'k', 'D', 'row', to_jsonb(o)))
            INTO v_effects FROM old_rows o;
        ELSE
          SELECT jsonb_agg(jsonb_build_object('t', TG_TABLE_NAME, 'k', left(TG_OP, 1), 'row', to_jsonb(n)))
            INTO v_effects FROM new_rows n;
        END IF;
        IF v_effects IS NOT NULL THEN
          UPDATE ops SET effects = effects || v_effects WHERE op_id = v_op::uuid;
        END IF;
        RETURN NULL;
      END $$`);

    // The statements that copy row images into each replicated table, as static SQL in two
    // generated functions (one row: karma_copy_row; many: karma_copy_rows): plpgsql caches the
    // plan of a static statement per session, where a dynamic EXECUTE is parsed and planned on
    // every row (about twice the cost of the copy itself). Regenerated whenever a table is
    // registered; a migration that changes the columns of a replicated table calls it again.
    await runner.query(`
      CREATE FUNCTION karma_build_copy_row() RETURNS void LANGUAGE plpgsql AS $gen$
      DECLARE
        r record;
        v_all text[];
        v_match text;
        v_keys text;
        v_set text;
        v_set_all text;
        v_one text := '';
        v_many text := '';
      BEGIN
        -- Parents before children: a table's rank is its longest foreign-key path to a root.
        WITH RECURSIVE deps AS (
          SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
            FROM pg_constraint c
           WHERE c.contype = 'f' AND c.conrelid <> c.confrelid
             AND c.conrelid::regclass::text IN (SELECT table_name FROM replicated_tables)
             AND c.confrelid::regclass::text IN (SELECT table_name FROM replicated_tables)),
        depth (t, d) AS (
          SELECT table_name, 0 FROM replicated_tables
          UNION ALL
          SELECT deps.child, depth.d + 1 FROM depth JOIN deps ON deps.parent = depth.t WHERE depth.d < 32)
        UPDATE replicated_tables SET copy_rank = ranks.d
          FROM (SELECT t, max(d) AS d FROM depth GROUP BY t) ranks WHERE ranks.t = replicated_tables.table_name;

        FOR r IN SELECT table_name, key_columns, updatable_columns FROM replicated_tables ORDER BY table_name LOOP
          SELECT array_agg(attname::text ORDER BY attnum) INTO v_all FROM pg_attribute
           WHERE attrelid = format('public.%I', r.table_name)::regclass AND attnum > 0 AND NOT attisdropped;
          SELECT string_agg(format('t.%1$I = r.%1$I', k), ' AND '), string_agg(format('%I', k), ', ')
            INTO v_match, v_keys FROM unnest(r.key_columns) k;
          SELECT string_agg(format('%1$I = r.%1$I', c), ', ') INTO v_set
            FROM unnest(coalesce(r.updatable_columns, v_all)) c WHERE c <> ALL (r.key_columns);
          SELECT string_agg(format('%1$I = r.%1$I', c), ', ') INTO v_set_all
            FROM unnest(v_all) c WHERE c <> ALL (r.key_columns);
          v_one := v_one || format($branch$
            WHEN %1$L THEN
              CASE p_action
                WHEN 'insert' THEN
                  INSERT INTO public.%1$I SELECT * FROM jsonb_populate_record(NULL::public.%1$I, p_row)
                  ON CONFLICT (%2$s) DO NOTHING;
                  GET DIAGNOSTICS v_count = ROW_COUNT;
                  RETURN to_jsonb(v_count = 1);
                WHEN 'lock' THEN
                  SELECT to_jsonb(t) INTO v_found
                    FROM public.%1$I t, jsonb_populate_record(NULL::public.%1$I, p_row) r WHERE %3$s FOR UPDATE OF t;
                  RETURN v_found;
                WHEN 'update' THEN
                  UPDATE public.%1$I t SET %4$s FROM jsonb_populate_record(NULL::public.%1$I, p_row) r WHERE %3$s;
                WHEN 'overwrite' THEN
                  UPDATE public.%1$I t SET %5$s FROM jsonb_populate_record(NULL::public.%1$I, p_row) r WHERE %3$s;
                WHEN 'delete' THEN
                  DELETE FROM public.%1$I t USING jsonb_populate_record(NULL::public.%1$I, p_row) r WHERE %3$s;
              END CASE;$branch$,
            r.table_name, v_keys, v_match, v_set, v_set_all);
          v_many := v_many || format($branch$
            WHEN %1$L THEN
              CASE p_action
                WHEN 'insert' THEN
                  INSERT INTO public.%1$I SELECT * FROM jsonb_populate_recordset(NULL::public.%1$I, p_rows)
                  ON CONFLICT (%2$s) DO NOTHING;
                WHEN 'update' THEN
                  -- Only rows still at the version the first copied change started from (expect).
                  UPDATE public.%1$I t SET %4$s
                    FROM jsonb_array_elements(p_rows) e, LATERAL jsonb_populate_record(NULL::public.%1$I, e->'row') r
                   WHERE %3$s AND t.last_op_id IS NOT DISTINCT FROM (e->>'expect')::uuid;
              END CASE;
              GET DIAGNOSTICS v_count = ROW_COUNT;
              RETURN v_count;$branch$,
            r.table_name, v_keys, v_match, v_set);
        END LOOP;
        EXECUTE format($create$
          CREATE OR REPLACE FUNCTION karma_copy_row(p_table text, p_action text, p_row jsonb) RETURNS jsonb
          LANGUAGE plpgsql AS $body$
          DECLARE
            v_count integer;
            v_found jsonb;
          BEGIN
            CASE p_table %s
              ELSE RAISE EXCEPTION 'table %% is not replicated', p_table;
            END CASE;
            RETURN NULL;
          END $body$$create$, v_one);
        EXECUTE format($create$
          CREATE OR REPLACE FUNCTION karma_copy_rows(p_table text, p_action text, p_rows jsonb) RETURNS integer
          LANGUAGE plpgsql AS $body$
          DECLARE
            v_count integer;
          BEGIN
            CASE p_table %s
              ELSE RAISE EXCEPTION 'table %% is not replicated', p_table;
            END CASE;
          END $body$$create$, v_many);
      END $gen$`);
    await runner.query(
      `COMMENT ON FUNCTION karma_build_copy_row() IS 'Regenerates karma_copy_row and karma_copy_rows (and the copy ranks) from replicated_tables'`,
    );

    // One call per table: the stamp columns, the triggers (which do nothing, not even start,
    // outside an op: WHEN), the registry row and the copy statements. Later tables an op writes
    // (devices, mode_events) are added the same way by their own migration.
    await runner.query(`
      CREATE FUNCTION karma_replicate_table(p_table text, p_keys text[], p_updatable text[] DEFAULT NULL)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        v_in_op constant text := $when$WHEN (current_setting('karma.op_id', true) <> '')$when$;
      BEGIN
        EXECUTE format('ALTER TABLE %I ADD COLUMN last_op_at timestamptz, ADD COLUMN last_op_id uuid,
                        ADD COLUMN prev_op_id uuid', p_table);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I
                        FOR EACH ROW %s EXECUTE FUNCTION karma_stamp_row()', p_table || '_stamp_op', p_table, v_in_op);
        -- PostgreSQL allows transition tables only on single-event triggers: one per event.
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT %s EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_i', p_table, v_in_op);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT %s EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_u', p_table, v_in_op);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT %s EXECUTE FUNCTION karma_record_effects()', p_table || '_effects_d', p_table, v_in_op);
        INSERT INTO replicated_tables (table_name, key_columns, updatable_columns)
        VALUES (p_table, p_keys, p_updatable);
        PERFORM karma_build_copy_row();
      END $$`);

    await runner.query(`SELECT karma_replicate_table('customers', ARRAY['id'])`);
    await runner.query(`SELECT karma_replicate_table('identities', ARRAY['platform', 'external_id'])`);
    await runner.query(`SELECT karma_replicate_table('orders', ARRAY['id'])`);
    // Ledger entries are append-only: a copy inserts them, and only a merge re-points one.
    await runner.query(
      `SELECT karma_replicate_table('loyalty_ledger', ARRAY['id'],
         ARRAY['customer_id', 'last_op_at', 'last_op_id', 'prev_op_id'])`,
    );
    await runner.query(`SELECT karma_replicate_table('api_keys', ARRAY['id'])`);
    await runner.query(`SELECT karma_replicate_table('link_codes', ARRAY['id'])`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['customers', 'identities', 'orders', 'loyalty_ledger', 'api_keys', 'link_codes']) {
      for (const suffix of ['stamp_op', 'effects_i', 'effects_u', 'effects_d']) {
        await runner.query(`DROP TRIGGER ${table}_${suffix} ON ${table}`);
      }
      await runner.query(
        `ALTER TABLE ${table} DROP COLUMN last_op_at, DROP COLUMN last_op_id, DROP COLUMN prev_op_id`,
      );
    }
    await runner.query(`DROP FUNCTION karma_replicate_table(text, text[], text[])`);
    await runner.query(`DROP FUNCTION karma_copy_row(text, text, jsonb)`);
    await runner.query(`DROP FUNCTION karma_copy_rows(text, text, jsonb)`);
    await runner.query(`DROP FUNCTION karma_build_copy_row()`);
    await runner.query(`DROP FUNCTION karma_record_effects()`);
    await runner.query(`DROP FUNCTION karma_stamp_row()`);
    await runner.query(`DROP TABLE replicated_tables`);
    await runner.query(`ALTER TABLE ops RESET (fillfactor)`);
    await runner.query(`DROP INDEX ops_applied_at_idx`);
    await runner.query(`DROP INDEX ops_outbox_idx`);
    await runner.query(`ALTER TABLE ops DROP COLUMN effects, DROP COLUMN xid, DROP COLUMN origin`);
  }
}
