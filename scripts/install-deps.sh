#!/usr/bin/env bash
# Installs the Debian packages TokModel needs, if missing (root, or sudo). Swift itself is expected at
# /opt/swift or on PATH (swift.org toolchains are not Debian packages).
#
#   scripts/install-deps.sh            build + run + test needs
#   scripts/install-deps.sh bench      also nginx and wrk for `make bench`
set -euo pipefail

packages=(pkg-config libpq-dev libcurl4-openssl-dev libhiredis-dev postgresql redis-server python3 python3-venv curl)
# Debian 12: `nginx` is the server itself (nginx-light there is only a metapackage adding the echo module).
if [ "${1:-}" = bench ]; then packages+=(nginx wrk); fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A python3 that already has venv (e.g. pyenv) makes python3-venv unnecessary.
if python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    missing=("${missing[@]/python3-venv/}")
    missing=("${missing[@]/python3/}")
fi
list=$(printf '%s ' "${missing[@]}" | xargs echo -n)

if [ -n "$list" ]; then
    echo "installing: $list"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $list >/dev/null
fi

# Debian starts the packaged servers; TokModel runs its own, so the system ones are not needed.
if command -v swift >/dev/null 2>&1 || [ -x /opt/swift/usr/bin/swift ]; then
    exit 0
fi
echo "Swift 6.2 or later is required: install a toolchain from https://www.swift.org/install/linux/ and put it on PATH." >&2
exit 1
