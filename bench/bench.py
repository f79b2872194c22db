#!/usr/bin/env python3
"""The measuring half of `make bench` and `make bench-soak` (scripts/bench.sh starts the processes).

    bench/bench.py run  CONFIG.json     arms x repeats, TTFB, billing check, ledger alone -> one table
    bench/bench.py soak CONFIG.json     edge RSS across a long load (default 5 minutes)

CONFIG is written by scripts/bench.sh: ports, pids, data dir, binaries, the bench key. Only the standard
library is used. What every number means is in docs/performance.md.
"""

import datetime
import json
import os
import platform
import re
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LUA = os.path.join(ROOT, "bench", "wrk", "post.lua")
RESULTS = os.path.join(ROOT, "bench", "results")
RAW = os.path.join(RESULTS, "raw")
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_float(name, default):
    return float(os.environ.get(name, default))


REPEATS = env_int("BENCH_REPEATS", 3)
DURATION = env_int("BENCH_DURATION", 3)  # seconds per closed-loop wrk run
PACED_DURATION = env_int("BENCH_PACED_DURATION", 2)  # seconds per constant-rate run
RATE = env_int("BENCH_RATE", 400)  # requests/s of the constant-rate runs (all 4 connections together)
THREADS = env_int("BENCH_WRK_THREADS", 2)
SETTLE = env_float("BENCH_SETTLE", 0.25)  # pause after a run before reading CPU counters
STOP_MARGIN = 0.25  # seconds at the end of each wrk run without new requests (see Bench.wrk)
TTFB_N = env_int("BENCH_TTFB_N", 60)  # sequential streams per target per repeat
LEDGER_COUNT = env_int("BENCH_LEDGER_COUNT", 30000)
LEDGER_BATCHES = [int(x) for x in os.environ.get("BENCH_LEDGER_BATCHES", "100,1000,5000").split(",")]
LEDGER_CLIENTS = env_int("BENCH_LEDGER_CLIENTS", 2)
SOAK_SECONDS = env_int("BENCH_SOAK_SECONDS", 300)

CHAT = {"model": "bench/model", "messages": [{"role": "user", "content": "Hello! Say something short."}], "max_tokens": 16}
CHAT_STREAM = dict(CHAT, stream=True, stream_options={"include_usage": True})
MESSAGES = {"model": "bench/model", "max_tokens": 16, "messages": [{"role": "user", "content": "Hello! Say something short."}]}
# The paced stream of the TTFB measurement: 4 content chunks 2 ms apart (the mock reads the directives).
PACED_STREAM = dict(
    CHAT_STREAM, messages=[{"role": "user", "content": "Hello! [[mock:chunks=4]][[mock:delay_ms=2]]"}])


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------
# /proc readings


