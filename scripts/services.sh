#!/usr/bin/env bash
# Starts and stops a private PostgreSQL and Redis for TokModel, bound to 127.0.0.1, with their data under a
# folder of the project (git-ignored). Used by `make run` and `make test`.
#
#   scripts/services.sh start DATA_DIR PG_PORT REDIS_PORT   # idempotent; reuses existing data
#   scripts/services.sh stop  DATA_DIR
#   scripts/services.sh postgres-stop|postgres-start DATA_DIR PG_PORT  (fault tests)
#   scripts/services.sh redis-stop|redis-start DATA_DIR REDIS_PORT
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user.
set -euo pipefail

cmd=${1:?usage: services.sh start|stop DATA_DIR [PG_PORT REDIS_PORT]}
data=${2:?data dir}
mkdir -p "$data"
data=$(cd "$data" && pwd)

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
    echo "$dir"
}

as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

postgres_start() {
    local port=$1 bin
    bin=$(pg_bin)
    mkdir -p "$data/postgres"
    if [ "$(id -u)" = 0 ]; then chown postgres "$data" "$data/postgres"; fi
    if [ ! -f "$data/postgres/db/PG_VERSION" ]; then
        as_pg "$bin/initdb" -D "$data/postgres/db" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$data/postgres/initdb.log" 2>&1 ||
            { cat "$data/postgres/initdb.log" >&2; exit 1; }
    fi
    if as_pg "$bin/pg_ctl" -D "$data/postgres/db" status >/dev/null 2>&1; then return 0; fi
    as_pg "$bin/pg_ctl" -D "$data/postgres/db" -l "$data/postgres/server.log" -w -t 60 \
        -o "-p $port -k $data/postgres -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null
    for _ in $(seq 1 50); do
        if as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "select 1" >/dev/null 2>&1; then break; fi
        sleep 0.2
    done
    if ! as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc "select 1 from pg_database where datname='tokmodel'" | grep -q 1; then
        as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database tokmodel" >/dev/null
    fi
}

postgres_stop() {
    local bin
    bin=$(pg_bin)
    if [ -f "$data/postgres/db/PG_VERSION" ]; then
        as_pg "$bin/pg_ctl" -D "$data/postgres/db" -m fast -w stop >/dev/null 2>&1 || true
    fi
}

redis_start() {
    local port=$1
    mkdir -p "$data/redis"
    if [ -f "$data/redis/redis.pid" ] && kill -0 "$(cat "$data/redis/redis.pid")" 2>/dev/null; then return 0; fi
    command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; exit 1; }
    redis-server --port "$port" --bind 127.0.0.1 --dir "$data/redis" --daemonize yes \
        --pidfile "$data/redis/redis.pid" --logfile "$data/redis/redis.log" --save "" --appendonly no >/dev/null
    for _ in $(seq 1 50); do
        if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then return 0; fi
        sleep 0.1
    done
    echo "redis did not start; see $data/redis/redis.log" >&2
    exit 1
}

redis_stop() {
    if [ -f "$data/redis/redis.pid" ]; then
        local pid
        pid=$(cat "$data/redis/redis.pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        rm -f "$data/redis/redis.pid"
    fi
}

case "$cmd" in
    start)
        postgres_start "${3:?PG_PORT}"
        redis_start "${4:?REDIS_PORT}"
        ;;
    stop)
        redis_stop
        postgres_stop
        ;;
    postgres-start) postgres_start "${3:?PG_PORT}" ;;
    postgres-stop) postgres_stop ;;
    redis-start) redis_start "${3:?REDIS_PORT}" ;;
    redis-stop) redis_stop ;;
    *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
