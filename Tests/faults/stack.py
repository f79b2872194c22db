"""A TokModel stack the fault tests can break: edges, ledgers and the mock as real processes that can be
SIGKILLed, SIGTERMed and restarted, and the PostgreSQL and Redis of `make test` that can be stopped and wiped.

Environment (set by scripts/test.sh): TOKMODEL_BIN (binaries), TOKMODEL_FAULT_DATA (a scratch folder),
TOKMODEL_POSTGRES_URL, TOKMODEL_REDIS_URL, TOKMODEL_TEST_PG_PORT, TOKMODEL_TEST_REDIS_PORT, TOKMODEL_TEST_DATA.
"""
import json
import os
import signal
import socket
import subprocess
import time
import uuid

import httpx

BIN = os.environ["TOKMODEL_BIN"]
DATA = os.environ["TOKMODEL_FAULT_DATA"]
PG_URL = os.environ["TOKMODEL_POSTGRES_URL"]
REDIS_URL = os.environ["TOKMODEL_REDIS_URL"]
PG_PORT = os.environ["TOKMODEL_TEST_PG_PORT"]
REDIS_PORT = os.environ["TOKMODEL_TEST_REDIS_PORT"]
SERVICES_DATA = os.environ["TOKMODEL_TEST_DATA"]
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def admin(*args, check=True):
    result = subprocess.run([f"{BIN}/tokmodel-admin", *args, "--json", "--postgres-url", PG_URL, "--redis-url", REDIS_URL],
                            capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise AssertionError(f"tokmodel-admin {' '.join(args)} failed ({result.returncode}): {result.stderr}{result.stdout}")
    if result.returncode == 0 and result.stdout.strip():
        return json.loads(result.stdout)
    return result


def audit():
    """Runs `tokmodel-admin audit` and returns its JSON report (ok, findings, lowest balance…)."""
    result = subprocess.run([f"{BIN}/tokmodel-admin", "audit", "--json", "--postgres-url", PG_URL, "--redis-url", REDIS_URL],
                            capture_output=True, text=True, timeout=120)
    return json.loads(result.stdout)


def services(*args):
    subprocess.run([f"{REPO}/scripts/services.sh", *args], check=True, timeout=120)


class Process:
    def __init__(self, name, argv, log, env=None):
        self.name, self.argv, self.log, self.env = name, argv, log, env
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(self.argv, stdout=open(self.log, "ab"), stderr=subprocess.STDOUT, cwd=REPO,
                                     env={**os.environ, **(self.env or {})})
        return self

    def kill(self):
        """SIGKILL: no chance to clean up."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def terminate(self, timeout=60):
        """SIGTERM and wait for a graceful exit; returns the exit code."""
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=timeout)

    @property
    def alive(self):
        return self.proc is not None and self.proc.poll() is None


class Stack:
    """Mock provider + ledgers + edges on their own ports and sockets, sharing `make test`'s PostgreSQL/Redis."""

    def __init__(self, edges=1, ledgers=1, edge_env=None, ledger_env=None, ledger_args=()):
        self.dir = os.path.join(DATA, uuid.uuid4().hex[:8])
        os.makedirs(os.path.join(self.dir, "logs"))
        self.mock_port = free_port()
        with open(os.path.join(REPO, "Tests/faults/catalog.yaml")) as template:
            catalog = template.read().replace("MOCK_BASE_URL", f"http://127.0.0.1:{self.mock_port}/v1")
        self.catalog = os.path.join(self.dir, "catalog.yaml")
        with open(self.catalog, "w") as out:
            out.write(catalog)
        self.mock = Process("mock", [f"{BIN}/tokmodel-mock-provider", "--port", str(self.mock_port)],
                            self.log("mock")).start()
        self.ledger_env, self.ledger_args = ledger_env or {}, list(ledger_args)
        self.ledgers = [self.make_ledger(i).start() for i in range(ledgers)]
        for i in range(ledgers):
            self.wait_socket(self.socket(i))
        self.edge_env = edge_env or {}
        self.edges = []
        for i in range(edges):
            self.edges.append(self.make_edge(i, ledger=i % ledgers).start())
        for edge in self.edges:
            self.wait_http(edge.url + "/health")
        self.wait_http(f"http://127.0.0.1:{self.mock_port}/v1/models")

    def log(self, name):
        return os.path.join(self.dir, "logs", f"{name}.log")

    def socket(self, i):
        return os.path.join(self.dir, f"ledger{i}.sock")

    def make_ledger(self, i):
        return Process(f"ledger{i}", [f"{BIN}/tokmodel-ledger", "--socket", self.socket(i), "--postgres-url", PG_URL,
                                      "--redis-url", REDIS_URL, "--catalog", self.catalog,
                                      "--spool-dir", os.path.join(self.dir, f"spool{i}"), *self.ledger_args],
                       self.log(f"ledger{i}"), env=self.ledger_env)

    def make_edge(self, i, ledger=0, port=None):
        port = port or free_port()
        process = Process(f"edge{i}", [f"{BIN}/tokmodel-edge", "--listen", f"127.0.0.1:{port}", "--catalog", self.catalog,
                                       "--redis-url", REDIS_URL, "--ledger-socket", self.socket(ledger)],
                          self.log(f"edge{i}"), env=self.edge_env)
        process.url = f"http://127.0.0.1:{port}"
        process.port = port
        return process

    def restart_ledger(self, i):
        self.ledgers[i] = self.make_ledger(i).start()
        self.wait_socket(self.socket(i))

    @staticmethod
    def wait_socket(path, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if os.path.exists(path):
                return
            time.sleep(0.05)
        raise AssertionError(f"{path} did not appear")

    @staticmethod
    def wait_http(url, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if httpx.get(url, timeout=1).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"{url} did not come up")

    def stop(self):
        for process in [*self.edges, *self.ledgers, self.mock]:
            if process.alive:
                try:
                    process.terminate(timeout=40)
                except subprocess.TimeoutExpired:
                    process.kill()


def chat(url, key, content="hello", model="mock/echo", stream=False, max_tokens=None, timeout=30, **extra):
    body = {"model": model, "messages": [{"role": "user", "content": content}], **extra}
    if stream:
        body["stream"] = True
    if max_tokens:
        body["max_tokens"] = max_tokens
    return httpx.post(url + "/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {key}"}, timeout=timeout)


def new_account(dollars, prefix="fault"):
    name = f"{prefix}-{uuid.uuid4().hex[:10]}"
    admin("accounts", "create", name)
    if dollars:
        admin("credits", "topup", "--account", name, "--amount", dollars, "--reference", "initial")
    return name


def wait_until(predicate, timeout=30, interval=0.1, message="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")
