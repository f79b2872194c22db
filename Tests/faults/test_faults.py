"""Fault tests: real processes, real signals, the real PostgreSQL and Redis of `make test`.

Each test checks serving (what clients got) and billing (what the ledger recorded) and ends with
`tokmodel-admin audit`. Figures are printed (pytest -s shows them) and collected in docs/failure-behaviour.md.
"""
import json
import math
import os
import socket
import subprocess
import threading
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from stack import (BIN, PG_PORT, PG_URL, REDIS_PORT, SERVICES_DATA, Stack, admin, audit, chat, new_account, services,
                   wait_until)

IN_PRICE, OUT_PRICE = 1_000_000_000, 2_000_000_000  # mock/echo, nano-dollars per million tokens


def cost(prompt, completion):
    return math.ceil((prompt * IN_PRICE + completion * OUT_PRICE) / 1_000_000) if prompt or completion else 0


def psql(sql):
    out = subprocess.run(["psql", PG_URL, "-Atc", sql], capture_output=True, text=True, timeout=60, check=True)
    return [line for line in out.stdout.splitlines() if line]


def billed_request_ids(account):
    return psql(f"select e.request_id from usage_events e join accounts a on a.id = e.account_id where a.name = '{account}'")


def account_balance(account):
    return admin("credits", "balance", "--account", account)


def wait_settled(account, count, timeout=60):
    """Until the ledger has recorded `count` events for the account and Redis holds nothing for it."""
    def settled():
        if len(billed_request_ids(account)) < count:
            return None
        balance = account_balance(account)
        return balance if balance["held_nano"] == 0 else None
    return wait_until(settled, timeout=timeout, interval=0.2, message=f"{count} settlements of {account}")


def usage_show(request_id):
    shown = admin("usage", "show", request_id, check=False)
    return shown if isinstance(shown, dict) else None


def assert_audit_clean():
    report = audit()
    assert report["ok"], f"audit found problems: {report['findings']}"
    assert report["lowest_balance_nano"] >= 0
    return report


@pytest.fixture
def stack():
    s = Stack()
    yield s
    s.stop()


def body_bytes(content, max_tokens):
    return json.dumps({"model": "mock/echo", "messages": [{"role": "user", "content": content}],
                       "max_tokens": max_tokens}, separators=(",", ":")).encode()


def post(url, key, payload, timeout=30):
    return httpx.post(url + "/v1/chat/completions", content=payload, timeout=timeout,
                      headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})


def simultaneous_posts(url, key, payload, count):
    """Opens `count` connections first, then sends every request at once; returns (status, body) pairs.

    Raw sockets, because building an HTTP client per request would spread the requests over seconds."""
    host, port = url.removeprefix("http://").split(":")
    request = (f"POST /v1/chat/completions HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
               f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\nConnection: close\r\n\r\n").encode() + payload
    sockets = [socket.create_connection((host, int(port)), timeout=60) for _ in range(count)]
    barrier = threading.Barrier(count)

    def one(sock):
        barrier.wait()
        sock.sendall(request)
        chunks = []
        while data := sock.recv(65536):
            chunks.append(data)
        sock.close()
        head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
        status = int(head.split(b" ")[1])
        if b"chunked" in head.lower():
            body = _dechunk(body)
        return status, json.loads(body)

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, sockets))


def _dechunk(body):
    out = b""
    while body:
        size_line, _, rest = body.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        out += rest[:size]
        body = rest[size + 2:]
    return out


