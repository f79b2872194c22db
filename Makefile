# TokModel: the two set-up commands are `make run` and `make test` (see README.md).
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: run test build release deps bench clean

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

clean:
	rm -rf .build .run .venv
