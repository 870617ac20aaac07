#!/usr/bin/env bash
# mirage-crypto-rng 0.10.7 (Debian bookworm's libmirage-crypto-ocaml-dev) and the OCaml driver the
# Fortuna and Hmac_drbg campaigns replay their scripts on (interop/builds/mirage-crypto/).
exec bash "$(dirname "${BASH_SOURCE[0]}")/../install-mirage-crypto.sh"
