#!/usr/bin/env bash
# Runs every test: unit, HTTP integration (SQLite and PostgreSQL), architecture and browser tests.
# Installs the Debian packages the tests need first, so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")"

bash scripts/install-test-deps.sh

log=$(mktemp)
status=0
dotnet test Governance.sln -c Release 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test assemblies.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1)
         if ($i == "Passed:")  p += $(i+1)
         if ($i == "Skipped:") s += $(i+1)
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