def test_200_concurrent_requests_on_a_balance_for_10(stack):
    # Each request holds its worst case: every body byte as an input token plus max_tokens output tokens. The
    # provider takes 3 s, so all 200 requests are in flight together and only the holds that fit are granted.
    payload = body_bytes("hello [[mock:latency_ms=3000]]", 10)
    reservation = len(payload) * 1000 + 10 * 2000
    funded = 10 * reservation
    account = new_account(f"{funded // 1_000_000_000}.{funded % 1_000_000_000:09d}")
    key = admin("keys", "create", "--account", account)["secret"]
    responses = simultaneous_posts(stack.edges[0].url, key, payload, 200)
    codes = [status for status, _ in responses]
    served = [body for status, body in responses if status == 200]
    print(f"\n200 concurrent on a balance for 10: {len(served)} served, {codes.count(403)} refused with 403")
    assert len(served) == 10
    assert codes.count(403) == 190
    assert all(body["error"]["code"] == "insufficient_credits" for status, body in responses if status == 403)
    balance = wait_settled(account, len(served))
    spent = sum(cost(b["usage"]["prompt_tokens"], b["usage"]["completion_tokens"]) for b in served)
    assert balance["balance_nano"] == funded - spent >= 0
    assert_audit_clean()


def run_load(url, key, count, workers=16, content="hello", on_progress=None):
    """Sends `count` requests; returns [(status, request_id, usage)]."""
    results = []
    lock = threading.Lock()

    def one(i):
        try:
            r = chat(url, key, content=content, timeout=60)
            item = (r.status_code, r.headers.get("x-request-id"), r.json().get("usage") if r.status_code == 200 else None)
        except httpx.HTTPError as error:
            item = (0, None, str(error))
        with lock:
            results.append(item)
            if on_progress:
                on_progress(len(results))
        return item

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(one, range(count)))
    return results


def test_ledger_killed_mid_load_bills_every_served_request_exactly_once(stack):
    account = new_account("10.00")
    key = admin("keys", "create", "--account", account)["secret"]
    killed = threading.Event()

    def progress(done):
        if done == 100 and not killed.is_set():
            killed.set()
            stack.ledgers[0].kill()
            threading.Timer(1.0, stack.restart_ledger, args=(0,)).start()

    results = run_load(stack.edges[0].url, key, 300, on_progress=progress)
    served = [r for r in results if r[0] == 200]
    print(f"\nledger kill -9 under load: {len(served)} of {len(results)} served, statuses {sorted(set(r[0] for r in results))}")
    assert killed.is_set()
    assert len(served) == len(results) == 300, "the edge must keep serving while the ledger is down"
    wait_settled(account, len(served))
    billed = billed_request_ids(account)
    assert sorted(billed) == sorted(r[1] for r in served), "every served request billed exactly once"
    spent = sum(cost(u["prompt_tokens"], u["completion_tokens"]) for _, _, u in served)
    assert account_balance(account)["balance_nano"] == 10_000_000_000 - spent
    assert_audit_clean()


def test_postgres_down_under_load_keeps_serving_and_spool_drains(stack):
    account = new_account("10.00")
    key = admin("keys", "create", "--account", account)["secret"]
    stopped = threading.Event()

    def progress(done):
        if done == 60 and not stopped.is_set():
            stopped.set()
            services("postgres-stop", SERVICES_DATA)
            threading.Timer(4.0, services, args=("postgres-start", SERVICES_DATA, PG_PORT)).start()

    started = time.time()
    results = run_load(stack.edges[0].url, key, 300, workers=8, content="hello [[mock:latency_ms=20]]", on_progress=progress)
    served = [r for r in results if r[0] == 200]
    print(f"\npostgres down 4 s under load: {len(served)} of {len(results)} served in {time.time() - started:.1f} s")
    assert stopped.is_set()
    assert len(served) == 300, f"statuses: {sorted(set(r[0] for r in results))}"
    wait_until(lambda: subprocess.run(["psql", PG_URL, "-Atc", "select 1"], capture_output=True).returncode == 0,
               timeout=30, message="postgres back")
    wait_settled(account, len(served), timeout=90)
    assert sorted(billed_request_ids(account)) == sorted(r[1] for r in served)
    ledger_log = open(stack.log("ledger0")).read()
    assert "spooling settlements" in ledger_log and "spool drained into postgres" in ledger_log
    assert_audit_clean()


