import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The replicator's side of each store: where it got to (`replication_state`), what it could not
 * reconcile on its own (`conflicts`), and the SQL functions it calls. Every replication call is
 * one function call, so a batch is one round trip over `pg` today and one `rpc()` through
 * supabase-js later (docs/adr/0402-replication-through-sql-functions.md):
 *
 * - `karma_outbox(origin, after, limit)`: ops this store decided after a position, by (xid, seq),
 *   only from transactions below `pg_snapshot_xmin` (all finished), so a late commit is never
 *   skipped: its xid is at or above xmin until it ends, and every op read before has a lower one.
 * - `karma_apply_ops(source, ops, from, to)`: applies copied ops (the op row and its recorded
 *   effects; set-based when the batch allows, op by op in subtransactions otherwise) and, when
 *   `to` is given, moves `replication_state` from `from` to `to` in the same transaction; a
 *   stale `from` (another replicator moved it) applies nothing.
 * - JIT is off in these functions: jsonb set functions have row estimates that make the planner
 *   compile a batch's statements for half a second, far longer than running them.
 * - the reads reconciliation, write concern and the status page need.
 *
 * Convergence rules, the same on both stores:
 * - a row copied onto one the target changed since the version the op saw (`prev_op_id`) is a
 *   concurrent write: last writer wins by (last_op_at, last_op_id), both versions go to
 *   `conflicts`;
 * - an op present on both stores with different decisions (result hash): the primary's decision
 *   wins (then the smaller hash), its effects overwrite what the other decision wrote, and both
 *   decisions go to `conflicts`;
 * - an op that cannot apply (a foreign key or unique clash after a split) is not copied: it is
 *   recorded as `cannot_apply`, the batch carries on, and reconciliation retries it later.
 */
export class CreateReplicationFunctions1767225600011 implements MigrationInterface {
  name = 'CreateReplicationFunctions1767225600011';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE replication_state (
        source text PRIMARY KEY CHECK (source IN ('primary', 'backup')),
        last_xid xid8 NOT NULL DEFAULT '0',
        last_seq bigint NOT NULL DEFAULT 0,
        last_op_id uuid,
        last_op_at timestamptz,
        copied_total bigint NOT NULL DEFAULT 0,
        -- The source's applied_at up to which reconciliation last compared every op.
        reconciled_through timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `COMMENT ON TABLE replication_state IS 'How far the ops decided by each other store have been copied into this one'`,
    );

    await runner.query(`
      CREATE TABLE conflicts (
        id bigserial PRIMARY KEY,
        op_id uuid NOT NULL,
        source text NOT NULL,
        reason text NOT NULL CHECK (reason IN ('decided_differently', 'concurrent_update', 'cannot_apply')),
        relation text,
        row_key jsonb,
        source_version jsonb,
        target_version jsonb,
        resolution text NOT NULL,
        detail text,
        attempts integer NOT NULL DEFAULT 1,
        detected_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        resolved boolean NOT NULL DEFAULT false,
        reported_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX conflicts_once_idx ON conflicts (op_id, source, reason, relation, row_key) NULLS NOT DISTINCT`,
    );
    await runner.query(`CREATE INDEX conflicts_unreported_idx ON conflicts (id) WHERE reported_at IS NULL`);
    await runner.query(
      `CREATE INDEX conflicts_deferred_idx ON conflicts (source, op_id) WHERE reason = 'cannot_apply' AND NOT resolved`,
    );

    // Converging a split rewrites what the losing decision wrote, ledger entries included.
    await runner.query(`
      CREATE OR REPLACE FUNCTION loyalty_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF current_setting('karma.converging', true) = 'on' THEN
          RETURN COALESCE(NEW, OLD);
        END IF;
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
      CREATE FUNCTION karma_position_of(p_state replication_state) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object(
          'xid', p_state.last_xid::text, 'seq', p_state.last_seq::text,
          'opId', p_state.last_op_id, 'at', p_state.last_op_at,
          'copiedTotal', p_state.copied_total, 'reconciledThrough', p_state.reconciled_through,
          'updatedAt', p_state.updated_at)
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_replication_position(p_source text) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT coalesce(
          (SELECT karma_position_of(s) FROM replication_state s WHERE s.source = p_source),
          jsonb_build_object('xid', '0', 'seq', '0', 'opId', NULL, 'at', NULL, 'copiedTotal', 0,
                             'reconciledThrough', NULL, 'updatedAt', NULL))
      $$`);

