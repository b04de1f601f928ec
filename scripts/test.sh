#!/usr/bin/env bash
# Runs every test: type check, then unit, integration (PGlite and PostgreSQL), HTTP and
# browser tests through node's test runner. Node 20 does not expand globs, so the file list
# is built here.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc --noEmit
mapfile -t files < <(find src test e2e \( -name '*.test.ts' -o -name '*.test.tsx' \) | sort)
exec timeout "${BARAZA_TEST_TIMEOUT:-1500}" node --import tsx --test "${files[@]}"