def test_redis_wiped_gives_503_then_service_resumes_with_correct_balances(stack):
    account = new_account("5.00")
    key = admin("keys", "create", "--account", account)["secret"]
    before = [chat(stack.edges[0].url, key) for _ in range(5)]
    assert all(r.status_code == 200 for r in before)
    wait_settled(account, 5)

    services("redis-stop", SERVICES_DATA)          # no persistence: the data is gone
    down = [chat(stack.edges[0].url, key).status_code for _ in range(5)]
    services("redis-start", SERVICES_DATA, REDIS_PORT)
    statuses = []
    deadline = time.time() + 30
    while time.time() < deadline:
        status = chat(stack.edges[0].url, key).status_code
        statuses.append(status)
        if status == 200:
            break
        time.sleep(0.1)
    print(f"\nredis wiped: while down {down}; after restart {statuses[:5]}… {len(statuses)} attempts until 200")
    assert set(down) == {503}, "fail closed while Redis is down"
    assert statuses[-1] == 200
    assert set(statuses[:-1]) <= {503}, "never 401 for a key that exists, never unchecked"
    wait_settled(account, 6)
    balance = account_balance(account)
    assert balance["available_nano"] == balance["balance_nano"]
    assert_audit_clean()


def test_client_disconnect_mid_stream_is_billed_for_what_was_generated(stack):
    account = new_account("1.00")
    key = admin("keys", "create", "--account", account)["secret"]
    content = "tell me a story [[mock:words=40]] [[mock:chunks=10]] [[mock:delay_ms=150]]"
    body = {"model": "mock/echo", "stream": True, "messages": [{"role": "user", "content": content}]}
    with httpx.stream("POST", stack.edges[0].url + "/v1/chat/completions", json=body,
                      headers={"Authorization": f"Bearer {key}"}, timeout=30) as response:
        request_id = response.headers["x-request-id"]
        lines = response.iter_lines()
        received = [next(lines) for _ in range(3)]   # role chunk, blank, first content chunk
    assert any("chat.completion.chunk" in line for line in received)
    # The edge notices at its next write, then drains the provider for its usage report.
    shown = wait_until(lambda: usage_show(request_id), timeout=30, message="the settlement")
    print(f"\nclient disconnect: usage_source={shown['usage_source']} outcome={shown['outcome']} "
          f"output_tokens={shown['output_tokens']}")
    assert shown["outcome"] == "client_aborted"
    assert shown["usage_source"] == "drained"
    assert shown["output_tokens"] == 40, "billed for everything the provider generated"
    assert shown["cost_nano"] == cost(shown["input_tokens"], 40)
    wait_settled(account, 1)
    assert_audit_clean()


def test_explicit_zero_stays_zero_and_provider_error_costs_nothing(stack):
    account = new_account("1.00")
    key = admin("keys", "create", "--account", account)["secret"]
    zero = chat(stack.edges[0].url, key, content="hi [[mock:zero_usage]]")
    failed = chat(stack.edges[0].url, key, content="hi [[mock:status=500]]")
    assert zero.status_code == 200 and zero.json()["usage"]["prompt_tokens"] == 0
    assert failed.status_code == 502 and failed.json()["error"]["type"] == "upstream_error"
    wait_settled(account, 2)
    zero_shown = admin("usage", "show", zero.headers["x-request-id"])
    failed_shown = admin("usage", "show", failed.headers["x-request-id"])
    assert (zero_shown["cost_nano"], zero_shown["usage_source"]) == (0, "provider")
    assert (failed_shown["cost_nano"], failed_shown["usage_source"], failed_shown["outcome"]) == (0, "none", "upstream_failed")
    assert account_balance(account)["balance_nano"] == 1_000_000_000
    assert_audit_clean()


