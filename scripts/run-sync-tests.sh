#!/usr/bin/env bash
# Sync tests against the winsync lab (scripts/lab.sh: Samba AD DC + 389-DS with a Windows sync
# agreement). Brings the lab up (installing and creating what is missing), runs test/sync/*.test.ts
# one file at a time, and takes the lab down again unless it was up before (LAB_KEEP=1 keeps it up).
# Extra arguments go to node --test (e.g. --test-name-pattern=unsync, or a single file).
set -euo pipefail
cd "$(dirname "$0")/.."

LAB=scripts/lab.sh
was_up=""
bash "$LAB" status 2>/dev/null | grep '^samba: running' >/dev/null && was_up=1
if [ -z "$was_up" ] && [ -z "${LAB_KEEP:-}" ]; then
  trap 'bash "$LAB" down || true' EXIT
fi
trap 'exit 130' INT TERM

t0=$SECONDS
timeout 900 bash "$LAB" up >/dev/null
echo "== winsync lab ready in $((SECONDS - t0)) s"

while IFS='=' read -r name value; do export "$name=$value"; done < <(bash "$LAB" env)

files=()
for arg in "$@"; do case "$arg" in *.test.ts) files+=("$arg") ;; esac; done
args=()
for arg in "$@"; do case "$arg" in *.test.ts) ;; *) args+=("$arg") ;; esac; done
if [ "${#files[@]}" = 0 ]; then
  shopt -s nullglob
  files=(test/sync/*.test.ts)
fi
[ "${#files[@]}" -gt 0 ] || { echo "no sync test files" >&2; exit 1; }
timeout -k 10 900 node --import tsx --test --test-concurrency=1 "${args[@]}" "${files[@]}"
