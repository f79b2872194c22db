-- Settlement without per-row foreign-key triggers (docs/performance.md, docs/schema.md).
--
-- The foreign keys of usage_events (account, key) and credit_transactions (account) ran three referential
-- checks per settled request, each a separate index lookup with a row lock: about a third of PostgreSQL's CPU
-- per settlement (measured with tokmodel-bench-ledger, batch 1000: 38 -> 24 us of PostgreSQL CPU per
-- settlement, 16.6k -> 22.6k settlements/s). What they guaranteed is kept another way:
-- * tm_settle_batch checks every (account, key) pair of a batch at once, and more strictly (the key must
--   belong to the account), failing with the same SQLSTATE 23503;
-- * accounts and keys are never deleted (keys are revoked, accounts kept for their history): a trigger refuses
--   DELETE and a change of a key's account, so no event or transaction can lose its account or key;
-- * `tokmodel-admin audit` checks that every usage event and debit names an existing account and key.
-- Other writers (top-ups, adjustments) name accounts the admin CLI has just looked up under lock.

ALTER TABLE usage_events DROP CONSTRAINT usage_events_account_id_fkey, DROP CONSTRAINT usage_events_key_id_fkey;
ALTER TABLE credit_transactions DROP CONSTRAINT credit_transactions_account_id_fkey;

CREATE FUNCTION tm_refuse_orphaning() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '% rows are never deleted (usage and credit history refer to them)', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF TG_TABLE_NAME = 'api_keys' THEN
        IF NEW.account_id <> OLD.account_id THEN
            RAISE EXCEPTION 'a key cannot move to another account' USING ERRCODE = 'foreign_key_violation';
        END IF;
    END IF;
    IF NEW.id <> OLD.id THEN
        RAISE EXCEPTION '% ids never change', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER accounts_never_orphan BEFORE DELETE OR UPDATE OF id ON accounts
    FOR EACH ROW EXECUTE FUNCTION tm_refuse_orphaning();
CREATE TRIGGER api_keys_never_orphan BEFORE DELETE OR UPDATE OF id, account_id ON api_keys
    FOR EACH ROW EXECUTE FUNCTION tm_refuse_orphaning();

-- As in 0003, plus the batch-wide check of accounts and keys above.
CREATE OR REPLACE FUNCTION tm_settle_batch(
    p_request_ids text[], p_account_ids bigint[], p_key_ids bigint[],
    p_models text[], p_providers text[], p_endpoints text[],
    p_input bigint[], p_output bigint[], p_cached bigint[], p_cache_write bigint[], p_reasoning bigint[],
    p_cost bigint[], p_reserved bigint[],
    p_price_versions text[], p_input_price bigint[], p_output_price bigint[], p_cached_price bigint[], p_cache_write_price bigint[],
    p_sources text[], p_outcomes text[], p_statuses integer[],
    p_started_ms bigint[], p_latency_ms integer[], p_first_byte_ms integer[]
) RETURNS TABLE (kind text, id bigint, a bigint, b bigint, c bigint, d bigint, labels text[])
LANGUAGE plpgsql AS $$
DECLARE
    today text := 'd:' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD');
    this_month text := 'm:' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMM');
    bad_account bigint;
    bad_key bigint;