def test_sigterm_edge_finishes_its_stream_and_hands_over_the_settlement(stack):
    account = new_account("1.00")
    key = admin("keys", "create", "--account", account)["secret"]
    content = "go [[mock:words=20]] [[mock:chunks=10]] [[mock:delay_ms=150]]"
    body = {"model": "mock/echo", "stream": True, "messages": [{"role": "user", "content": content}]}
    edge = stack.edges[0]
    with httpx.stream("POST", edge.url + "/v1/chat/completions", json=body,
                      headers={"Authorization": f"Bearer {key}"}, timeout=30) as response:
        request_id = response.headers["x-request-id"]
        lines = response.iter_lines()
        first = next(lines)
        edge.proc.send_signal(15)  # SIGTERM while the stream is in progress
        rest = list(lines)
    data = [line for line in [first, *rest] if line.startswith("data: ")]
    assert data[-1] == "data: [DONE]", "the stream in progress is finished, not cut"
    assert edge.proc.wait(timeout=40) == 0
    wait_settled(account, 1)
    shown = admin("usage", "show", request_id)
    assert (shown["outcome"], shown["usage_source"], shown["output_tokens"]) == ("completed", "provider", 20)
    assert_audit_clean()


def test_hostile_input_gets_clear_errors_and_writes_nothing():
    s = Stack(edge_env={"TOKMODEL_MAX_REQUEST_BYTES": "65536"})
    try:
        account = new_account("1.00")
        key = admin("keys", "create", "--account", account)["secret"]
        url = s.edges[0].url + "/v1/chat/completions"
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        cases = {
            "oversized body": (b'{"model":"mock/echo","messages":[{"role":"user","content":"' + b"x" * 100_000 + b'"}]}', 413),
            "deep JSON": (b'{"model":"mock/echo","messages":' + b"[" * 100 + b"]" * 100 + b"}", 400),
            "invalid UTF-8": (b'{"model":"mock/echo","messages":[{"role":"user","content":"\xc3\x28"}]}', 400),
            "lone surrogate": (b'{"model":"mock/echo","messages":[{"role":"user","content":"\\ud800"}]}', 400),
            "huge max_tokens": (b'{"model":"mock/echo","max_tokens":1000000000000,"messages":[{"role":"user","content":"hi"}]}', 400),
            "redis metacharacters in model": (b'{"model":"*\\r\\nFLUSHALL\\r\\n","messages":[{"role":"user","content":"hi"}]}', 404),
            "not JSON": (b"\x00\x01\x02", 400),
        }
        for name, (payload, expected) in cases.items():
            r = httpx.post(url, content=payload, headers=headers, timeout=30)
            assert r.status_code == expected, f"{name}: {r.status_code} {r.text[:200]}"
            assert r.json()["error"]["message"], name
            assert r.headers["x-request-id"]
        assert chat(s.edges[0].url, key).status_code == 200, "the edge keeps serving"

        negative = admin("credits", "topup", "--account", account, "--amount=-5", check=False)
        assert negative.returncode != 0 and "amount" in (negative.stderr + negative.stdout)
        for bad in ["x'; DROP TABLE accounts; --", "a b", "", "-leading", "é"]:
            result = admin("accounts", "create", bad, check=False)
            assert result.returncode != 0, bad
        assert psql("select count(*) from accounts where name like 'x''%'") == ["0"]
        assert psql("select to_regclass('accounts') is not null") == ["t"]
        wait_settled(account, 1)
        assert account_balance(account)["balance_nano"] == 1_000_000_000 - cost(*_usage_of_one_hello())
        assert_audit_clean()
    finally:
        s.stop()


def _usage_of_one_hello():
    # The mock: 3 + (4 + ceil(5/4)) prompt tokens for "hello", 12 completion tokens.
    return 9, 12


def test_two_edges_two_ledgers_share_limits_and_revocation():
    s = Stack(edges=2, ledgers=2)
    try:
        account = new_account("1.00")
        created = admin("keys", "create", "--account", account, "--rpm", "4")
        key = created["secret"]
        statuses = [chat(s.edges[i % 2].url, key).status_code for i in range(6)]
        print(f"\nrpm=4 across two edges: {statuses}")
        assert statuses == [200, 200, 200, 200, 429, 429]
        other = admin("keys", "create", "--account", account)["secret"]
        assert chat(s.edges[0].url, other).status_code == 200
        assert chat(s.edges[1].url, other).status_code == 200
        admin("keys", "revoke", str(admin("keys", "list", "--account", account)[-1]["id"]))
        assert chat(s.edges[0].url, other).status_code == 401
        assert chat(s.edges[1].url, other).status_code == 401
        wait_settled(account, 6)
        assert_audit_clean()
    finally:
        s.stop()


