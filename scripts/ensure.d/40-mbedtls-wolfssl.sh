#!/usr/bin/env bash
# Mbed TLS 2.28 (bookworm), Mbed TLS 3.6 (trixie) and wolfSSL 5.5 (bookworm), unpacked into
# .cache/ for the peers campaigns (test/peers/).
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-mbedtls-wolfssl.sh"