    // Ops travel as json (text), built column by column: no jsonb copy of each op on the way out,
    // and the target parses the batch once. These are the columns a copy carries (all but the
    // store-local seq, xid and applied_at); a column added to ops is added here too.
    await runner.query(`
      CREATE FUNCTION karma_op_json(o ops) RETURNS json
      LANGUAGE sql IMMUTABLE AS $$
        SELECT json_build_object(
          'op_id', o.op_id, 'type', o.type, 'payload', o.payload, 'actor', o.actor, 'platform', o.platform,
          'at', o.at, 'request_hash', o.request_hash, 'state', o.state, 'result', o.result, 'error', o.error,
          'result_hash', o.result_hash, 'origin', o.origin, 'effects', o.effects)
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_outbox(p_origin text, p_after jsonb, p_limit integer)
      RETURNS TABLE (n integer, ops json, last jsonb)
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        WITH batch AS (
          SELECT o AS op, o.xid, o.seq, o.op_id, o.at FROM ops o
           WHERE o.origin = p_origin
             AND (o.xid, o.seq) > ((p_after->>'xid')::xid8, (p_after->>'seq')::bigint)
             AND o.xid < pg_snapshot_xmin(pg_current_snapshot())
           ORDER BY o.xid, o.seq
           LIMIT p_limit)
        SELECT count(*)::integer,
               coalesce(json_agg(karma_op_json(b.op) ORDER BY b.xid, b.seq), '[]'),
               (array_agg(jsonb_build_object('xid', b.xid::text, 'seq', b.seq::text, 'opId', b.op_id, 'at', b.at)
                          ORDER BY b.xid DESC, b.seq DESC))[1]
        FROM batch b
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_replication_pending(p_origin text, p_after jsonb) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object(
          'ops', count(*),
          'seconds', coalesce(extract(epoch FROM now() - min(applied_at)), 0))
        FROM ops
        WHERE origin = p_origin AND (xid, seq) > ((p_after->>'xid')::xid8, (p_after->>'seq')::bigint)
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_op_location(p_op_id uuid) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object('xid', xid::text, 'seq', seq::text, 'origin', origin)
          FROM ops WHERE op_id = p_op_id
      $$`);

    // The newest op this store decided: what a catch-up must reach.
    await runner.query(`
      CREATE FUNCTION karma_outbox_head(p_origin text) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT jsonb_build_object('xid', xid::text, 'seq', seq::text, 'opId', op_id, 'at', at)
          FROM ops WHERE origin = p_origin ORDER BY xid DESC, seq DESC LIMIT 1
      $$`);

    // Reconciliation, one page at a time: what this store holds since a time (its own clock).
    await runner.query(`
      CREATE FUNCTION karma_op_digest(p_since timestamptz, p_after_seq bigint, p_limit integer) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        WITH page AS (
          SELECT op_id, result_hash, origin, seq FROM ops
           WHERE (p_since IS NULL OR applied_at >= p_since) AND seq > p_after_seq
           ORDER BY seq LIMIT p_limit)
        SELECT jsonb_build_object(
          'ops', coalesce(jsonb_agg(jsonb_build_object('id', op_id, 'h', result_hash, 'o', origin) ORDER BY seq), '[]'),
          'lastSeq', coalesce(max(seq), p_after_seq)::text,
          'n', count(*),
          'now', now())
        FROM page
      $$`);