def redis_held(account):
    return account_balance(account)["held_nano"]


def start_slow_stream_then_kill_edge(s, key, account):
    """A stream that takes 5 s; the edge is SIGKILLed once the first chunk has arrived. Returns (request id, held)."""
    body = {"model": "mock/echo", "stream": True,
            "messages": [{"role": "user", "content": "slow [[mock:chunks=10]] [[mock:delay_ms=500]]"}]}
    with httpx.stream("POST", s.edges[0].url + "/v1/chat/completions", json=body,
                      headers={"Authorization": f"Bearer {key}"}, timeout=30) as response:
        request_id = response.headers["x-request-id"]
        next(response.iter_lines())
        held = redis_held(account)
        s.edges[0].kill()
    return request_id, held


def test_edge_killed_mid_stream_without_its_journal_the_sweeper_releases_the_hold():
    """The fallback when no journal reaches a ledger (here the edge journals where no ledger looks): the hold is
    released once its deadline passes, and the request is not billed (and never twice)."""
    # Hold deadline = the provider's request timeout (8 s in the fault catalog) + the edge's grace (1 s here).
    s = Stack(edge_env={"TOKMODEL_HOLD_GRACE_MS": "1000", "TOKMODEL_JOURNAL_DIR": tempfile.mkdtemp(prefix="tm-unread-")})
    try:
        account = new_account("1.00")
        key = admin("keys", "create", "--account", account)["secret"]
        request_id, held = start_slow_stream_then_kill_edge(s, key, account)
        assert held > 0, "the request holds its worst-case cost while it runs"
        started = time.time()
        wait_until(lambda: redis_held(account) == 0, timeout=30, interval=0.25, message="the sweeper to release the hold")
        print(f"\nedge kill -9 mid-stream, journal unread: hold of {held} nano-dollars released after {time.time() - started:.1f} s")
        assert usage_show(request_id) is None, "a request whose edge died unsettled is not billed (and never twice)"
        balance = account_balance(account)
        assert balance["balance_nano"] == balance["available_nano"] == 1_000_000_000
        assert "released expired holds" in open(s.log("ledger0")).read()
        assert_audit_clean()
    finally:
        s.stop()


def test_edge_killed_mid_stream_is_billed_from_its_journal_as_edge_lost():
    """A request in flight has a provisional settlement in the edge's journal from its admission on: killed
    mid-answer, the edge leaves it for the ledger, which bills the prompt estimate (as for a client abort),
    outcome edge_lost, and releases the hold within seconds instead of at its deadline."""
    s = Stack()  # the default grace: the hold's deadline is 8 s + 30 s away
    try:
        account = new_account("1.00")
        key = admin("keys", "create", "--account", account)["secret"]
        request_id, held = start_slow_stream_then_kill_edge(s, key, account)
        assert held > 0
        started = time.time()
        shown = wait_until(lambda: usage_show(request_id), timeout=30, message="the journal's settlement")
        wait_settled(account, 1, timeout=30)
        elapsed = time.time() - started
        print(f"\nedge kill -9 mid-stream: billed from its journal after {elapsed:.1f} s: outcome={shown['outcome']} "
              f"input_tokens={shown['input_tokens']} cost_nano={shown['cost_nano']}")
        assert elapsed < 20, "settled from the journal, not left to the hold's deadline"
        assert shown["outcome"] == "edge_lost"
        assert shown["usage_source"] == "estimated"
        assert shown["http_status"] == 502
        assert shown["input_tokens"] > 0 and shown["output_tokens"] == 0
        assert shown["cost_nano"] == cost(shown["input_tokens"], 0)
        assert account_balance(account)["balance_nano"] == 1_000_000_000 - shown["cost_nano"]
        assert billed_request_ids(account) == [request_id], "billed once"
        assert "settled a dead edge's journal" in open(s.log("ledger0")).read()
        assert_audit_clean()
    finally:
        s.stop()


