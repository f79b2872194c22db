-- Limits per account and per key, key spend per period, and a settlement function that reports every
-- account and key of a batch (docs/schema.md).

ALTER TABLE accounts
    ADD COLUMN rpm            bigint NOT NULL DEFAULT 0 CHECK (rpm >= 0),
    ADD COLUMN tpm            bigint NOT NULL DEFAULT 0 CHECK (tpm >= 0),
    ADD COLUMN max_concurrent bigint NOT NULL DEFAULT 0 CHECK (max_concurrent >= 0);

ALTER TABLE api_keys
    ADD COLUMN max_concurrent           bigint NOT NULL DEFAULT 0 CHECK (max_concurrent >= 0),
    ADD COLUMN spend_limit_nano         bigint NOT NULL DEFAULT 0 CHECK (spend_limit_nano >= 0),
    ADD COLUMN daily_spend_limit_nano   bigint NOT NULL DEFAULT 0 CHECK (daily_spend_limit_nano >= 0),
    ADD COLUMN monthly_spend_limit_nano bigint NOT NULL DEFAULT 0 CHECK (monthly_spend_limit_nano >= 0),
    -- Incremented with every change of the key's spend; Redis keeps the spend with its version.
    ADD COLUMN spend_version            bigint NOT NULL DEFAULT 0;

-- What a key has spent: period 'total', 'd:YYYYMMDD' or 'm:YYYYMM' (UTC, by the request's start).
CREATE TABLE key_spend (
    key_id     bigint NOT NULL REFERENCES api_keys (id),
    period     text NOT NULL,
    spent_nano bigint NOT NULL DEFAULT 0 CHECK (spent_nano >= 0),
    PRIMARY KEY (key_id, period)
);

DROP FUNCTION tm_settle_batch(
    text[], bigint[], bigint[], text[], text[], text[], bigint[], bigint[], bigint[], bigint[], bigint[], bigint[], bigint[],
    text[], bigint[], bigint[], bigint[], bigint[], text[], text[], integer[], bigint[], integer[], integer[]);

-- As before (one statement and one transaction per batch; replays change nothing), and also:
-- * key spend is added per key and period, once per batch;
-- * returns a row for EVERY account of the batch ('account': balance, version, new request ids), so that a
--   replayed settlement still refreshes Redis' balance, and a row per key with new spend ('key': total, today,
--   this month, version, [today id, month id]).
CREATE FUNCTION tm_settle_batch(
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
BEGIN
    PERFORM 1 FROM accounts x WHERE x.id = ANY (p_account_ids) ORDER BY x.id FOR UPDATE;

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
