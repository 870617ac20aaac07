#!/usr/bin/env bash
# Builds OpenSSL's own random-layer C tests, unchanged, from the source packages that
# scripts/fetch-openssl-tests.sh unpacked, against the real shared libraries the oracles load:
#
#   1.1.1w: test/drbgtest.c, test/drbg_cavs_test.c (+ drbg_cavs_data.c)  -> libcrypto.so.1.1
#   3.0:    test/drbgtest.c, test/rand_test.c, test/rand_status_test.c,
#           test/acvp_test.c                                              -> libcrypto.so.3
#           test/evp_extra_test.c -> libssl-dev's static libcrypto.a (it needs two functions
#           the shared library does not export)
#
# into <repo>/.cache/openssl-tests-build/<line>/<test>, with OpenSSL's test framework
# (test/testutil/*.c, and for 3.0 apps/lib/opt.c, which testutil's option parsing needs)
# compiled from the same source tree into a libtestutil.a, as OpenSSL's build does.
# Headers: Debian's libssl-dev of that suite for the
# generated public ones (opensslconf.h, 3.0's configuration.h, crypto.h, ...), the source
# tree's include/ for the internal ones the tests include (crypto/rand/rand_local.h,
# providers/implementations/rands/drbg_local.h, crypto/evp/evp_local.h): those only describe
# struct layouts, read at compile time; every function the tests call is exported by the
# shared library (test/openssl-tests/originals.spec.ts checks each undefined symbol with nm -D),
# except for evp_extra_test.c (see below).
# The binaries get an rpath to the library's folder, so they run against exactly that file.
#
# Libraries: RANDSHIM_LIBCRYPTO111 or the system's or .cache/libssl1.1's libcrypto.so.1.1 (see
# scripts/ensure-libssl11.sh); RANDSHIM_LIBCRYPTO3 or the system's libcrypto.so.3.
# Idempotent (a binary newer than its sources is kept). One line of output; a clear message on
# stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "build-openssl-tests: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
src_root="$repo/.cache/openssl-src"
out_root="$repo/.cache/openssl-tests-build"
command -v gcc >/dev/null || die "missing tool: gcc (apt-get install -y gcc)"

find_lib() { # <candidates...>: the first that exists
  for lib in "$@"; do [ -n "$lib" ] && [ -e "$lib" ] && { echo "$lib"; return 0; }; done
  return 1
}
lib111=$(find_lib "${RANDSHIM_LIBCRYPTO111:-}" /usr/lib/x86_64-linux-gnu/libcrypto.so.1.1 \
  /lib/x86_64-linux-gnu/libcrypto.so.1.1 "$repo/.cache/libssl1.1/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1") \
  || die "no libcrypto.so.1.1 (run bash scripts/ensure-libssl11.sh)"
lib3=$(find_lib "${RANDSHIM_LIBCRYPTO3:-}" /usr/lib/x86_64-linux-gnu/libcrypto.so.3) \
  || die "no libcrypto.so.3 (apt-get install -y libssl3)"

built=()
includes() { # <line>: the include path (see the header comment)
  local tree="$src_root/$1/source" dev="$src_root/$1/libssl-dev/usr/include"
  echo "-I$dev/x86_64-linux-gnu -I$dev -I$tree/include -I$tree/apps/include -I$tree -I$tree/test" \
       "-I$tree/providers/common/include -I$tree/providers/implementations/include"
}

testutil() { # <line>: .cache/openssl-tests-build/<line>/libtestutil.a, as OpenSSL's build makes it
  # An archive, so that a test's own cleanup_tests / test_get_options win over testutil's
  # defaults (test_cleanup.c, test_options.c), as with OpenSSL's libtestutil.a.
  local line=$1 tree="$src_root/$1/source" out="$out_root/$1/libtestutil.a"
  local sources=("$tree"/test/testutil/*.c)
  [ -f "$tree/apps/lib/opt.c" ] && sources+=("$tree/apps/lib/opt.c")
  if [ -f "$out" ] && [ -z "$(find "${sources[@]}" -newer "$out" | head -n 1)" ]; then return 0; fi
  local objs="$out_root/$line/testutil-obj"
  rm -rf "$objs" && mkdir -p "$objs"
  # shellcheck disable=SC2046
  (cd "$objs" && gcc -O1 -w -c $(includes "$line") "${sources[@]}" >"$objs.log" 2>&1) \
    || die "gcc of $line test/testutil failed (see $objs.log): $(tail -n 3 "$objs.log" | tr '\n' ' ')"
  rm -f "$out" && ar rcs "$out" "$objs"/*.o
}

build() { # <line> <library> <test> <extra sources...>
  local line=$1 lib=$2 name=$3; shift 3
  local tree="$src_root/$line/source"
  [ -f "$src_root/$line/.complete" ] || die "OpenSSL $line sources missing (run bash scripts/fetch-openssl-tests.sh)"
  local out="$out_root/$line/$name"
  mkdir -p "$out_root/$line"
  testutil "$line"
  local sources=("$tree/test/$name.c")
  for extra in "$@"; do sources+=("$tree/$extra"); done
  local archive="$out_root/$line/libtestutil.a"
  if [ -x "$out" ] && [ -z "$(find "${sources[@]}" "$archive" "$lib" -newer "$out" 2>/dev/null | head -n 1)" ]; then
    built+=("$line/$name"); return 0
  fi
  local link=("$lib")
  case "$lib" in
    *.a) link+=(-ldl);;                                   # static: what libcrypto.a needs
    *) link+=("-Wl,-rpath,$(dirname "$(readlink -f "$lib")")");;  # one option
  esac
  # shellcheck disable=SC2046
  gcc -O1 -w -o "$out.tmp" $(includes "$line") "${sources[@]}" "$archive" "${link[@]}" -lpthread >"$out.log" 2>&1 \
    || die "gcc of $line test/$name.c failed (see $out.log): $(tail -n 3 "$out.log" | tr '\n' ' ')"
  mv "$out.tmp" "$out"
  built+=("$line/$name")
}

build 1.1.1w "$lib111" drbgtest
build 1.1.1w "$lib111" drbg_cavs_test test/drbg_cavs_data.c
build 3.0 "$lib3" drbgtest
build 3.0 "$lib3" rand_test
build 3.0 "$lib3" rand_status_test
build 3.0 "$lib3" acvp_test
# evp_extra_test.c calls evp_pkey_copy_downgraded and evp_keymgmt_util_export, which
# libcrypto.so.3 does not export: it links only against the static libcrypto.a of libssl-dev.
build 3.0 "$src_root/3.0/libssl-dev/usr/lib/x86_64-linux-gnu/libcrypto.a" evp_extra_test

echo "build-openssl-tests: ${#built[@]} programs in ${out_root#"$repo"/} (${lib111##*/}, ${lib3##*/})"