def test_edge_killed_after_answering_every_answered_request_is_billed():
    """SIGKILL an edge whose settlements the ledger has not acknowledged yet (a 3 s group-commit linger keeps them
    waiting): its journal outlives it, and the ledger settles what it holds — every answer a client received is
    billed, once."""
    s = Stack(ledger_args=["--group-commit-ms", "3000"])
    try:
        account = new_account("1.00")
        key = admin("keys", "create", "--account", account)["secret"]
        answered = []
        for i in range(10):
            response = chat(s.edges[0].url, key, content=f"hello {i}")
            assert response.status_code == 200
            answered.append((response.headers["x-request-id"], response.json()["usage"]))
        body = {"model": "mock/echo", "stream": True, "stream_options": {"include_usage": True},
                "messages": [{"role": "user", "content": "a stream [[mock:chunks=3]]"}]}
        with httpx.stream("POST", s.edges[0].url + "/v1/chat/completions", json=body,
                          headers={"Authorization": f"Bearer {key}"}, timeout=30) as response:
            lines = [line for line in response.iter_lines() if line.startswith("data: ")]
            stream_id = response.headers["x-request-id"]
        assert lines[-1] == "data: [DONE]"
        usage = next(json.loads(line[6:])["usage"] for line in lines[:-1] if json.loads(line[6:]).get("usage"))
        answered.append((stream_id, usage))
        journal_dir = s.socket(0) + ".journals"
        journals = [name for name in os.listdir(journal_dir) if name.endswith(".journal")]
        assert len(journals) == 1, "the edge keeps one journal next to the ledger's socket"

        s.edges[0].kill()
        wait_settled(account, len(answered), timeout=60)
        assert sorted(billed_request_ids(account)) == sorted(request_id for request_id, _ in answered)
        spent = sum(cost(u["prompt_tokens"], u["completion_tokens"]) for _, u in answered)
        assert account_balance(account)["balance_nano"] == 1_000_000_000 - spent
        wait_until(lambda: not os.listdir(journal_dir), timeout=30, message="the dead edge's journal to be deleted")
        log = open(s.log("ledger0")).read()
        assert "settled a dead edge's journal" in log
        print(f"\nedge kill -9 with {len(answered)} answered requests unacknowledged: all billed from its journal")
        assert_audit_clean()
    finally:
        s.stop()


def test_edge_stopped_gracefully_leaves_no_journal(stack):
    account = new_account("1.00")
    key = admin("keys", "create", "--account", account)["secret"]
    assert chat(stack.edges[0].url, key).status_code == 200
    journal_dir = stack.socket(0) + ".journals"
    assert len(os.listdir(journal_dir)) == 1
    assert stack.edges[0].terminate() == 0
    assert os.listdir(journal_dir) == [], "an edge that handed everything over removes its journal"
    wait_settled(account, 1)


def test_edge_journal_size_and_speculation_flags_are_checked():
    s = Stack(edge_env={"TOKMODEL_JOURNAL_SLOTS": "1024"})
    try:
        journal_dir = s.socket(0) + ".journals"
        [name] = os.listdir(journal_dir)
        assert os.path.getsize(os.path.join(journal_dir, name)) == 1024 * 512
        bad = subprocess.run([f"{BIN}/tokmodel-edge", "--listen", "127.0.0.1:0", "--catalog", s.catalog,
                              "--ledger-socket", s.socket(0), "--journal-slots", "10"], capture_output=True, text=True, timeout=60)
        assert bad.returncode != 0
        assert "--journal-slots must be an integer from 64 to 1048576, got '10'" in bad.stderr
        for flag, value, message in (("--speculative-dispatch", "maybe", "--speculative-dispatch must be on or off, got 'maybe'"),
                                     ("--speculation-window-ms", "0", "--speculation-window-ms must be an integer from 1 to 60000, got '0'")):
            bad = subprocess.run([f"{BIN}/tokmodel-edge", "--listen", "127.0.0.1:0", "--catalog", s.catalog,
                                  "--ledger-socket", s.socket(0), flag, value], capture_output=True, text=True, timeout=60)
            assert bad.returncode != 0 and message in bad.stderr
    finally:
        s.stop()


