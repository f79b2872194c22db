#!/usr/bin/env bash
# `make test`: unit and integration tests (`swift test`) against a real PostgreSQL and Redis started here,
# then end-to-end tests driving the running processes with the official Python SDKs.
#
# A missing server fails the run: the integration tests never skip.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA=.run/test
PG_PORT=${TOKMODEL_TEST_PG_PORT:-54330}
REDIS_PORT=${TOKMODEL_TEST_REDIS_PORT:-63800}
EDGE_PORT=${TOKMODEL_TEST_EDGE_PORT:-18080}
MOCK_PORT=${TOKMODEL_TEST_MOCK_PORT:-19090}
BIN=.build/debug

cleanup() {
    scripts/e2e-stack.sh stop "$DATA/e2e" || true
    scripts/services.sh stop "$DATA" || true
}
trap cleanup EXIT
scripts/services.sh stop "$DATA" >/dev/null 2>&1 || true
rm -rf "$DATA"
scripts/services.sh start "$DATA" "$PG_PORT" "$REDIS_PORT"

# Integration tests get their own database and Redis database; the e2e stack uses `tokmodel` and db 0.
psql_cmd=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qAt)
"${psql_cmd[@]}" -c "create database tokmodel_it" >/dev/null
export TOKMODEL_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/tokmodel_it"
export TOKMODEL_TEST_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/1"
export TOKMODEL_TEST_PG_PORT=$PG_PORT TOKMODEL_TEST_REDIS_PORT=$REDIS_PORT TOKMODEL_TEST_DATA="$PWD/$DATA"

echo "== swift build"
swift build --build-tests 2>&1 | grep -Ev '^(\[|Building|Compiling|Write|Linking|warning: prohibited)' || true
echo "== swift test"
status=0
swift test --skip-build >"$DATA/swift-test.log" 2>&1 || status=$?
grep -E "^(✘|Test Suite .* failed|.*error:)|recorded an issue|XCTAssert" "$DATA/swift-test.log" | head -n 60 || true
grep -E "Test run with|Executed [0-9]+ test" "$DATA/swift-test.log" | tail -n 3
[ "$status" = 0 ] || { echo "swift test failed (full log: $DATA/swift-test.log)" >&2; exit "$status"; }

echo "== end-to-end (official SDKs)"
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/pip install -q --disable-pip-version-check -r Tests/e2e/requirements.txt
scripts/e2e-stack.sh start "$DATA/e2e" "$BIN" "postgres://postgres@127.0.0.1:$PG_PORT/tokmodel" \
    "redis://127.0.0.1:$REDIS_PORT/0" "$EDGE_PORT" "$MOCK_PORT"
TOKMODEL_E2E_BASE_URL="http://127.0.0.1:$EDGE_PORT/v1" TOKMODEL_ADMIN="$PWD/$BIN/tokmodel-admin" \
TOKMODEL_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/tokmodel" TOKMODEL_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
TOKMODEL_E2E_DATA="$PWD/$DATA/e2e" \
    .venv/bin/python -m pytest -q -p no:cacheprovider Tests/e2e
scripts/e2e-stack.sh stop "$DATA/e2e"

echo "== fault tests (kill -9, PostgreSQL and Redis restarts, two edges and two ledgers)"
mkdir -p "$DATA/faults"
TOKMODEL_BIN="$PWD/$BIN" TOKMODEL_FAULT_DATA="$PWD/$DATA/faults" \
TOKMODEL_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/tokmodel" TOKMODEL_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
    .venv/bin/python -m pytest -q -s -p no:cacheprovider Tests/faults
echo "== all tests passed"
