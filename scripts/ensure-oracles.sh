#!/usr/bin/env bash
# npm test's (and npm start's) guard for the real implementations the suites compare against:
# runs every scripts/ensure.d/*.sh in name order. Each one finds its build (system-wide or in
# .cache/) or installs it privately from Debian's packages, prints one line, and fails with a
# clear message when it cannot: a suite that needs a missing oracle must not pass silently.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for step in "$repo"/scripts/ensure.d/*.sh; do
  [ -e "$step" ] || continue
  bash "$step"
done
