-- TokModel ledger schema (docs/schema.md).
-- Money is bigint nano-dollars (1e-9 USD) everywhere. An account's balance is the sum of its credit
-- transactions; `tokmodel-admin audit` checks that invariant.

CREATE TABLE accounts (
    id              bigserial PRIMARY KEY,
    name            text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    balance_nano    bigint NOT NULL DEFAULT 0,
    -- Incremented with every balance change; Redis keeps the balance with its version so that an older
    -- value can never overwrite a newer one.
    balance_version bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
    id             bigserial PRIMARY KEY,
    account_id     bigint NOT NULL REFERENCES accounts (id),
    name           text NOT NULL DEFAULT '' CHECK (length(name) <= 128),
    -- SHA-256 of the whole key, lowercase hex. The key itself is never stored.
    key_hash       text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
    display_prefix text NOT NULL,
    rpm            bigint NOT NULL DEFAULT 0 CHECK (rpm >= 0),
    tpm            bigint NOT NULL DEFAULT 0 CHECK (tpm >= 0),
    allowed_models text[] NOT NULL DEFAULT '{}',
    expires_at     timestamptz,
    revoked_at     timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_keys_account ON api_keys (account_id);

-- Append-only: top-ups (positive), usage debits (negative), adjustments (either sign).
CREATE TABLE credit_transactions (
    id          bigserial PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id),
    kind        text NOT NULL CHECK (kind IN ('topup', 'usage', 'adjustment')),
    amount_nano bigint NOT NULL,
    reference   text CHECK (length(reference) <= 200),
    request_id  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'usage') = (request_id IS NOT NULL)),
    CHECK (kind <> 'topup' OR amount_nano > 0),
    CHECK (kind <> 'usage' OR amount_nano < 0)
);
-- A top-up reference is applied once per account: retrying `credits topup --reference X` is harmless.
CREATE UNIQUE INDEX credit_transactions_topup_reference
    ON credit_transactions (account_id, reference) WHERE kind = 'topup' AND reference IS NOT NULL;
-- At most one debit per request.
CREATE UNIQUE INDEX credit_transactions_usage_request ON credit_transactions (request_id) WHERE kind = 'usage';
CREATE INDEX credit_transactions_account ON credit_transactions (account_id, created_at);

-- One row per request id: the idempotency key of billing.
CREATE TABLE usage_events (
    request_id               text PRIMARY KEY,
    account_id               bigint NOT NULL REFERENCES accounts (id),
    key_id                   bigint NOT NULL REFERENCES api_keys (id),
    model                    text NOT NULL,
    provider                 text NOT NULL,
    endpoint                 text NOT NULL,
    input_tokens             bigint NOT NULL CHECK (input_tokens >= 0),
    output_tokens            bigint NOT NULL CHECK (output_tokens >= 0),
    cached_input_tokens      bigint NOT NULL CHECK (cached_input_tokens >= 0),
    cache_write_input_tokens bigint NOT NULL CHECK (cache_write_input_tokens >= 0),
    reasoning_tokens         bigint NOT NULL CHECK (reasoning_tokens >= 0),
    cost_nano                bigint NOT NULL CHECK (cost_nano >= 0),
    reserved_nano            bigint NOT NULL,
    -- The exact prices applied (nano-dollars per million tokens) and their short version id.
    price_version            text NOT NULL,
    input_price              bigint NOT NULL,
    output_price             bigint NOT NULL,
    cached_input_price       bigint NOT NULL,
    cache_write_price        bigint NOT NULL,
    usage_source             text NOT NULL CHECK (usage_source IN ('provider', 'drained', 'estimated', 'none')),
    outcome                  text NOT NULL,
    http_status              integer NOT NULL,
    started_at               timestamptz NOT NULL,
    latency_ms               integer NOT NULL,
    first_byte_ms            integer NOT NULL,
    recorded_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX usage_events_account_time ON usage_events (account_id, started_at);