def simultaneous_chats(stack, key, contents, max_tokens=None):
    """One request per content, alternating edges, all sent at the same moment."""
    barrier = threading.Barrier(len(contents))

    def one(i):
        barrier.wait()
        return chat(stack.edges[i % len(stack.edges)].url, key, content=contents[i], max_tokens=max_tokens)

    with ThreadPoolExecutor(len(contents)) as pool:
        return list(pool.map(one, range(len(contents))))


def test_concurrency_tpm_spend_and_account_limits_hold_across_two_edges():
    s = Stack(edges=2, ledgers=2)
    try:
        account = new_account("5.00")
        # At most two requests in flight for the key, whichever edge they reach.
        key = admin("keys", "create", "--account", account, "--max-concurrent", "2")["secret"]
        slow = "hi [[mock:latency_ms=1500]]"
        responses = simultaneous_chats(s, key, [slow] * 4)
        codes = sorted(r.status_code for r in responses)
        print(f"\nmax-concurrent=2 across two edges: {codes}")
        assert codes == [200, 200, 429, 429]
        assert all(r.json()["error"]["code"] == "concurrency_limit_exceeded" for r in responses if r.status_code == 429)

        # Tokens per minute: each request is charged its estimate (prompt bytes / 4 + max_tokens) at admission.
        tpm_key = admin("keys", "create", "--account", account, "--tpm", "300")["secret"]
        responses = simultaneous_chats(s, tpm_key, [slow] * 3, max_tokens=100)
        codes = sorted(r.status_code for r in responses)
        print(f"tpm=300 with ~125-token estimates across two edges: {codes}")
        assert codes == [200, 200, 429]
        # Settlement corrects the estimate with the real count (~21 tokens each), so capacity comes back.
        wait_settled(account, 4)
        assert chat(s.edges[0].url, tpm_key, max_tokens=100).status_code == 200

        # A key's total spend limit, enforced with its holds, across edges.
        payload_tokens, completion = 9, 12           # "hello" on the mock: 9 prompt tokens, 12 completion tokens
        request_cost = cost(payload_tokens, completion)
        body = json.dumps({"model": "mock/echo", "messages": [{"role": "user", "content": "hello"}], "max_tokens": 20}).encode()
        reservation = len(body) * 1000 + 20 * 2000
        limit = 2 * request_cost + reservation - 1   # two requests fit; a third cannot be held under the limit
        spend_key = admin("keys", "create", "--account", account, "--spend-limit", f"0.{limit:09d}")["secret"]
        statuses = []
        for i in range(3):
            r = post(s.edges[i % 2].url, spend_key, body)
            statuses.append(r.status_code)
            if r.status_code == 200:
                wait_until(lambda: redis_held(account) == 0, timeout=30, message="settlement")
                time.sleep(0.3)  # the key's spend reaches Redis right after the balance
        print(f"spend limit for two requests: {statuses}")
        assert statuses == [200, 200, 403]

        # Account-wide requests per minute, across two keys and two edges.
        limited = new_account("1.00")
        admin("accounts", "update", limited, "--rpm", "3")
        k1 = admin("keys", "create", "--account", limited)["secret"]
        k2 = admin("keys", "create", "--account", limited)["secret"]
        statuses = [chat(s.edges[i % 2].url, [k1, k2][i % 2]).status_code for i in range(5)]
        print(f"account rpm=3 across two keys and two edges: {statuses}")
        assert statuses == [200, 200, 200, 429, 429]
        wait_settled(limited, 3)
        assert_audit_clean()
    finally:
        s.stop()


def mock_requests(s):
    return httpx.get(f"http://127.0.0.1:{s.mock_port}/mock/stats", timeout=5).json()["requests"]


SENT_AHEAD_AND_CANCELLED = "provider call sent ahead of a refused admission cancelled"