    // The ids of a source's digest that this store lacks, or holds with another decision or origin.
    await runner.query(`
      CREATE FUNCTION karma_ops_lacking(p_digest jsonb) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp SET jit = off AS $$
        SELECT coalesce(jsonb_agg(d->>'id'), '[]')
          FROM jsonb_array_elements(p_digest) d
          LEFT JOIN ops o ON o.op_id = (d->>'id')::uuid
         WHERE o.op_id IS NULL OR o.result_hash IS DISTINCT FROM d->>'h' OR o.origin <> d->>'o'
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_read_ops(p_ids uuid[]) RETURNS json
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT coalesce(json_agg(karma_op_json(o) ORDER BY o.seq), '[]')
          FROM ops o WHERE o.op_id = ANY (p_ids)
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_deferred_ops(p_source text) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT coalesce(jsonb_agg(DISTINCT op_id), '[]') FROM conflicts
         WHERE source = p_source AND reason = 'cannot_apply' AND NOT resolved
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_mark_reconciled(p_source text, p_through timestamptz) RETURNS void
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        INSERT INTO replication_state (source, reconciled_through) VALUES (p_source, p_through)
        ON CONFLICT (source) DO UPDATE
          SET reconciled_through = GREATEST(replication_state.reconciled_through, EXCLUDED.reconciled_through)
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_take_conflicts() RETURNS jsonb
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        WITH taken AS (
          UPDATE conflicts SET reported_at = now() WHERE reported_at IS NULL
          RETURNING id, op_id, source, reason, relation, row_key, source_version, target_version,
                    resolution, detail, attempts, detected_at, resolved)
        SELECT coalesce(jsonb_agg(to_jsonb(taken) ORDER BY id), '[]') FROM taken
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_negative_balances() RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
        SELECT coalesce(jsonb_agg(jsonb_build_object('customerId', customer_id, 'bucket', bucket, 'points', points)), '[]')
          FROM (SELECT customer_id, bucket, sum(points) AS points FROM loyalty_ledger
                 GROUP BY customer_id, bucket HAVING sum(points) < 0) b
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_is_newer(p_row jsonb, p_than jsonb) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT (coalesce((p_row->>'last_op_at')::timestamptz, '-infinity'),
                coalesce((p_row->>'last_op_id')::uuid, '00000000-0000-0000-0000-000000000000'))
             > (coalesce((p_than->>'last_op_at')::timestamptz, '-infinity'),
                coalesce((p_than->>'last_op_id')::uuid, '00000000-0000-0000-0000-000000000000'))
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_row_key(p_table text, p_row jsonb) RETURNS jsonb
      LANGUAGE sql STABLE AS $$
        SELECT jsonb_build_object('t', p_table) || coalesce(jsonb_object_agg(k, p_row->k), '{}')
          FROM public.replicated_tables r, unnest(r.key_columns) k WHERE r.table_name = p_table
      $$`);

    await runner.query(`
      CREATE FUNCTION karma_record_conflict(
        p_op_id uuid, p_source text, p_reason text, p_relation text, p_row_key jsonb,
        p_source_version jsonb, p_target_version jsonb, p_resolution text, p_detail text)
      RETURNS jsonb LANGUAGE sql SET search_path = public, pg_temp AS $$
        -- The same conflict seen again (a retried batch, a deferred op retried) counts an attempt;
        -- only a new one is returned, so the alert is raised once.
        INSERT INTO conflicts AS c (op_id, source, reason, relation, row_key, source_version, target_version, resolution, detail)
        VALUES (p_op_id, p_source, p_reason, p_relation, p_row_key, p_source_version, p_target_version, p_resolution, p_detail)
        ON CONFLICT (op_id, source, reason, relation, row_key) DO UPDATE
          SET attempts = c.attempts + 1, last_seen_at = now(), detail = EXCLUDED.detail,
              target_version = EXCLUDED.target_version, resolution = EXCLUDED.resolution
        RETURNING CASE WHEN xmax = 0 THEN jsonb_build_object(
          'id', id, 'opId', op_id, 'source', source, 'reason', reason, 'relation', relation, 'rowKey', row_key,
          'sourceVersion', source_version, 'targetVersion', target_version, 'resolution', resolution,
          'detail', detail, 'detectedAt', detected_at) END
      $$`);