def proc_stat(pid):
    """(own CPU ticks, reaped children's CPU ticks, ppid) of a process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            text = f.read()
    except OSError:
        return None
    rest = text[text.rindex(")") + 2:].split()
    # rest[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
    return int(rest[11]) + int(rest[12]), int(rest[13]) + int(rest[14]), int(rest[1])


def all_parents():
    parents = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            st = proc_stat(int(name))
            if st:
                parents[int(name)] = st[2]
    return parents


def descendants(root, parents):
    out, frontier = [root], [root]
    while frontier:
        nxt = [p for p, pp in parents.items() if pp in frontier]
        out += nxt
        frontier = nxt
    return out


def vm_status(pid):
    """VmRSS and VmHWM in MiB."""
    values = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":")
                    values[key] = int(value.split()[0]) / 1024
    except OSError:
        return {"VmRSS": None, "VmHWM": None}
    return values


def system_ticks():
    """Machine-wide CPU: time in processes (user, nice, system), in interrupts (irq + softirq: on loopback that is
    mostly the bench's own network traffic, which no process is charged for) and stolen by the hypervisor."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal
    return fields[0] + fields[1] + fields[2], fields[5] + fields[6], fields[7]


class Processes:
    """CPU counters of the processes under test. Trees (postgres, nginx) include every descendant and the CPU
    of children already reaped (cutime), so a backend that exits between two readings is still counted."""

    def __init__(self, config):
        self.single = {"edge": config["pids"]["edge"], "ledger": config["pids"]["ledger"], "redis": config["pids"]["redis"],
                       "mock": config["pids"]["mock"]}
        self.trees = {"postgres": config["pids"]["postgres"], "nginx": config["pids"]["nginx"]}

    def alive(self):
        dead = [name for name, pid in {**self.single, **self.trees}.items() if proc_stat(pid) is None]
        return dead

    def snapshot(self):
        snap = {}
        for name, pid in self.single.items():
            st = proc_stat(pid)
            snap[name] = st[0] if st else 0
        parents = all_parents()
        for name, root in self.trees.items():
            total = 0
            for pid in descendants(root, parents):
                st = proc_stat(pid)
                if st:
                    total += st[0] + st[1]
            snap[name] = total
        snap["system"], snap["irq"], snap["steal"] = system_ticks()
        snap["wrk"] = resource.getrusage(resource.RUSAGE_CHILDREN)
        snap["t"] = time.monotonic()
        return snap


def cpu_delta(before, after):
    d = {k: (after[k] - before[k]) / CLK_TCK for k in before if k not in ("wrk", "t")}
    d["wrk"] = (after["wrk"].ru_utime + after["wrk"].ru_stime) - (before["wrk"].ru_utime + before["wrk"].ru_stime)
    d["wall"] = after["t"] - before["t"]
    ours = sum(d[k] for k in ("edge", "ledger", "redis", "postgres", "nginx", "mock", "wrk"))
    d["other"] = max(0.0, d["system"] - ours)  # CPU of processes not under test (noise), seconds
    # d["irq"]: interrupt time (mostly loopback network processing); d["steal"]: taken by the hypervisor.
    return d


# ---------------------------------------------------------------------------------------------------------
# wrk


class Bench:
    def __init__(self, config, mode):
        self.c = config
        self.mode = mode
        self.procs = Processes(config)
        self.stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H%M%SZ")
        self.raw = os.path.join(RAW, self.stamp + ("-soak" if mode == "soak" else ""))
        os.makedirs(self.raw, exist_ok=True)
        self.bodies = os.path.join(config["data"], "bodies")
        os.makedirs(self.bodies, exist_ok=True)
        for name, body in (("chat", CHAT), ("chat-stream", CHAT_STREAM), ("messages", MESSAGES)):
            with open(os.path.join(self.bodies, name + ".json"), "w") as f:
                json.dump(body, f, separators=(",", ":"))
        key = config["key"]
        p = config["ports"]
        chat = "/v1/chat/completions"
        auth = f"Authorization: Bearer {key}"
        anthropic = f"x-api-key: {key}|anthropic-version: 2023-06-01"
        # name -> (label, port, path, body, headers, reference arm for ratios and added latency)
        self.targets = {
            "mock": ("mock direct", p["mock"], chat, "chat", "", None),
            "nginx": ("nginx hop", p["nginx"], chat, "chat", "", None),
            "edge": ("edge, full governance", p["edge"], chat, "chat", auth, "nginx"),
            "edge-translate": ("edge, Anthropic client → OpenAI provider", p["edge"], "/v1/messages", "messages", anthropic, "nginx"),
            "mock-stream": ("mock direct, stream", p["mock"], chat, "chat-stream", "", None),
            "nginx-stream": ("nginx hop, stream", p["nginx"], chat, "chat-stream", "", None),
            "edge-stream": ("edge, stream", p["edge"], chat, "chat-stream", auth, "nginx-stream"),
        }
        default_arms = "mock,nginx,edge,edge-translate,nginx-stream,edge-stream"
        self.arms = [a for a in os.environ.get("BENCH_ARMS", default_arms).split(",") if a]
        for arm in self.arms:
            if arm not in self.targets:
                raise SystemExit(f"unknown arm {arm}; known: {', '.join(self.targets)}")
        # Every 2xx the edge returned to us, for the billing check (scripts/bench.sh's checks included).
        self.edge_2xx = config.get("preflight_edge_2xx", 0)
        self.edge_non2xx = {}
        self.runs = []

    def wrk(self, arm, conns, duration, rate=None, tag="", count=True):
        label, port, path, body, headers, _ = self.targets[arm]
        # wrk runs `duration` seconds but sends no new request in the last STOP_MARGIN, so nothing is in flight
        # when it stops: its count of answers is exact (for the billing check) and requests/s use the active time.
        active = duration - STOP_MARGIN
        env = dict(os.environ, BENCH_BODY_FILE=os.path.join(self.bodies, body + ".json"), BENCH_HEADERS=headers,
                   BENCH_THREADS=str(THREADS), BENCH_RATE=str(rate or ""), BENCH_STOP_MS=str(int(active * 1000)))
        cmd = ["wrk", f"-t{THREADS}", f"-c{conns}", f"-d{duration}s", "--timeout", "10s", "-s", LUA,
               f"http://127.0.0.1:{port}{path}"]
        before = self.procs.snapshot()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        time.sleep(SETTLE)
        after = self.procs.snapshot()
        name = f"{arm}-c{conns}{'-paced' if rate else ''}{tag}"
        with open(os.path.join(self.raw, name + ".txt"), "a") as f:
            f.write("$ " + " ".join(cmd) + "\n" + proc.stdout + proc.stderr + "\n")
        line = next((l for l in proc.stdout.splitlines() if l.startswith("BENCH_JSON ")), None)
        if proc.returncode != 0 or line is None:
            raise SystemExit(f"wrk failed for {arm} (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        result = json.loads(line[len("BENCH_JSON "):])
        statuses = {int(k): v for k, v in result["statuses"].items()}
        ok = sum(v for k, v in statuses.items() if 200 <= k < 300)
        bad = {k: v for k, v in statuses.items() if not 200 <= k < 300}
        if count and port == self.c["ports"]["edge"]:
            self.edge_2xx += ok
            for k, v in bad.items():
                self.edge_non2xx[k] = self.edge_non2xx.get(k, 0) + v
        result.update(arm=arm, conns=conns, rate=rate, ok=ok, non2xx=bad, seconds=active, rps=ok / active,
                      cpu=cpu_delta(before, after))
        errors = sum(result["errors"][k] for k in ("connect", "read", "write", "timeout"))
        if bad or errors:
            log(f"  ! {name}: non-2xx {bad}, socket errors {result['errors']}")
        self.runs.append(result)
        return result

    # -----------------------------------------------------------------------------------------------------
    # Streams: time to first byte, sequentially, over kept-alive connections

    def ttfb_round(self, targets, n, samples):
        body = json.dumps(PACED_STREAM, separators=(",", ":")).encode()
        conns = {}
        for arm in targets:
            _, port, path, _, headers, _ = self.targets[arm]
            extra = "".join(h.strip() + "\r\n" for h in headers.split("|") if h.strip())
            head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n{extra}"
                    f"Content-Length: {len(body)}\r\n\r\n").encode()
            conns[arm] = [port, head + body, None]
        for _ in range(n):
            for arm in targets:
                port, request, sock = conns[arm]
                if sock is None:
                    sock = socket.create_connection(("127.0.0.1", port))
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                    conns[arm][2] = sock
                first, total, status, keep = self.one_stream(sock, request)
                if not keep:
                    sock.close()
                    conns[arm][2] = None
                samples.setdefault(arm, []).append((first, total, status))
                if port == self.c["ports"]["edge"]:
                    if 200 <= status < 300:
                        self.edge_2xx += 1
                    else:
                        self.edge_non2xx[status] = self.edge_non2xx.get(status, 0) + 1
        for port, _, sock in conns.values():
            if sock:
                sock.close()

    @staticmethod
    def one_stream(sock, request):
        """Sends one request; returns (µs to the first SSE event, µs to the end, status, keep-alive)."""
        t0 = time.perf_counter_ns()
        sock.sendall(request)
        buf = b""
        first = None
        header_end = -1
        while True:
            data = sock.recv(65536)
            if not data:
                raise SystemExit("stream connection closed early")
            buf += data
            if header_end < 0:
                header_end = buf.find(b"\r\n\r\n")
                if header_end < 0:
                    continue
            body = buf[header_end + 4:]
            if first is None and b"data:" in body:
                first = time.perf_counter_ns()
            head = buf[:header_end].decode("latin-1").lower()
            m = re.search(r"content-length:\s*(\d+)", head)
            if m and len(body) >= int(m.group(1)):
                break
            if not m and (body.endswith(b"\r\n0\r\n\r\n") or body == b"0\r\n\r\n"):
                break
        end = time.perf_counter_ns()
        status = int(buf.split(b" ", 2)[1])
        keep = "connection: close" not in head
        if first is None:
            first = end
        return (first - t0) / 1000, (end - t0) / 1000, status, keep

    # -----------------------------------------------------------------------------------------------------

    def psql(self, sql):
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.c["ports"]["postgres"]), "-U", "postgres", "-d", "tokmodel",
                              "-qAtX", "-F", "|", "-c", sql], capture_output=True, text=True, check=True)
        return out.stdout.strip()

    def admin(self, *args):
        out = subprocess.run([self.c["bin"] + "/tokmodel-admin", "--postgres-url", self.c["postgres_url"], "--redis-url",
                              self.c["redis_url"], *args], capture_output=True, text=True)
        return out

    def wait_settled(self, account, timeout=90):
        """Until Redis holds nothing for the account and the usage count stopped moving."""
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            out = self.admin("credits", "balance", "--account", account, "--json")
            held = json.loads(out.stdout).get("held_nano") if out.returncode == 0 else None
            rows = int(self.psql(f"select count(*) from usage_events u join accounts a on a.id = u.account_id where a.name = '{account}'"))
            if held == 0 and rows == last:
                return rows
            last = rows
            time.sleep(0.5)
        return None

    def billing_check(self):
        rows = self.wait_settled("bench")
        account_id = self.c["account_id"]
        topup = int(self.psql(f"select coalesce(sum(amount_nano),0) from credit_transactions where account_id = {account_id} and kind = 'topup'"))
        costs = int(self.psql(f"select coalesce(sum(cost_nano),0) from usage_events where account_id = {account_id}"))
        balance = int(self.psql(f"select balance_nano from accounts where id = {account_id}"))
        by_status = self.psql(f"select http_status, outcome, usage_source, count(*) from usage_events where account_id = {account_id} "
                              "group by 1,2,3 order by 1,2,3")
        audit = self.admin("audit")
        check = {
            "edge_2xx": self.edge_2xx, "edge_non2xx": self.edge_non2xx, "usage_rows": rows, "topup_nano": topup,
            "costs_nano": costs, "balance_nano": balance, "rows_by_status": by_status.splitlines(),
            "audit_exit": audit.returncode, "audit_output": (audit.stdout + audit.stderr).strip()[-2000:],
        }
        # Served = answered 2xx. Requests refused before admission (4xx) leave no usage row; admitted requests that
        # failed upstream or that the client abandoned do (with their real usage), so they are counted apart.
        rows_2xx = int(self.psql(f"select count(*) from usage_events where account_id = {account_id} and http_status between 200 and 299"))
        check["usage_rows_2xx"] = rows_2xx
        check["rows_ok"] = rows is not None and rows_2xx == self.edge_2xx
        check["balance_ok"] = balance == topup - costs
        check["pass"] = check["rows_ok"] and check["balance_ok"] and audit.returncode == 0
        return check

    def ledger_alone(self):
        results = []
        keys = self.c["ledger_keys"]
        for rep in range(REPEATS):
            for batch in LEDGER_BATCHES:
                before = self.procs.snapshot()
                cmd = [self.c["bin"] + "/tokmodel-bench-ledger", "--socket", self.c["ledger_socket"], "--count", str(LEDGER_COUNT),
                       "--batch", str(batch), "--clients", str(LEDGER_CLIENTS), "--keys", keys]
                out = subprocess.run(cmd, capture_output=True, text=True)
                time.sleep(SETTLE)
                after = self.procs.snapshot()
                with open(os.path.join(self.raw, "ledger-alone.txt"), "a") as f:
                    f.write("$ " + " ".join(cmd) + "\n" + out.stdout + out.stderr + "\n")
                if out.returncode != 0:
                    raise SystemExit(f"tokmodel-bench-ledger failed:\n{out.stdout}\n{out.stderr}")
                r = json.loads(out.stdout.strip().splitlines()[-1])
                r["cpu"] = cpu_delta(before, after)
                r["rep"] = rep
                results.append(r)
                log(f"  ledger alone, batch {batch}: {r['settlements_per_s']:.0f} settlements/s")
        expected = sum(r["acknowledged"] for r in results) + len(results) * LEDGER_CLIENTS  # + warm-up settlements
        ids = ",".join(k.split(":")[0] for k in keys.split(","))
        rows = self.wait_ledger_rows(ids, expected)
        return results, {"expected_rows": expected, "rows": rows}

    def wait_ledger_rows(self, ids, expected, timeout=30):
        deadline = time.monotonic() + timeout
        rows = 0
        while time.monotonic() < deadline:
            rows = int(self.psql(f"select count(*) from usage_events where account_id in ({ids})"))
            if rows >= expected:
                break
            time.sleep(0.3)
        return rows

    def counters(self):
        """Redis commands (by name) and PostgreSQL commits so far: divided by edge requests, they show how much
        work one request costs downstream (batching at work, or not)."""
        out = subprocess.run(["redis-cli", "-p", str(self.c["ports"]["redis"]), "info", "commandstats"], capture_output=True, text=True).stdout
        calls = {m.group(1): int(m.group(2)) for m in re.finditer(r"cmdstat_(\w+):calls=(\d+)", out)}
        commits = int(self.psql("select xact_commit from pg_stat_database where datname = 'tokmodel'"))
        return {"redis": calls, "pg_commits": commits, "edge_2xx": self.edge_2xx}

    def log_findings(self):
        findings = {}
        for name in ("edge", "ledger", "mock"):
            path = os.path.join(self.c["data"], "logs", name + ".log")
            counts = {}
            try:
                with open(path, errors="replace") as f:
                    for line in f:
                        m = re.search(r"\b(warning|error|critical)\b", line[:80])
                        if m:
                            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            except OSError:
                pass
            findings[name] = counts
        return findings

    def memory(self):
        return {name: vm_status(self.c["pids"][name]) for name in ("edge", "ledger")}


