#!/usr/bin/env bash
# The whole test suite: type check, lint and format check, bundle, unit tests, then the suites that need
# a real 389 Directory Server, a real sync with a Samba AD DC, and a real VS Code (each installs and
# starts what it needs).
set -euo pipefail
cd "$(dirname "$0")/.."

# The run's own temp folder: whatever a test leaves there is found at the end (and removed),
# without confusing it with other processes' files in /tmp.
RUN_TMP=$(mktemp -d "${TMPDIR:-/tmp}/winsync-test-run.XXXXXX")
LAB_STARTED=
cleanup() {
  if [ -n "$LAB_STARTED" ]; then bash scripts/lab.sh down >/dev/null 2>&1 || true; fi
  rm -rf "$RUN_TMP"
}
trap cleanup EXIT
export TMPDIR=$RUN_TMP

echo "== type check"
npx tsc -p tsconfig.json --noEmit
echo "== lint and format"
npx eslint .
npx prettier --check . --log-level warn
echo "== build"
node scripts/build.mjs
echo "== unit tests"
node scripts/run-unit-tests.mjs
echo "== real 389 Directory Server"
# installs 389-ds-base when missing, starts an instance on 127.0.0.1, stops it by PID at the end
bash scripts/run-integration-tests.sh
echo "== real winsync: Samba AD DC + 389-DS (scripts/lab.sh)"
# installs Samba when missing, brings the lab up (network namespace + veth pair, Samba, 389-DS with
# a Windows sync agreement), runs test/sync; the lab stays up for the editor tests below and is
# taken down on exit, unless it was up before this run.
if ! bash scripts/lab.sh status 2>/dev/null | grep '^samba: running' >/dev/null; then
  LAB_STARTED=1
fi
LAB_KEEP=1 timeout -k 30 1200 bash scripts/run-sync-tests.sh
echo "== real VS Code"
# chromium + code-server 4.100.3 (VS Code 1.100.3) in ~/.cache, once; then the in-editor suite
# and the UI test of the packaged .vsix. Screenshots, and the logs of a failure: .test-artifacts/e2e/.
bash scripts/e2e/install.sh
timeout -k 30 600 node scripts/e2e/run.mjs
echo "== temp folder"
leftovers=$(find "$RUN_TMP" -mindepth 1 -maxdepth 1 \( -name 'winsync-*' -o -name 'wsl-*' \) -printf '%f\n' | sort)
if [ -n "$leftovers" ]; then
  echo "the tests left these folders in the temp folder (create them with tempDir() of test/tempDir.ts, or remove them):" >&2
  echo "$leftovers" >&2
  exit 1
fi
echo "nothing left behind"