    // The fast path of karma_apply_ops: the whole batch in a few set-based statements, when it
    // is the usual case (every op new to this store, no deletes, every changed row still at
    // the version the batch's first change to it started from). Anything else (an op already
    // here, a conflict, a constraint error) raises 'KR001' or the error itself, which rolls the
    // attempt back, and the batch goes op by op. Returns how many ops it copied.
    await runner.query(`
      CREATE FUNCTION karma_copy_batch(p_ops jsonb) RETURNS integer
      LANGUAGE plpgsql SET search_path = public, pg_temp SET jit = off AS $$
      DECLARE
        v_is_eligible boolean;
        v_by_table jsonb;
        v_table record;
        v_rows jsonb;
        v_count integer;
      BEGIN
        -- Each row the batch touches, once: its first change (kind, and the version it started
        -- from), how many inserts, and its last image (the row as the source holds it after the
        -- batch); then, per table, the rows to insert and the rows to update.
        WITH effects AS MATERIALIZED (
          SELECT x.e->>'t' AS t, x.e->>'k' AS k, x.e->'row' AS row, o.n * 100000 + x.n AS n,
                 (SELECT jsonb_object_agg(key, x.e->'row'->key) FROM unnest(r.key_columns) key) AS key
            FROM jsonb_array_elements(p_ops) WITH ORDINALITY AS o(op, n),
                 jsonb_array_elements(o.op->'effects') WITH ORDINALITY AS x(e, n)
            LEFT JOIN replicated_tables r ON r.table_name = x.e->>'t'),
        touched AS (
          SELECT t, key, min(n) AS first_n, max(n) AS last_n,
                 count(*) FILTER (WHERE k = 'I') AS inserts, count(*) FILTER (WHERE k NOT IN ('I', 'U')) AS others
            FROM effects GROUP BY t, key),
        rows_of AS (
          SELECT touched.*, first.k AS first_kind, first.row->>'prev_op_id' AS expect, last.row AS last_row
            FROM touched JOIN effects first ON first.n = touched.first_n JOIN effects last ON last.n = touched.last_n),
        per_table AS (
          SELECT t,
                 bool_and(others = 0 AND key IS NOT NULL AND inserts <= 1 AND (inserts = 0 OR first_kind = 'I')) AS ok,
                 coalesce(jsonb_agg(last_row) FILTER (WHERE first_kind = 'I'), '[]') AS inserts,
                 coalesce(jsonb_agg(jsonb_build_object('row', last_row, 'expect', expect)) FILTER (WHERE first_kind = 'U'), '[]') AS updates
            FROM rows_of GROUP BY t)
        SELECT coalesce(bool_and(ok), true), coalesce(jsonb_object_agg(t, jsonb_build_object('insert', inserts, 'update', updates)), '{}')
          INTO v_is_eligible, v_by_table FROM per_table;
        IF NOT v_is_eligible THEN
          RETURN NULL;
        END IF;

        INSERT INTO ops (op_id, type, payload, actor, platform, at, request_hash, state, result, error,
                         result_hash, origin, effects)
        SELECT r.op_id, r.type, r.payload, r.actor, r.platform, r.at, r.request_hash, r.state, r.result,
               r.error, r.result_hash, r.origin, r.effects
          FROM jsonb_array_elements(p_ops) o, jsonb_populate_record(NULL::ops, o.value) r
        ON CONFLICT (op_id) DO NOTHING;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        IF v_count <> jsonb_array_length(p_ops) THEN
          RAISE EXCEPTION 'ops already present' USING ERRCODE = 'KR001';
        END IF;

        -- Inserts parents first (copy_rank), then updates: an update may point at a new row.
        FOR v_table IN SELECT table_name FROM replicated_tables ORDER BY copy_rank, table_name LOOP
          v_rows := v_by_table->v_table.table_name->'insert';
          IF jsonb_array_length(coalesce(v_rows, '[]')) > 0
             AND karma_copy_rows(v_table.table_name, 'insert', v_rows) <> jsonb_array_length(v_rows) THEN
            RAISE EXCEPTION 'rows already present in %', v_table.table_name USING ERRCODE = 'KR001';
          END IF;
        END LOOP;
        FOR v_table IN SELECT table_name FROM replicated_tables ORDER BY copy_rank, table_name LOOP
          v_rows := v_by_table->v_table.table_name->'update';
          IF jsonb_array_length(coalesce(v_rows, '[]')) > 0
             AND karma_copy_rows(v_table.table_name, 'update', v_rows) <> jsonb_array_length(v_rows) THEN
            RAISE EXCEPTION 'rows changed concurrently in %', v_table.table_name USING ERRCODE = 'KR001';
          END IF;
        END LOOP;
        RETURN jsonb_array_length(p_ops);
      END $$`);