BEGIN
    PERFORM 1 FROM accounts x WHERE x.id = ANY (p_account_ids) ORDER BY x.id FOR UPDATE;

    -- What the dropped foreign keys checked row by row, once per batch and stricter: every (account, key) pair
    -- exists and the key belongs to the account. SQLSTATE 23503 (foreign_key_violation), as before, so the
    -- ledger isolates and rejects the culprit and commits the rest.
    SELECT pair.pair_account, pair.pair_key INTO bad_account, bad_key
    FROM (SELECT DISTINCT u.pair_account, u.pair_key FROM unnest(p_account_ids, p_key_ids) AS u(pair_account, pair_key)) pair
    LEFT JOIN api_keys ak ON ak.id = pair.pair_key AND ak.account_id = pair.pair_account
    WHERE ak.id IS NULL
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'settlement for account % and key %: no such key of that account', bad_account, bad_key
            USING ERRCODE = 'foreign_key_violation';
    END IF;

    RETURN QUERY
    WITH input AS (
        SELECT * FROM unnest(
            p_request_ids, p_account_ids, p_key_ids, p_models, p_providers, p_endpoints,
            p_input, p_output, p_cached, p_cache_write, p_reasoning, p_cost, p_reserved,
            p_price_versions, p_input_price, p_output_price, p_cached_price, p_cache_write_price,
            p_sources, p_outcomes, p_statuses, p_started_ms, p_latency_ms, p_first_byte_ms
        ) AS t(request_id, account_id, key_id, model, provider, endpoint,
               input_tokens, output_tokens, cached_tokens, cache_write_tokens, reasoning_tokens, cost, reserved,
               price_version, input_price, output_price, cached_price, cache_write_price,
               source, outcome, status, started_ms, latency_ms, first_byte_ms)
    ),
    inserted AS (
        INSERT INTO usage_events (
            request_id, account_id, key_id, model, provider, endpoint,
            input_tokens, output_tokens, cached_input_tokens, cache_write_input_tokens, reasoning_tokens,
            cost_nano, reserved_nano, price_version, input_price, output_price, cached_input_price, cache_write_price,
            usage_source, outcome, http_status, started_at, latency_ms, first_byte_ms)
        SELECT i.request_id, i.account_id, i.key_id, i.model, i.provider, i.endpoint,
               i.input_tokens, i.output_tokens, i.cached_tokens, i.cache_write_tokens, i.reasoning_tokens,
               i.cost, i.reserved, i.price_version, i.input_price, i.output_price, i.cached_price, i.cache_write_price,
               i.source, i.outcome, i.status, to_timestamp(i.started_ms / 1000.0), i.latency_ms, i.first_byte_ms
        FROM input i
        ON CONFLICT (request_id) DO NOTHING
        RETURNING usage_events.request_id AS rid, usage_events.account_id AS aid, usage_events.key_id AS kid,
                  usage_events.cost_nano AS cost, usage_events.started_at AS started
    ),
    debits AS (
        INSERT INTO credit_transactions (account_id, kind, amount_nano, request_id)
        SELECT n.aid, 'usage', -n.cost, n.rid FROM inserted n WHERE n.cost > 0
    ),
    account_totals AS (
        SELECT n.aid, sum(n.cost)::bigint AS total, array_agg(n.rid) AS ids FROM inserted n GROUP BY n.aid
    ),
    updated AS (
        UPDATE accounts x SET balance_nano = x.balance_nano - t.total, balance_version = x.balance_version + 1
        FROM account_totals t WHERE x.id = t.aid AND t.total <> 0
        RETURNING x.id AS aid, x.balance_nano AS balance, x.balance_version AS version
    ),
    spend_rows AS (
        SELECT n.kid, p.period, sum(n.cost)::bigint AS amount
        FROM inserted n
        CROSS JOIN LATERAL (VALUES ('total'),
                                   ('d:' || to_char(n.started AT TIME ZONE 'UTC', 'YYYYMMDD')),
                                   ('m:' || to_char(n.started AT TIME ZONE 'UTC', 'YYYYMM'))) AS p(period)
        WHERE n.cost > 0
        GROUP BY n.kid, p.period
    ),
    spend AS (
        INSERT INTO key_spend (key_id, period, spent_nano) SELECT r.kid, r.period, r.amount FROM spend_rows r
        ON CONFLICT (key_id, period) DO UPDATE SET spent_nano = key_spend.spent_nano + excluded.spent_nano
        RETURNING key_spend.key_id AS kid, key_spend.period AS period, key_spend.spent_nano AS spent
    ),
    key_versions AS (
        UPDATE api_keys k SET spend_version = k.spend_version + 1
        WHERE k.id IN (SELECT r.kid FROM spend_rows r)
        RETURNING k.id AS kid, k.spend_version AS version
    )
    SELECT 'account'::text, x.id, coalesce(u.balance, x.balance_nano), coalesce(u.version, x.balance_version),
           0::bigint, 0::bigint, coalesce(t.ids, '{}'::text[])
    FROM accounts x
    LEFT JOIN updated u ON u.aid = x.id
    LEFT JOIN account_totals t ON t.aid = x.id
    WHERE x.id = ANY (p_account_ids)
    UNION ALL
    SELECT 'key'::text, v.kid,
           coalesce((SELECT s.spent FROM spend s WHERE s.kid = v.kid AND s.period = 'total'), 0),
           coalesce((SELECT s.spent FROM spend s WHERE s.kid = v.kid AND s.period = today),
                    (SELECT ks.spent_nano FROM key_spend ks WHERE ks.key_id = v.kid AND ks.period = today), 0),
           coalesce((SELECT s.spent FROM spend s WHERE s.kid = v.kid AND s.period = this_month),
                    (SELECT ks.spent_nano FROM key_spend ks WHERE ks.key_id = v.kid AND ks.period = this_month), 0),
           v.version,
           ARRAY[substr(today, 3), substr(this_month, 3)]
    FROM key_versions v;
END
$$;
