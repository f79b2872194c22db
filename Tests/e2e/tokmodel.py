"""Helpers for the end-to-end tests: the admin CLI, exact cost arithmetic, and the mock's token formula."""
import json
import math
import os
import subprocess
import time
import uuid
from fractions import Fraction

BASE_URL = os.environ["TOKMODEL_E2E_BASE_URL"]
ADMIN = os.environ["TOKMODEL_ADMIN"]

# Catalog prices (Tests/e2e/catalog.yaml) in nano-dollars per million tokens.
PRICES = {
    "openai/gpt-4o": (2_500_000_000, 10_000_000_000),
    "mock/cheap": (123_456_789, 987_654_321),
    "mock/echo": (1_000_000_000, 2_000_000_000),
}


def admin(*args, check=True):
    """Runs tokmodel-admin with --json and returns the parsed output."""
    result = subprocess.run([ADMIN, *args, "--json"], capture_output=True, text=True, timeout=60)
    if check and result.returncode != 0:
        raise AssertionError(f"tokmodel-admin {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return json.loads(result.stdout) if result.returncode == 0 and result.stdout.strip() else result


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def new_account(dollars="1.00", prefix="e2e"):
    name = unique(prefix)
    admin("accounts", "create", name)
    if dollars:
        admin("credits", "topup", "--account", name, "--amount", dollars, "--reference", "initial")
    return name


def new_key(account, **limits):
    args = ["keys", "create", "--account", account]
    for flag, value in limits.items():
        args += [f"--{flag}", str(value)]
    return admin(*args)


def cost_nanos(model, prompt_tokens, completion_tokens):
    """The documented rounding rule: ceiling of the exact sum, once per request (docs/money.md)."""
    input_price, output_price = PRICES[model]
    return math.ceil(Fraction(prompt_tokens * input_price + completion_tokens * output_price, 1_000_000))


def mock_prompt_tokens(messages):
    """The mock provider's deterministic prompt-token formula (Sources/MockProvider/MockPromptTokens.swift)."""
    total = 3
    for message in messages:
        content = message.get("content") or ""
        text = content if isinstance(content, str) else "".join(p.get("text", "") for p in content if p.get("type") == "text")
        images = 0 if isinstance(content, str) else sum(1 for p in content if p.get("type") == "image_url")
        total += 4 + math.ceil(len(text.encode()) / 4) + 85 * images
    return total


def wait_settled(account, request_ids, timeout=15.0):
    """Waits until the ledger has recorded every request id and released the account's holds in Redis."""
    deadline = time.time() + timeout
    pending = set(request_ids)
    while time.time() < deadline:
        pending = {rid for rid in pending if admin("usage", "show", rid, check=False).__class__ is not dict}
        if not pending:
            balance = admin("credits", "balance", "--account", account)
            if balance.get("held_nano", 0) == 0 and balance.get("available_nano") == balance["balance_nano"]:
                return balance
        time.sleep(0.1)
    raise AssertionError(f"requests not settled in time: {sorted(pending)}")