    await runner.query(`
      CREATE FUNCTION karma_apply_ops(p_source text, p_ops jsonb, p_from jsonb DEFAULT NULL, p_to jsonb DEFAULT NULL)
      RETURNS jsonb LANGUAGE plpgsql SET search_path = public, pg_temp SET jit = off AS $$
      DECLARE
        v_state replication_state%ROWTYPE;
        v_op jsonb;
        v_op_id uuid;
        v_have ops%ROWTYPE;
        v_rows integer;
        v_work jsonb;
        v_force boolean;
        v_effect jsonb;
        v_table text;
        v_kind text;
        v_row jsonb;
        v_current jsonb;
        v_found jsonb;
        v_op_conflicts jsonb;
        v_conflicts jsonb := '[]';
        v_copied uuid[] := '{}';
        v_present integer := 0;
        v_converged integer := 0;
        v_deferred integer := 0;
        v_source_wins boolean;
        v_winner_keys jsonb;
        v_code text;
        v_message text;
        v_fast integer;
      BEGIN
        IF p_source NOT IN ('primary', 'backup') THEN
          RAISE EXCEPTION 'unknown source store %', p_source;
        END IF;
        -- Copies are not ops of this store: nothing they write is stamped or recorded again.
        PERFORM set_config('karma.op_id', '', true);

        IF p_to IS NOT NULL THEN
          INSERT INTO replication_state (source) VALUES (p_source) ON CONFLICT (source) DO NOTHING;
          SELECT * INTO v_state FROM replication_state WHERE source = p_source FOR UPDATE;
          IF v_state.last_xid <> (p_from->>'xid')::xid8 OR v_state.last_seq <> (p_from->>'seq')::bigint THEN
            RETURN jsonb_build_object('stale', true, 'position', karma_position_of(v_state));
          END IF;
        END IF;

        BEGIN
          v_fast := karma_copy_batch(p_ops);
        EXCEPTION WHEN integrity_constraint_violation OR data_exception OR raise_exception OR SQLSTATE 'KR001' THEN
          v_fast := NULL; -- rolled back: the batch goes op by op
        END;
        IF v_fast IS NOT NULL THEN
          SELECT coalesce(array_agg((o->>'op_id')::uuid), '{}') INTO v_copied FROM jsonb_array_elements(p_ops) o;
        END IF;

        FOR v_op IN SELECT value FROM jsonb_array_elements(CASE WHEN v_fast IS NULL THEN p_ops ELSE '[]' END) LOOP
          v_op_id := (v_op->>'op_id')::uuid;
          v_op_conflicts := '[]';
          BEGIN
            INSERT INTO ops (op_id, type, payload, actor, platform, at, request_hash, state, result, error,
                             result_hash, origin, effects)
            SELECT r.op_id, r.type, r.payload, r.actor, r.platform, r.at, r.request_hash, r.state, r.result,
                   r.error, r.result_hash, r.origin, r.effects
              FROM jsonb_populate_record(NULL::ops, v_op) r
            ON CONFLICT (op_id) DO NOTHING;
            GET DIAGNOSTICS v_rows = ROW_COUNT;

            v_work := NULL;
            IF v_rows = 1 THEN
              v_work := v_op->'effects';
              v_force := false;
            ELSE
              SELECT * INTO v_have FROM ops WHERE op_id = v_op_id FOR UPDATE;
              IF (v_have.result_hash, v_have.origin, v_have.effects)
                 IS NOT DISTINCT FROM (v_op->>'result_hash', v_op->>'origin', v_op->'effects') THEN
                v_present := v_present + 1;
              ELSE
                -- Decided on both stores. One fixed rule, whichever way the copy goes: the
                -- primary's decision wins, then the smaller result hash.
                v_source_wins :=
                  (v_op->>'origin' <> 'primary', coalesce(v_op->>'result_hash', ''), (v_op->'effects')::text)
                  < (v_have.origin <> 'primary', coalesce(v_have.result_hash, ''), v_have.effects::text);
                IF v_have.result_hash IS DISTINCT FROM v_op->>'result_hash' THEN
                  v_found := karma_record_conflict(
                    v_op_id, p_source, 'decided_differently', NULL, NULL,
                    jsonb_build_object('origin', v_op->'origin', 'state', v_op->'state', 'result', v_op->'result',
                                       'error', v_op->'error', 'resultHash', v_op->'result_hash'),
                    jsonb_build_object('origin', v_have.origin, 'state', v_have.state, 'result', v_have.result,
                                       'error', v_have.error, 'resultHash', v_have.result_hash),
                    CASE WHEN v_source_wins THEN 'took_source' ELSE 'kept_target' END,
                    'the op was decided on both stores with different results');
                  IF v_found IS NOT NULL THEN
                    v_op_conflicts := v_op_conflicts || v_found;
                  END IF;
                END IF;
                IF v_source_wins THEN
                  PERFORM set_config('karma.converging', 'on', true);
                  UPDATE ops SET state = r.state, result = r.result, error = r.error, result_hash = r.result_hash,
                                 origin = r.origin, effects = r.effects
                    FROM jsonb_populate_record(NULL::ops, v_op) r WHERE ops.op_id = v_op_id;
                  -- The winner's rows, then (newest first) the rows only the losing decision wrote.
                  SELECT coalesce(jsonb_agg(karma_row_key(e->>'t', e->'row')), '[]') INTO v_winner_keys
                    FROM jsonb_array_elements(v_op->'effects') e;
                  SELECT v_op->'effects' || coalesce(jsonb_agg(
                           jsonb_build_object('t', e->>'t', 'k', 'X', 'row', e->'row') ORDER BY n DESC), '[]')
                    INTO v_work
                    FROM jsonb_array_elements(v_have.effects) WITH ORDINALITY AS x(e, n)
                   WHERE e->>'k' <> 'D' AND NOT v_winner_keys @> jsonb_build_array(karma_row_key(e->>'t', e->'row'));
                  v_force := true;
                  v_converged := v_converged + 1;
                ELSE
                  v_present := v_present + 1;
                END IF;
              END IF;
            END IF;

            IF v_work IS NOT NULL THEN
              FOR v_effect IN SELECT value FROM jsonb_array_elements(v_work) LOOP
                v_table := v_effect->>'t';
                v_kind := v_effect->>'k';
                v_row := v_effect->'row';

                IF v_kind = 'I' THEN
                  CONTINUE WHEN karma_copy_row(v_table, 'insert', v_row) = 'true';
                END IF;
                v_current := karma_copy_row(v_table, 'lock', v_row);

                IF v_kind = 'X' THEN
                  -- Written only by the losing decision, and nothing wrote it since.
                  IF v_current->>'last_op_id' = v_op_id::text THEN
                    PERFORM karma_copy_row(v_table, 'delete', v_row);
                  END IF;
                  CONTINUE;
                END IF;

                IF v_kind = 'D' THEN
                  CONTINUE WHEN v_current IS NULL;
                  IF v_current->>'last_op_id' IS NOT DISTINCT FROM v_row->>'last_op_id'
                     OR karma_is_newer(jsonb_build_object('last_op_at', v_op->'at', 'last_op_id', v_op_id), v_current) THEN
                    PERFORM karma_copy_row(v_table, 'delete', v_row);
                  ELSE
                    v_found := karma_record_conflict(
                      v_op_id, p_source, 'concurrent_update', v_table, karma_row_key(v_table, v_row),
                      NULL, v_current, 'kept_target', 'a newer write on this store outranks the copied delete');
                    IF v_found IS NOT NULL THEN
                      v_op_conflicts := v_op_conflicts || v_found;
                    END IF;
                  END IF;
                  CONTINUE;
                END IF;

                IF v_current IS NULL THEN
                  PERFORM karma_copy_row(v_table, 'insert', v_row);
                ELSIF v_current->>'last_op_id' = v_op_id::text THEN
                  -- An earlier image written by this same op: the later one replaces it.
                  PERFORM karma_copy_row(v_table, CASE WHEN v_force THEN 'overwrite' ELSE 'update' END, v_row);
                ELSIF v_current->>'last_op_id' IS NOT DISTINCT FROM v_row->>'prev_op_id' THEN
                  PERFORM karma_copy_row(v_table, 'update', v_row); -- the target holds the version the op started from
                ELSE
                  -- Both stores changed this row from a common version: last writer wins.
                  IF karma_is_newer(v_row, v_current) THEN
                    PERFORM karma_copy_row(v_table, 'update', v_row);
                  END IF;
                  v_found := karma_record_conflict(
                    v_op_id, p_source, 'concurrent_update', v_table, karma_row_key(v_table, v_row),
                    v_row, v_current,
                    CASE WHEN karma_is_newer(v_row, v_current) THEN 'took_source' ELSE 'kept_target' END,
                    'both stores changed the row since version ' || coalesce(v_row->>'prev_op_id', '(none)'));
                  IF v_found IS NOT NULL THEN
                    v_op_conflicts := v_op_conflicts || v_found;
                  END IF;
                END IF;
              END LOOP;
              PERFORM set_config('karma.converging', '', true);
              IF NOT v_force THEN
                v_copied := v_copied || v_op_id;
              END IF;
            END IF;
            v_conflicts := v_conflicts || v_op_conflicts;
          EXCEPTION
            WHEN integrity_constraint_violation OR data_exception OR raise_exception THEN
              GET STACKED DIAGNOSTICS v_code = RETURNED_SQLSTATE, v_message = MESSAGE_TEXT;
              v_deferred := v_deferred + 1;
              v_found := karma_record_conflict(
                v_op_id, p_source, 'cannot_apply', NULL, NULL,
                jsonb_build_object('origin', v_op->'origin', 'type', v_op->'type', 'state', v_op->'state',
                                   'result', v_op->'result', 'error', v_op->'error', 'resultHash', v_op->'result_hash'),
                NULL, 'deferred', v_code || ': ' || v_message);
              IF v_found IS NOT NULL THEN
                v_conflicts := v_conflicts || v_found;
              END IF;
          END;
        END LOOP;

        IF array_length(v_copied, 1) > 0 THEN
          UPDATE conflicts SET resolved = true, resolution = 'applied_later', last_seen_at = now()
           WHERE reason = 'cannot_apply' AND NOT resolved AND source = p_source AND op_id = ANY (v_copied);
        END IF;
        IF p_to IS NOT NULL THEN
          UPDATE replication_state
             SET last_xid = (p_to->>'xid')::xid8, last_seq = (p_to->>'seq')::bigint,
                 last_op_id = (p_to->>'opId')::uuid, last_op_at = (p_to->>'at')::timestamptz,
                 copied_total = copied_total + coalesce(array_length(v_copied, 1), 0), updated_at = now()
           WHERE source = p_source
          RETURNING * INTO v_state;
        END IF;
        RETURN jsonb_build_object(
          'stale', false,
          'copied', coalesce(array_length(v_copied, 1), 0),
          'present', v_present,
          'converged', v_converged,
          'deferred', v_deferred,
          'conflicts', v_conflicts,
          'position', CASE WHEN p_to IS NOT NULL THEN karma_position_of(v_state) END);
      END $$`);

