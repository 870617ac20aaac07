#!/usr/bin/env bash
# OpenSSL's own random-layer tests (test/openssl-tests): the 1.1.1w and 3.0 source packages
# (scripts/fetch-openssl-tests.sh) and the unchanged C tests built against the real libraries
# (scripts/build-openssl-tests.sh, needs gcc). One line of output.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/fetch-openssl-tests.sh" >/dev/null
bash "$here/build-openssl-tests.sh"
