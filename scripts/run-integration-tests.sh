#!/usr/bin/env bash
# Integration tests against a real 389 Directory Server on 127.0.0.1.
# Installs 389-ds-base when missing, creates/starts/seeds the instance (scripts/ds389.sh),
# runs test/integration/*.test.ts one file at a time, and always stops the server again.
# Extra arguments are passed to node --test (e.g. --test-name-pattern=StartTLS).
set -euo pipefail
cd "$(dirname "$0")/.."

DS=scripts/ds389.sh

# ds389.sh stops ns-slapd by the PID in its pid file, and waits (bounded) until it is gone.
trap 'bash "$DS" stop || true' EXIT
trap 'exit 130' INT TERM

# Some tests run the CLI as users do: dist/cli.js, as its own process.
node scripts/build.mjs

t0=$SECONDS
bash "$DS" all
echo "== 389-DS ready in $((SECONDS - t0)) s"

# The variables the tests read (URLs, CA file, bind DN, password *file*: never the password itself).
while IFS='=' read -r name value; do export "$name=$value"; done < <(bash "$DS" env)

shopt -s nullglob
files=(test/integration/*.test.ts)
if [ "${#files[@]}" = 0 ]; then echo "no integration test files" >&2; exit 1; fi
timeout -k 10 900 node --import tsx --test --test-concurrency=1 "$@" "${files[@]}"
