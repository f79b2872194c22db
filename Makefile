# TokModel: the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: run test build release deps bench bench-soak bench-publish clean

deps:
	@scripts/install-deps.sh

build: deps
	swift build

release: deps
	swift build -c release

## Start PostgreSQL, Redis, the ledger, an edge on 127.0.0.1:8080 and the mock provider, with a demo key.
run: release
	@scripts/run-local.sh

## Unit + integration tests against real PostgreSQL and Redis, then end-to-end tests with the official SDKs.
test: deps
	@scripts/test.sh

## Benchmark: release build, a private stack (PostgreSQL, Redis, ledger, edge, mock, nginx) and wrk; prints one
## table and writes bench/results/latest.md (method: docs/performance.md). Under 10 minutes from a fresh clone.
bench:
	@scripts/install-deps.sh bench
	@set -o pipefail; swift build -c release 2>&1 | { grep -Ev '^(\[|Building|Compiling|Write|Linking|warning: prohibited)' || true; }
	@scripts/bench.sh

## Optional: edge memory across a 5-minute full-governance load (BENCH_SOAK_SECONDS); bench/results/soak-latest.md.
bench-soak:
	@scripts/install-deps.sh bench
	@set -o pipefail; swift build -c release 2>&1 | { grep -Ev '^(\[|Building|Compiling|Write|Linking|warning: prohibited)' || true; }
	@scripts/bench.sh soak

## Copies bench/results/latest.md into README.md and docs/performance.md (between the bench markers).
bench-publish:
	@scripts/bench-publish.py

clean:
	rm -rf .build .run .venv