    // The one-argument shape for a PostgREST rpc() call: {source, ops, from, to} in one JSON body.
    await runner.query(`
      CREATE FUNCTION karma_apply_ops(p_batch jsonb) RETURNS jsonb
      LANGUAGE sql SET search_path = public, pg_temp AS $$
        SELECT karma_apply_ops(p_batch->>'source', p_batch->'ops', p_batch->'from', p_batch->'to')
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const fn of [
      'karma_apply_ops(jsonb)',
      'karma_apply_ops(text, jsonb, jsonb, jsonb)',
      'karma_copy_batch(jsonb)',
      'karma_record_conflict(uuid, text, text, text, jsonb, jsonb, jsonb, text, text)',
      'karma_row_key(text, jsonb)',
      'karma_is_newer(jsonb, jsonb)',
      'karma_negative_balances()',
      'karma_take_conflicts()',
      'karma_mark_reconciled(text, timestamptz)',
      'karma_deferred_ops(text)',
      'karma_read_ops(uuid[])',
      'karma_ops_lacking(jsonb)',
      'karma_op_digest(timestamptz, bigint, integer)',
      'karma_op_location(uuid)',
      'karma_replication_pending(text, jsonb)',
      'karma_outbox(text, jsonb, integer)',
      'karma_outbox_head(text)',
      'karma_op_json(ops)',
      'karma_replication_position(text)',
      'karma_position_of(replication_state)',
    ]) {
      await runner.query(`DROP FUNCTION ${fn}`);
    }
    await runner.query(`DROP TABLE conflicts`);
    await runner.query(`DROP TABLE replication_state`);
  }
}
