#!/usr/bin/env bash
# npm test's (and npm start's) guard for the real implementations the suites compare against:
# runs every scripts/ensure.d/*.sh in name order. Each one finds its build (system-wide or in
# .cache/) or installs it privately from Debian's packages, prints one line, and fails with a
# clear message when it cannot: a suite that needs a missing oracle must not pass silently.
#
#   --keep-going   (npm start) run every step even when one fails, and exit 0: the report then
#                  names each unavailable oracle with its reason instead of not running at all.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
keep_going=0
[ "${1:-}" = --keep-going ] && keep_going=1
for step in "$repo"/scripts/ensure.d/*.sh; do
  [ -e "$step" ] || continue
  if [ "$keep_going" = 1 ]; then
    bash "$step" || echo "ensure-oracles: $(basename "$step") failed; the report will say what is missing" >&2
  else
    bash "$step"
  fi
done
