"""End-to-end: the official `openai` SDK against a running edge, ledger, mock provider, PostgreSQL and Redis.

Every request that succeeds is accounted for in Python, independently of the gateway (token counts from the
SDK's responses or the mock's documented formula, cost from the catalog prices and the documented rounding
rule), and at the end the ledger's report and balance must match to the last nano-dollar.
"""
import openai
import pytest

from tokmodel import (BASE_URL, admin, cost_nanos, mock_prompt_tokens, new_account, new_key, wait_settled)


def client(key, **kwargs):
    # No automatic retries: the tests look at each status the gateway returns.
    return openai.OpenAI(base_url=BASE_URL, api_key=key, max_retries=0, **kwargs)


class Ledger:
    """What the test expects the ledger to have billed."""

    def __init__(self):
        self.requests = []  # (request_id, model, prompt_tokens, completion_tokens)

    def add(self, request_id, model, prompt, completion):
        self.requests.append((request_id, model, prompt, completion))

    @property
    def cost(self):
        return sum(cost_nanos(m, p, c) for _, m, p, c in self.requests)


def test_completion_stream_errors_and_exact_billing():
    account = new_account("1.00")
    key = new_key(account, rpm=100)["secret"]
    api = client(key)
    expected = Ledger()

    # A completion.
    messages = [{"role": "user", "content": "Explain transformers in two sentences."}]
    raw = api.chat.completions.with_raw_response.create(model="openai/gpt-4o", messages=messages)
    reply = raw.parse()
    assert reply.model == "openai/gpt-4o"
    assert reply.choices[0].message.content.startswith("This is a mock reply to: Explain transformers")
    assert reply.choices[0].finish_reason == "stop"
    assert reply.usage.prompt_tokens == mock_prompt_tokens(messages)
    assert raw.headers["x-request-id"].startswith("req_")
    expected.add(raw.headers["x-request-id"], "openai/gpt-4o", reply.usage.prompt_tokens, reply.usage.completion_tokens)

    # A stream that asks for usage: chunk by chunk, then the usage chunk.
    messages = [{"role": "user", "content": "Write a haiku about APIs."}]
    raw = api.chat.completions.with_raw_response.create(
        model="mock/cheap", messages=messages, stream=True, stream_options={"include_usage": True})
    chunks = list(raw.parse())
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text.startswith("This is a mock reply to: Write a haiku")
    assert all(c.model == "mock/cheap" for c in chunks)
    usage = chunks[-1].usage
    assert chunks[-1].choices == [] and usage is not None
    assert usage.prompt_tokens == mock_prompt_tokens(messages)
    expected.add(raw.headers["x-request-id"], "mock/cheap", usage.prompt_tokens, usage.completion_tokens)

    # A stream that does not ask: no usage chunk reaches the client, yet the gateway still bills real usage.
    messages = [{"role": "user", "content": "Count to five."}]
    raw = api.chat.completions.with_raw_response.create(model="mock/cheap", messages=messages, stream=True)
    chunks = list(raw.parse())
    assert chunks and all(c.choices for c in chunks)
    assert all(c.usage is None for c in chunks)
    words = sum(len((c.choices[0].delta.content or "").split()) for c in chunks)
    assert words == 12
    expected.add(raw.headers["x-request-id"], "mock/cheap", mock_prompt_tokens(messages), words)

    # A wrong key: 401 in OpenAI's shape.
    with pytest.raises(openai.AuthenticationError) as wrong:
        client("tm-" + "A" * 43).chat.completions.create(model="openai/gpt-4o", messages=messages)
    assert wrong.value.status_code == 401
    assert wrong.value.code == "invalid_api_key"

    # Unknown model: 404.
    with pytest.raises(openai.NotFoundError):
        api.chat.completions.create(model="nobody/nothing", messages=messages)

    wait_settled(account, [r[0] for r in expected.requests])

    # The ledger's report matches what the client saw, to the nano-dollar.
    report = admin("usage", "report", "--account", account, "--group-by", "model")
    total = report["total"]
    assert total["requests"] == len(expected.requests)
    assert total["input_tokens"] == sum(r[2] for r in expected.requests)
    assert total["output_tokens"] == sum(r[3] for r in expected.requests)
    assert total["cost_nano"] == expected.cost
    by_model = {row["group"]: row for row in report["rows"]}
    assert by_model["mock/cheap"]["requests"] == 2
    balance = admin("credits", "balance", "--account", account)
    assert balance["balance_nano"] == 1_000_000_000 - expected.cost
    for request_id, model, prompt, completion in expected.requests:
        shown = admin("usage", "show", request_id)
        assert (shown["model"], shown["input_tokens"], shown["output_tokens"]) == (model, prompt, completion)
        assert shown["cost_nano"] == cost_nanos(model, prompt, completion)
        assert shown["usage_source"] == "provider"


def test_revoked_key_is_refused_on_its_next_request():
    account = new_account("1.00")
    created = new_key(account)
    api = client(created["secret"])
    api.chat.completions.create(model="mock/echo", messages=[{"role": "user", "content": "hi"}])
    admin("keys", "revoke", str(created["id"]))
    with pytest.raises(openai.AuthenticationError) as refused:
        api.chat.completions.create(model="mock/echo", messages=[{"role": "user", "content": "hi"}])
    assert refused.value.code == "revoked_api_key"
    listed = {k["id"]: k for k in admin("keys", "list", "--account", account)}
    assert listed[created["id"]]["revoked_at"] is not None


def test_credits_run_out_with_403_and_never_go_negative():
    # $0.0002: each request holds about 140k nano-dollars (prompt bytes at the input price plus max_tokens at
    # the output price) and costs about 34k, so a few requests fit and then the account is refused.
    account = new_account("0.0002")
    api = client(new_key(account)["secret"])
    messages = [{"role": "user", "content": "hello"}]
    served = []
    refused = None
    for _ in range(20):
        try:
            raw = api.chat.completions.with_raw_response.create(model="mock/echo", messages=messages, max_tokens=20)
        except openai.PermissionDeniedError as error:
            refused = error
            break
        reply = raw.parse()
        served.append((raw.headers["x-request-id"], reply.usage.prompt_tokens, reply.usage.completion_tokens))
        wait_settled(account, [raw.headers["x-request-id"]])
    assert refused is not None, "the account was never refused"
    assert refused.status_code == 403
    assert refused.code == "insufficient_credits"
    assert 1 <= len(served) < 20
    balance = wait_settled(account, [s[0] for s in served])
    spent = sum(cost_nanos("mock/echo", p, c) for _, p, c in served)
    assert balance["balance_nano"] == 200_000 - spent
    assert balance["balance_nano"] >= 0


def test_requests_per_minute_limit_gives_429_with_headers():
    account = new_account("1.00")
    api = client(new_key(account, rpm=2)["secret"])
    messages = [{"role": "user", "content": "hi"}]
    first = api.chat.completions.with_raw_response.create(model="mock/echo", messages=messages)
    assert first.headers["x-ratelimit-limit-requests"] == "2"
    assert first.headers["x-ratelimit-remaining-requests"] == "1"
    api.chat.completions.create(model="mock/echo", messages=messages)
    with pytest.raises(openai.RateLimitError) as limited:
        api.chat.completions.create(model="mock/echo", messages=messages)
    assert limited.value.status_code == 429
    assert int(limited.value.response.headers["retry-after"]) >= 1
    assert limited.value.response.headers["x-ratelimit-remaining-requests"] == "0"


def test_models_list_through_the_sdk():
    models = {m.id for m in client("unused").models.list()}
    assert {"openai/gpt-4o", "mock/cheap", "mock/echo"} <= models
