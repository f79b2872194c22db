-- Settles a batch of requests in one round trip and one transaction (docs/schema.md, "Settlement").
--
-- Inserts each request's usage event unless its request id is already there (replays change nothing), writes
-- one debit per new event that costs something, and lowers each touched account's balance once for the whole
-- batch (no per-request UPDATE of a hot row). Accounts are locked in id order first, so concurrent ledgers
-- cannot deadlock. Returns, per account with new events, the new balance and version and the new request ids.
CREATE FUNCTION tm_settle_batch(
    p_request_ids text[], p_account_ids bigint[], p_key_ids bigint[],
    p_models text[], p_providers text[], p_endpoints text[],
    p_input bigint[], p_output bigint[], p_cached bigint[], p_cache_write bigint[], p_reasoning bigint[],
    p_cost bigint[], p_reserved bigint[],
    p_price_versions text[], p_input_price bigint[], p_output_price bigint[], p_cached_price bigint[], p_cache_write_price bigint[],
    p_sources text[], p_outcomes text[], p_statuses integer[],
    p_started_ms bigint[], p_latency_ms integer[], p_first_byte_ms integer[]
) RETURNS TABLE (account_id bigint, balance_nano bigint, balance_version bigint, new_request_ids text[])
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM accounts a WHERE a.id = ANY (p_account_ids) ORDER BY a.id FOR UPDATE;

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
        RETURNING usage_events.request_id, usage_events.account_id, usage_events.cost_nano
    ),
    debits AS (
        INSERT INTO credit_transactions (account_id, kind, amount_nano, request_id)
        SELECT n.account_id, 'usage', -n.cost_nano, n.request_id FROM inserted n WHERE n.cost_nano > 0
    ),
    totals AS (
        SELECT n.account_id, sum(n.cost_nano)::bigint AS total, array_agg(n.request_id) AS ids
        FROM inserted n GROUP BY n.account_id
    ),
    updated AS (
        UPDATE accounts a
        SET balance_nano = a.balance_nano - t.total, balance_version = a.balance_version + 1
        FROM totals t WHERE a.id = t.account_id
        RETURNING a.id, a.balance_nano, a.balance_version
    )
    SELECT u.id, u.balance_nano, u.balance_version, t.ids FROM updated u JOIN totals t ON t.account_id = u.id;
END
$$;
