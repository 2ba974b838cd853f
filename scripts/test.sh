#!/usr/bin/env bash
# The whole test suite: type check, bundle, unit tests, then the suites that need
# a real 389 Directory Server and a real VS Code (each installs and starts what it needs).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type check"
npx tsc -p tsconfig.json --noEmit
echo "== build"
node scripts/build.mjs
echo "== unit tests"
node scripts/run-unit-tests.mjs
