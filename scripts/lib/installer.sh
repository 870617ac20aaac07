# shellcheck shell=bash
# Sourced first by an installer in scripts/ or scripts/ensure.d/, with its name as the argument:
#
#   source "$(dirname "${BASH_SOURCE[0]}")/../lib/installer.sh" NAME
#
# what every one of them starts with: strict mode (set -euo pipefail), die() that prints
# "NAME: <message>" on stderr and exits 1 (each installer fails with its own prefix), and
# repo, the repository's root (found from this file's place, wherever the installer sits).
set -euo pipefail

installer_name=$1
die() { echo "$installer_name: $*" >&2; exit 1; }

# shellcheck disable=SC2034 # repo is for the installer that sources this file
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