# ---------------------------------------------------------------------------------------------------------
# Reports


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(value, digits=0, suffix=""):
    if value is None:
        return "–"
    if digits == 0:
        return f"{value:,.0f}{suffix}"
    return f"{value:,.{digits}f}{suffix}"


def machine_info(config):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break

    def cmd(*args):
        try:
            return subprocess.run(args, capture_output=True, text=True, cwd=ROOT).stdout.strip() or subprocess.run(
                args, capture_output=True, text=True, cwd=ROOT).stderr.strip()
        except OSError:
            return "?"

    commit = cmd("git", "rev-parse", "--short", "HEAD")
    dirty = cmd("git", "status", "--porcelain", "--untracked-files=no")
    return {
        "cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(), "commit": commit + (" (uncommitted changes)" if dirty else ""),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "wrk": (cmd("wrk", "--version").splitlines() or ["?"])[0].split(" Copyright")[0].replace(" [epoll]", ""),
        "nginx": cmd("nginx", "-v"), "postgres": cmd("psql", "--version"), "redis": cmd("redis-server", "--version").split(" sha=")[0],
        "loadavg": open("/proc/loadavg").read().split()[:3],
    }


def summarize(bench, ttfb, billing, ledger, ledger_rows, mem_idle, mem_after, info, elapsed, diagnostics):
    runs = bench.runs
    arms = bench.arms
    per = {}
    for arm in arms:
        def pick(conns, paced):
            return [r for r in runs if r["arm"] == arm and r["conns"] == conns and bool(r["rate"]) == paced and r.get("measured")]
        c32, c4, paced = pick(32, False), pick(4, False), pick(4, True)
        cpu_us = {}
        for proc in ("edge", "ledger", "redis", "postgres", "nginx", "mock", "wrk", "other"):
            cpu_us[proc] = med([r["cpu"][proc] / r["ok"] * 1e6 if r["ok"] else None for r in c32])
        cpu_us4 = {proc: med([r["cpu"][proc] / r["ok"] * 1e6 if r["ok"] else None for r in c4]) for proc in ("edge", "ledger", "redis", "postgres")}
        per[arm] = {
            "rps32": med([r["rps"] for r in c32]), "rps4": med([r["rps"] for r in c4]),
            "p50": med([r["latency_us"]["p50"] for r in paced]), "p99": med([r["latency_us"]["p99"] for r in paced]),
            "closed_p50": med([r["latency_us"]["p50"] for r in c4]), "closed_p99": med([r["latency_us"]["p99"] for r in c4]),
            "achieved_rate": med([r["rps"] for r in paced]), "cpu_us": cpu_us, "cpu_us_c4": cpu_us4,
            "non2xx": sum(sum(r["non2xx"].values()) for r in c32 + c4 + paced),
            "socket_errors": sum(sum(r["errors"][k] for k in ("connect", "read", "write", "timeout")) for r in c32 + c4 + paced),
        }
    # Paired comparisons within each repeat: ratio of requests/s and added p50 versus the reference arm.
    for arm in arms:
        ref = bench.targets[arm][5]
        if not ref or ref not in arms:
            continue
        ratios32, ratios4, added = [], [], []
        for rep in range(REPEATS):
            def one(a, conns, paced):
                return next((r for r in runs if r["arm"] == a and r["conns"] == conns and bool(r["rate"]) == paced and r.get("rep") == rep), None)
            a32, r32 = one(arm, 32, False), one(ref, 32, False)
            a4, r4 = one(arm, 4, False), one(ref, 4, False)
            ap, rp = one(arm, 4, True), one(ref, 4, True)
            if a32 and r32 and r32["rps"]:
                ratios32.append(a32["rps"] / r32["rps"])
            if a4 and r4 and r4["rps"]:
                ratios4.append(a4["rps"] / r4["rps"])
            if ap and rp:
                added.append(ap["latency_us"]["p50"] - rp["latency_us"]["p50"])
        per[arm].update(ratio32=med(ratios32), ratio4=med(ratios4), added_p50=med(added), ref=ref)

    # TTFB: pooled samples over all repeats.
    tt = {}
    for arm, samples in ttfb.items():
        firsts = sorted(s[0] for s in samples)
        totals = sorted(s[1] for s in samples)
        tt[arm] = {"n": len(samples), "ttfb_p50": med(firsts), "ttfb_p99": firsts[min(len(firsts) - 1, int(len(firsts) * 0.99))],
                   "total_p50": med(totals), "non2xx": sum(1 for s in samples if not 200 <= s[2] < 300)}
    added_ttfb = (tt["edge-stream"]["ttfb_p50"] - tt["nginx-stream"]["ttfb_p50"]) if "edge-stream" in tt and "nginx-stream" in tt else None
    added_total = (tt["edge-stream"]["total_p50"] - tt["nginx-stream"]["total_p50"]) if "edge-stream" in tt and "nginx-stream" in tt else None

    by_batch = {}
    for r in ledger:
        by_batch.setdefault(r["batch"], []).append(r)
    ledger_rows_out = []
    for batch, rs in sorted(by_batch.items()):
        rate = med([r["settlements_per_s"] for r in rs])
        cpu = {p: med([r["cpu"][p] / r["acknowledged"] * 1e6 for r in rs]) for p in ("ledger", "postgres", "redis")}
        ledger_rows_out.append({"batch": batch, "rate": rate, "cpu_us": cpu, "runs": [round(r["settlements_per_s"]) for r in rs]})

    gov = per.get("edge", {})
    ours = None
    if gov:
        ours = sum(gov["cpu_us"][p] or 0 for p in ("edge", "ledger", "redis", "postgres"))
    best_ledger = max(ledger_rows_out, key=lambda r: r["rate"]) if ledger_rows_out else None
    ledger_1000 = next((r for r in ledger_rows_out if r["batch"] == 1000), best_ledger)
    targets = [
        ("full governance ≥ 25 % of nginx's requests/s (32 conns / 4 conns), no usage lost",
         f"{fmt(100 * gov.get('ratio32', 0) if gov.get('ratio32') else None, 1)} % / {fmt(100 * gov.get('ratio4', 0) if gov.get('ratio4') else None, 1)} %, billing {'PASS' if billing['pass'] else 'FAIL'}",
         bool(gov.get("ratio32") and gov["ratio32"] >= 0.25 and gov.get("ratio4") and gov["ratio4"] >= 0.25 and billing["pass"])),
        ("edge CPU per request < 60 µs", f"{fmt(gov.get('cpu_us', {}).get('edge'), 1)} µs", bool(gov and gov["cpu_us"]["edge"] is not None and gov["cpu_us"]["edge"] < 60)),
        ("edge + ledger + Redis + PostgreSQL CPU per request < 200 µs", f"{fmt(ours, 1)} µs", bool(ours is not None and ours < 200)),
        ("added p50 over nginx at 4 connections < 150 µs", f"{fmt(gov.get('added_p50'))} µs", bool(gov.get("added_p50") is not None and gov["added_p50"] < 150)),
        ("streaming added TTFB < 0.5 ms", f"{fmt(added_ttfb)} µs", bool(added_ttfb is not None and added_ttfb < 500)),
        ("edge RSS < 60 MB idle", f"{fmt(mem_idle['edge']['VmRSS'], 1)} MiB at start, {fmt(mem_after['edge']['VmRSS'], 1)} MiB idle after load",
         bool(mem_idle["edge"]["VmRSS"] and mem_idle["edge"]["VmRSS"] < 60 and mem_after["edge"]["VmRSS"] < 60)),
        ("ledger ≥ 20,000 settlements/s (at the edge's default batch, 1000)",
         f"{fmt(ledger_1000['rate'] if ledger_1000 else None)} /s (best {fmt(best_ledger['rate'] if best_ledger else None)} /s at batch {best_ledger['batch'] if best_ledger else '–'})",
         bool(ledger_1000 and ledger_1000["rate"] >= 20000)),
    ]

    lines = []
    w = lines.append
    w(f"# TokModel bench — {info['date']}")
    w("")
    w(f"Machine: {info['cpu']}, {info['cores']} cores, Linux {info['kernel']}; load average at start {' '.join(info['loadavg'])}. "
      f"Commit {info['commit']}. {info['wrk']}; {info['nginx']}; {info['postgres']}; {info['redis']}.")
    w(f"Method: {REPEATS} interleaved repeats, medians; closed-loop wrk -t{THREADS} for {DURATION:g} s at 32 and 4 connections; "
      f"latency from a constant-rate run at {RATE} req/s over 4 connections ({PACED_DURATION:g} s); CPU per request from /proc over "
      f"the 32-connection runs. Bench took {elapsed / 60:.1f} min. See docs/performance.md.")
    w("")
    w("| arm | req/s c32 | req/s c4 | vs nginx c32 / c4 | p50 µs | p99 µs | added p50 vs nginx µs | CPU µs/req edge | ledger | Redis | PostgreSQL | edge+ledger+Redis+PG | non-2xx / errors |")
    w("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for arm in arms:
        a = per[arm]
        label = bench.targets[arm][0]
        is_edge = bench.targets[arm][2] and bench.targets[arm][1] == bench.c["ports"]["edge"]
        ratio = f"{fmt(100 * a['ratio32'], 1)} % / {fmt(100 * a['ratio4'], 1)} %" if a.get("ratio32") else "–"
        if is_edge:
            cu = a["cpu_us"]
            total = sum(cu[p] or 0 for p in ("edge", "ledger", "redis", "postgres"))
            cpu_cells = [fmt(cu["edge"], 1), fmt(cu["ledger"], 1), fmt(cu["redis"], 1), fmt(cu["postgres"], 1), fmt(total, 1)]
        else:
            cpu_cells = ["–"] * 5
        w(f"| {label} | {fmt(a['rps32'])} | {fmt(a['rps4'])} | {ratio} | {fmt(a['p50'])} | {fmt(a['p99'])} | "
          f"{fmt(a.get('added_p50')) if a.get('ref') else '–'} | " + " | ".join(cpu_cells) + f" | {a['non2xx']} / {a['socket_errors']} |")
    w("")
    w("Streams, time to first SSE event and to the end, sequential paced streams (4 chunks 2 ms apart), "
      f"{TTFB_N} per target per repeat over kept-alive connections:")
    w("")
    w("| target | n | TTFB p50 µs | TTFB p99 µs | total p50 µs |")
    w("| --- | ---: | ---: | ---: | ---: |")
    for arm, t in tt.items():
        w(f"| {bench.targets[arm][0]} | {t['n']} | {fmt(t['ttfb_p50'])} | {fmt(t['ttfb_p99'])} | {fmt(t['total_p50'])} |")
    w(f"| **edge added (edge − nginx, p50)** | | **{fmt(added_ttfb)}** | | {fmt(added_total)} |")
    w("")
    w("Memory (MiB): " + "; ".join(
        f"{name} RSS {fmt(mem_idle[name]['VmRSS'], 1)} at start, {fmt(mem_after[name]['VmRSS'], 1)} idle after load, peak (VmHWM) {fmt(mem_after[name]['VmHWM'], 1)}"
        for name in ("edge", "ledger")) + ".")
    w("")
    w(f"Billing: the edge answered {billing['edge_2xx']:,} requests with 2xx"
      + (f" and {sum(billing['edge_non2xx'].values()):,} with other statuses {billing['edge_non2xx']}" if billing["edge_non2xx"] else "")
      + f" (all edge arms, warm-up and TTFB requests); usage rows: {billing['usage_rows'] if billing['usage_rows'] is not None else 'not settled'}; "
      f"balance {billing['balance_nano']:,} n$ = top-up {billing['topup_nano']:,} − costs {billing['costs_nano']:,}: "
      f"{'yes' if billing['balance_ok'] else 'NO'}; `tokmodel-admin audit` exit {billing['audit_exit']}. "
      f"**{'PASS' if billing['pass'] else 'FAIL'}**")
    w("")
    w(f"Ledger alone (tokmodel-bench-ledger: {LEDGER_COUNT:,} settlements per run over {LEDGER_CLIENTS} connections, {REPEATS} repeats, medians; "
      f"rows in PostgreSQL {ledger_rows['rows']:,} of {ledger_rows['expected_rows']:,} expected):")
    w("")
    w("| batch | settlements/s | runs | CPU µs/settlement ledger | PostgreSQL | Redis |")
    w("| ---: | ---: | --- | ---: | ---: | ---: |")
    for r in ledger_rows_out:
        w(f"| {r['batch']} | {fmt(r['rate'])} | {', '.join(f'{x:,}' for x in r['runs'])} | {fmt(r['cpu_us']['ledger'], 1)} | "
          f"{fmt(r['cpu_us']['postgres'], 1)} | {fmt(r['cpu_us']['redis'], 1)} |")
    w("")
    w(f"(A batch whose clients keep fewer than 256 settlements in flight — here batch × {LEDGER_CLIENTS} — waits the ledger's "
      "group-commit linger, 20 ms, before each commit: such rows measure that wait, not PostgreSQL.)")
    w("")
    w("Targets:")
    w("")
    w("| target | measured | met |")
    w("| --- | --- | --- |")
    for name, value, ok in targets:
        w(f"| {name} | {value} | {'yes' if ok else '**no**'} |")
    w("| edge RSS flat ±10 % across a 5-minute load | `make bench-soak` (not part of `make bench`) | – |")
    w("")
    measured = [r for r in runs if r.get("measured")]
    noise = med([r["cpu"]["other"] / r["cpu"]["wall"] for r in measured])
    noise_max = max((r["cpu"]["other"] / r["cpu"]["wall"] for r in measured), default=None)
    irq = med([r["cpu"]["irq"] / r["cpu"]["wall"] for r in measured])
    steal = med([r["cpu"]["steal"] / r["cpu"]["wall"] for r in measured])
    w(f"Noise: processes outside the bench used a median {fmt(noise, 2)} cores during the runs (max {fmt(noise_max, 2)}) of "
      f"{info['cores']}; interrupts (mostly loopback traffic, charged to no process) {fmt(irq, 2)} cores; stolen by the hypervisor "
      f"{fmt(steal, 2)} cores. wrk, nginx, the mock and the edge stack share the same cores.")
    rc = diagnostics["redis_calls_per_request"]
    logs = diagnostics["logs"]
    w("Diagnostics over the edge arms: Redis commands per edge request "
      + ", ".join(f"{k} {v:.3f}" for k, v in sorted(rc.items(), key=lambda kv: -kv[1])[:6])
      + f"; PostgreSQL commits per edge request {diagnostics['pg_commits_per_request']:.4f}; log lines "
      + "; ".join(f"{name}: " + (", ".join(f"{n} {lvl}" for lvl, n in sorted(c.items())) or "none") for name, c in logs.items())
      + " (logs: .run/bench/logs, kept until the next bench).")
    summary = {"diagnostics": diagnostics, "per_arm": per, "ttfb": tt, "added_ttfb_us": added_ttfb, "billing": billing, "ledger": ledger_rows_out,
               "ledger_rows": ledger_rows, "memory_idle": mem_idle, "memory_after": mem_after, "info": info,
               "targets": [{"target": t, "measured": v, "met": ok} for t, v, ok in targets]}
    return "\n".join(lines) + "\n", summary


def write_report(text, summary, stamp, prefix, raw_dir, runs):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, f"{prefix}latest.md"), "w") as f:
        f.write(text)
    with open(os.path.join(RESULTS, f"{prefix}{stamp}.md"), "w") as f:
        f.write(text)
    with open(os.path.join(raw_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1, default=str)
    if runs is not None:
        with open(os.path.join(raw_dir, "runs.json"), "w") as f:
            json.dump(runs, f, indent=1, default=str)


# ---------------------------------------------------------------------------------------------------------


def run(config):
    started = time.monotonic()
    bench = Bench(config, "run")
    info = machine_info(config)
    mem_idle = bench.memory()
    log(f"== edge RSS at start {mem_idle['edge']['VmRSS']:.1f} MiB, ledger {mem_idle['ledger']['VmRSS']:.1f} MiB")

    counters_start = bench.counters()
    log("== warm-up")
    for arm in bench.arms:
        bench.wrk(arm, 32, 1, tag="-warmup")
    bench.ttfb_round([a for a in ("mock-stream", "nginx-stream", "edge-stream") if a in bench.targets], 5, {})

    ttfb = {}
    ttfb_targets = ["mock-stream", "nginx-stream", "edge-stream"]
    for rep in range(REPEATS):
        order = bench.arms[rep % len(bench.arms):] + bench.arms[:rep % len(bench.arms)]
        log(f"== repeat {rep + 1}/{REPEATS}: {', '.join(order)}")
        for arm in order:
            for conns, rate, duration in ((32, None, DURATION), (4, None, DURATION), (4, RATE, PACED_DURATION)):
                r = bench.wrk(arm, conns, duration, rate=rate, tag=f"-r{rep}")
                r["measured"] = True
                r["rep"] = rep
            a = [r for r in bench.runs if r.get("rep") == rep and r["arm"] == arm]
            log(f"  {arm:15s} c32 {a[0]['rps']:8.0f}/s  c4 {a[1]['rps']:8.0f}/s  paced p50 {a[2]['latency_us']['p50']:6d} µs "
                f"p99 {a[2]['latency_us']['p99']:6d} µs (achieved {a[2]['rps']:.0f}/s)")
        bench.ttfb_round(ttfb_targets, TTFB_N, ttfb)
        dead = bench.procs.alive()
        if dead:
            raise SystemExit(f"process(es) died during the bench: {', '.join(dead)}")

    log("== billing check (waiting for the ledger to settle)")
    billing = bench.billing_check()
    log(f"  edge 2xx {billing['edge_2xx']}, non-2xx {billing['edge_non2xx']}, usage rows {billing['usage_rows']}, "
        f"balance ok {billing['balance_ok']}, audit exit {billing['audit_exit']}: {'PASS' if billing['pass'] else 'FAIL'}")
    mem_after = bench.memory()
    counters_end = bench.counters()
    served = counters_end["edge_2xx"] - counters_start["edge_2xx"]
    redis_calls = {k: (v - counters_start["redis"].get(k, 0)) / served for k, v in counters_end["redis"].items()
                   if k not in ("info",) and v - counters_start["redis"].get(k, 0) > 0}
    diagnostics = {"redis_calls_per_request": redis_calls,
                   "pg_commits_per_request": (counters_end["pg_commits"] - counters_start["pg_commits"]) / served,
                   "logs": bench.log_findings()}

    log("== ledger alone")
    ledger, ledger_rows = bench.ledger_alone()

    elapsed = time.monotonic() - started
    diagnostics["logs"] = bench.log_findings()
    text, summary = summarize(bench, ttfb, billing, ledger, ledger_rows, mem_idle, mem_after, info, elapsed, diagnostics)
    write_report(text, summary, bench.stamp, "", bench.raw, bench.runs)
    with open(os.path.join(bench.raw, "ttfb.json"), "w") as f:
        json.dump(ttfb, f)
    print(text)
    print(f"written to bench/results/latest.md and bench/results/{bench.stamp}.md (raw: {os.path.relpath(bench.raw, ROOT)})")
    return 0 if billing["pass"] else 1


def soak(config):
    bench = Bench(config, "soak")
    info = machine_info(config)
    pid = config["pids"]["edge"]
    idle = vm_status(pid)["VmRSS"]
    log(f"== soak: edge RSS idle {idle:.1f} MiB; full-governance load at 32 connections for {SOAK_SECONDS} s")
    bench.wrk("edge", 32, 2, tag="-warmup")
    label, port, path, body, headers, _ = bench.targets["edge"]
    env = dict(os.environ, BENCH_BODY_FILE=os.path.join(bench.bodies, body + ".json"), BENCH_HEADERS=headers, BENCH_THREADS=str(THREADS),
               BENCH_RATE="", BENCH_STOP_MS=str(int((SOAK_SECONDS - STOP_MARGIN) * 1000)))
    cmd = ["wrk", f"-t{THREADS}", "-c32", f"-d{SOAK_SECONDS}s", "--timeout", "10s", "-s", LUA, f"http://127.0.0.1:{port}{path}"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples = []
    start = time.monotonic()
    try:
        while proc.poll() is None:
            time.sleep(5)
            if proc.poll() is None:
                samples.append((time.monotonic() - start, vm_status(pid)["VmRSS"]))
                if len(samples) % 12 == 0:
                    log(f"  {samples[-1][0]:5.0f} s  edge RSS {samples[-1][1]:.1f} MiB")
        out, err = proc.communicate()
    finally:
        if proc.poll() is None:
            proc.kill()
    with open(os.path.join(bench.raw, "soak-wrk.txt"), "w") as f:
        f.write(out + err)
    line = next((l for l in out.splitlines() if l.startswith("BENCH_JSON ")), None)
    if line is None:
        raise SystemExit(f"wrk failed:\n{out}\n{err}")
    result = json.loads(line[len("BENCH_JSON "):])
    ok = sum(v for k, v in result["statuses"].items() if 200 <= int(k) < 300)
    bench.edge_2xx += ok
    for k, v in result["statuses"].items():
        if not 200 <= int(k) < 300:
            bench.edge_non2xx[int(k)] = bench.edge_non2xx.get(int(k), 0) + v
    time.sleep(2)
    after_idle = vm_status(pid)
    billing = bench.billing_check()
    warm = [rss for t, rss in samples if t >= 60] or [rss for _, rss in samples]
    reference = warm[0]
    low, high = min(warm), max(warm)
    flat = low >= reference * 0.9 and high <= reference * 1.1
    idle_ok = idle < 60
    lines = [
        f"# TokModel soak — {info['date']}", "",
        f"Machine: {info['cpu']}, {info['cores']} cores, Linux {info['kernel']}. Commit {info['commit']}.",
        f"Load: full-governance chat completions, wrk -t{THREADS} -c32 for {SOAK_SECONDS} s: {ok / (SOAK_SECONDS - STOP_MARGIN):,.0f} req/s, "
        f"{ok:,} 2xx, non-2xx {bench.edge_non2xx or 0}, socket errors {result['errors']}.", "",
        "| edge RSS | MiB |", "| --- | ---: |",
        f"| idle before load | {idle:.1f} |",
        f"| at 60 s (reference) | {reference:.1f} |",
        f"| min / max from 60 s to the end | {low:.1f} / {high:.1f} |",
        f"| at the end of the load | {samples[-1][1]:.1f} |" if samples else "| at the end | – |",
        f"| idle after load | {after_idle['VmRSS']:.1f} |",
        f"| peak (VmHWM) | {after_idle['VmHWM']:.1f} |", "",
        f"- edge RSS < 60 MB idle: {'yes' if idle_ok else '**no**'}",
        f"- edge RSS flat ±10 % across the load (every sample from 60 s on within ±10 % of the 60 s sample): {'yes' if flat else '**no**'}",
        f"- billing: usage rows {billing['usage_rows']} for {billing['edge_2xx']} 2xx, balance = top-up − costs: "
        f"{'yes' if billing['balance_ok'] else 'NO'}, audit exit {billing['audit_exit']}: **{'PASS' if billing['pass'] else 'FAIL'}**", "",
        "Samples (s: MiB): " + ", ".join(f"{t:.0f}: {rss:.1f}" for t, rss in samples),
    ]
    text = "\n".join(lines) + "\n"
    write_report(text, {"samples": samples, "billing": billing, "idle": idle, "after": after_idle, "wrk": result}, bench.stamp, "soak-", bench.raw, None)
    print(text)
    print(f"written to bench/results/soak-latest.md and bench/results/soak-{bench.stamp}.md")
    return 0 if (flat and idle_ok and billing["pass"]) else 1


def main():
    # scripts/bench.sh sends SIGTERM when it is stopped: exit through the exception path, which kills a running
    # wrk (subprocess.run does on any exception; soak's Popen has a finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(sys.argv) != 3 or sys.argv[1] not in ("run", "soak"):
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[2]) as f:
        config = json.load(f)
    return run(config) if sys.argv[1] == "run" else soak(config)


if __name__ == "__main__":
    sys.exit(main())
