#!/usr/bin/env bash
# The FIPS-provider configurations a reviewer loads, per live line (3.5, 3.6, 4.0), each written
# by that line's own `openssl fipsinstall` (the module MAC is per build; man openssl-fipsinstall(1))
# into <repo>/.cache/fips-configs/<line>/<config>/{fipsmodule.cnf,fips.cnf}:
#
#   default     fipsinstall (no option)                 drbg-no-trunc-md = 0, KATs at every load
#   no-trunc    fipsinstall -no_drbg_truncated_digests  drbg-no-trunc-md = 1
#   onload      fipsinstall -self_test_onload           (3.1+ default; explicit here)
#   defer       fipsinstall -defer_tests                4.0 only: defer-tests = 1
#
# fips.cnf is what OSSL_LIB_CTX_load_config reads: it includes that fipsmodule.cnf and activates
# the fips and base providers. Needs the lines of scripts/ensure.d/20-openssl-lines.sh (run
# first: name order). Idempotent; one line of output; non-zero exit with a message on failure.
# shellcheck source=../lib/installer.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/installer.sh" fips-configs
# shellcheck source=../lib/openssl-line.sh
source "$repo/scripts/lib/openssl-line.sh"
lines_cache="$repo/.cache/openssl-lines"
out="$repo/.cache/fips-configs"
arch_dir=usr/lib/x86_64-linux-gnu

configs_of() { case $1 in 4.0) echo default no-trunc onload defer;; *) echo default no-trunc onload;; esac; }
option_of() {
  case $1 in default) ;; no-trunc) echo -no_drbg_truncated_digests;; onload) echo -self_test_onload;;
             defer) echo -defer_tests;; esac
}

written=0
summary=()
for line in 3.5 3.6 4.0; do
  dir="$lines_cache/$line"
  root="$dir/root"
  lib="$root/$arch_dir"
  [ -e "$dir/line.json" ] || die "line $line is not installed ($dir/line.json missing): run bash scripts/install-openssl-lines.sh"
  [ -e "$lib/ossl-modules/fips.so" ] || die "line $line has no fips.so ($lib/ossl-modules/fips.so)"
  for config in $(configs_of "$line"); do
    cdir="$out/$line/$config"
    # A config is current when it was written for this fips.so (its size, mtime and absolute path
    # recorded): a cache copied with a moved checkout (CI clones elsewhere) is rewritten, since
    # fips.cnf includes fipsmodule.cnf by absolute path.
    stamp="$(stat -c '%s %Y' "$lib/ossl-modules/fips.so") $lib/ossl-modules/fips.so"
    if [ -e "$cdir/fips.cnf" ] && [ "$(cat "$cdir/module" 2>/dev/null)" = "$stamp" ]; then continue; fi
    mkdir -p "$cdir"
    opt=$(option_of "$config")
    # shellcheck disable=SC2086 # $opt is one option or none
    line_openssl "$dir" fipsinstall -quiet $opt -out "$cdir/fipsmodule.cnf" -module "$lib/ossl-modules/fips.so" \
      >"$cdir/fipsinstall.log" 2>&1 \
      || die "line $line: fipsinstall $opt failed (see $cdir/fipsinstall.log): $(tail -n 2 "$cdir/fipsinstall.log" | tr '\n' ' ')"
    write_fips_cnf "$cdir/fips.cnf" "$cdir/fipsmodule.cnf" \
      "# Loads line $line's FIPS provider (\"fipsinstall${opt:+ $opt}\") and base: OSSL_LIB_CTX_load_config."
    echo "fipsinstall${opt:+ $opt}" > "$cdir/options"
    echo "$stamp" > "$cdir/module"
    written=$((written + 1))
  done
  summary+=("$line ($(configs_of "$line" | wc -w))")
done
echo "fips-configs: ${written} written, configurations ${summary[*]} in ${out#"$repo"/}"
