#!/usr/bin/env bash
# OpenSSL 1.1.1w (Debian bullseye's libssl1.1) for the system-1.1.1 oracle.
exec bash "$(dirname "${BASH_SOURCE[0]}")/../ensure-libssl11.sh"