def test_a_request_sent_ahead_of_its_admission_is_cancelled_by_a_refusal_and_never_billed():
    """Speculative dispatch: a key admitted moments ago has its next request sent to the provider while Redis
    admits it. When Redis refuses (here: the key was revoked in between), the provider call is cancelled, the
    client gets the refusal at once, nothing is held or billed, and the key's next request waits for Redis."""
    s = Stack(edge_env={"TOKMODEL_SPECULATION_WINDOW_MS": "60000"})
    try:
        account = new_account("1.00")
        key = admin("keys", "create", "--account", account)["secret"]
        key_id = admin("keys", "list", "--account", account)[-1]["id"]
        assert chat(s.edges[0].url, key).status_code == 200        # first use: admitted before the call
        assert chat(s.edges[0].url, key).status_code == 200        # sent ahead, then admitted: served and billed
        assert mock_requests(s) == 2
        admin("keys", "revoke", str(key_id))

        started = time.monotonic()
        refused = chat(s.edges[0].url, key, content="slow [[mock:latency_ms=6000]]")
        elapsed = time.monotonic() - started
        log = open(s.log("edge0")).read()
        print(f"\nrevoked key, request sent ahead: {refused.status_code} in {elapsed * 1000:.0f} ms; "
              f"cancelled ahead: {log.count(SENT_AHEAD_AND_CANCELLED)}")
        assert refused.status_code == 401 and refused.json()["error"]["message"]
        assert log.count(SENT_AHEAD_AND_CANCELLED) == 1             # it did go ahead...
        assert elapsed < 3                                          # ...and the 6 s answer was not waited for
        reached = mock_requests(s)                                  # 3, unless cancelled before it was sent
        assert reached in (2, 3)

        # The refusal made the edge forget the key: its next request waits for Redis and never reaches the provider.
        assert chat(s.edges[0].url, key).status_code == 401
        assert mock_requests(s) == reached
        assert open(s.log("edge0")).read().count(SENT_AHEAD_AND_CANCELLED) == 1

        # The same for a stream: the refusal is the whole answer, in JSON, not an event stream.
        streamer = admin("keys", "create", "--account", account)["secret"]
        streamer_id = admin("keys", "list", "--account", account)[-1]["id"]
        assert chat(s.edges[0].url, streamer, stream=True).status_code == 200
        assert chat(s.edges[0].url, streamer, stream=True).status_code == 200
        admin("keys", "revoke", str(streamer_id))
        refused = chat(s.edges[0].url, streamer, content="slow [[mock:latency_ms=6000]]", stream=True)
        assert refused.status_code == 401 and refused.headers["content-type"].startswith("application/json")
        assert refused.json()["error"]["code"] == "revoked_api_key"
        assert open(s.log("edge0")).read().count(SENT_AHEAD_AND_CANCELLED) == 2

        wait_settled(account, 4)
        time.sleep(0.5)
        assert len(billed_request_ids(account)) == 4                # the four served requests, nothing else
        balance = account_balance(account)
        assert balance["held_nano"] == 0
        assert balance["balance_nano"] == 1_000_000_000 - 4 * cost(9, 12)

        # With speculative dispatch off, a revoked key's request never reaches the provider.
        s.edge_env = {"TOKMODEL_SPECULATIVE_DISPATCH": "off"}
        strict = s.make_edge(1).start()
        s.edges.append(strict)
        s.wait_http(strict.url + "/health")
        other = admin("keys", "create", "--account", account)["secret"]
        other_id = admin("keys", "list", "--account", account)[-1]["id"]
        assert chat(strict.url, other).status_code == 200
        assert chat(strict.url, other).status_code == 200
        before = mock_requests(s)
        admin("keys", "revoke", str(other_id))
        assert chat(strict.url, other, content="slow [[mock:latency_ms=6000]]").status_code == 401
        assert mock_requests(s) == before
        assert SENT_AHEAD_AND_CANCELLED not in open(s.log("edge1")).read()
        wait_settled(account, 6)
        assert_audit_clean()
    finally:
        s.stop()
