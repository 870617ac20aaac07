#!/usr/bin/env bash
# npm test's guard for the system-1.1.1 oracle: when no libcrypto.so.1.1 is present (system-wide
# or already unpacked into .cache/), unpack Debian's libssl1.1 privately into .cache/ with
# scripts/install-libssl11.sh (no change to the machine's packages). CI installs it system-wide
# (.ci/run, as root) and never gets here. Fails, with the installer's message, when Debian's
# mirror cannot be reached: the specs that compare against real OpenSSL 1.1.1w need it.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for lib in ${RANDSHIM_LIBCRYPTO111:-} /usr/lib/x86_64-linux-gnu/libcrypto.so.1.1 /lib/x86_64-linux-gnu/libcrypto.so.1.1 \
           "$repo/.cache/libssl1.1/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1"; do
  if [ -e "$lib" ]; then echo "ensure-libssl11: found $lib"; exit 0; fi
done
LIBSSL11_PRIVATE=1 exec "$repo/scripts/install-libssl11.sh"
