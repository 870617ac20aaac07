#!/usr/bin/env bash
# OpenSSL 3.5 LTS (trixie), 3.6 (sid) and 4.0 (experimental), unpacked privately with their own
# C library, for the child-process builds system-3.5 / system-3.6 / system-4.0.
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-openssl-lines.sh"
