#!/usr/bin/env bash
# Installs the live OpenSSL lines privately, for the child-process builds of
# interop/builds/openssl-lines/: Debian trixie's 3.5 LTS, sid's 3.6 and experimental's 4.0,
# each unpacked (dpkg -x, never dpkg -i) together with the C library of its suite, because these
# packages need a newer glibc than the machine's:
#
#   line  OpenSSL packages (suite)                                   libc6, libzstd1, zlib1g
#   3.5   libssl3t64 openssl openssl-provider-fips (trixie)           trixie
#   3.6   libssl3t64 openssl openssl-provider-fips/-legacy (sid)      sid
#   4.0   libssl4    openssl openssl-provider-fips/-legacy (experim.) sid
#
# into <repo>/.cache/openssl-lines/<line>/root/, then runs that line's own `openssl fipsinstall`
# (the module MAC is per build) to write <line>/fipsmodule.cnf, and writes <line>/empty.cnf (what
# OPENSSL_CONF points at, so the machine's 3.0 openssl.cnf never reaches the newer library),
# <line>/fips.cnf (a config for OSSL_LIB_CTX_load_config that loads fips + base) and
# <line>/line.json (what was installed: package versions, the library's own version line, paths).
#
# Whatever point release a suite serves now is taken (newest first; the mirror sometimes lists
# a version whose file is gone, then the next one is tried) and recorded in line.json.
# The packages come from this machine's own Debian mirror through a private apt state in
# .cache/openssl-lines/apt (scripts/lib/private-apt.sh), so the system is never changed.
# Idempotent: a line whose line.json and library exist is left alone (its fips.cnf is written
# again when the checkout has moved: it includes fipsmodule.cnf by absolute path).
# Quiet: one line of output; a clear message on stderr and a non-zero exit on failure.
#
# usage: install-openssl-lines.sh [LINE...]    (default: 3.5 3.6 4.0)
set -euo pipefail

die() { echo "install-openssl-lines: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
# shellcheck source=lib/openssl-line.sh
source "$repo/scripts/lib/openssl-line.sh"
cache="$repo/.cache/openssl-lines"
arch_dir=usr/lib/x86_64-linux-gnu
lines=("$@")
[ ${#lines[@]} -gt 0 ] || lines=(3.5 3.6 4.0)

# line -> suite of the OpenSSL packages, suite of the C library, libssl package, libcrypto file
line_suite()   { case $1 in 3.5) echo trixie;; 3.6) echo sid;; 4.0) echo experimental;; *) return 1;; esac; }
libc_suite()   { case $1 in 3.5) echo trixie;; *) echo sid;; esac; }
libssl_pkg()   { case $1 in 4.0) echo libssl4;; *) echo libssl3t64;; esac; }
libcrypto_so() { case $1 in 4.0) echo libcrypto.so.4;; *) echo libcrypto.so.3;; esac; }

for line in "${lines[@]}"; do line_suite "$line" >/dev/null || die "unknown line '$line' (known: 3.5 3.6 4.0)"; done

fips_cnf_comment="# Loads this line's FIPS provider (and base) into a library context: OSSL_LIB_CTX_load_config."

missing=()
for line in "${lines[@]}"; do
  dir="$cache/$line"
  if [ -e "$dir/line.json" ] && [ -e "$dir/root/$arch_dir/$(libcrypto_so "$line")" ]; then
    grep -qxF ".include $dir/fipsmodule.cnf" "$dir/fips.cnf" 2>/dev/null \
      || write_fips_cnf "$dir/fips.cnf" "$dir/fipsmodule.cnf" "$fips_cnf_comment"
    continue
  fi
  missing+=("$line")
done
if [ ${#missing[@]} -eq 0 ]; then
  summary=$(for line in "${lines[@]}"; do awk -F'"' '$2 == "version" {printf "%s ", $4}' "$cache/$line/line.json"; done)
  echo "install-openssl-lines: already present: ${summary% } in $cache"
  exit 0
fi

need_amd64
need_tools apt-get apt-cache dpkg-deb awk sort
uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"
# The security archive, when the machine uses one: trixie's point releases land there first.
sec_uri=$(debian_security_mirror)

private_apt_init "$cache/apt" "deb $uri trixie main" "deb $uri trixie-updates main" \
  ${sec_uri:+"deb $sec_uri trixie-security main"} "deb $uri sid main" "deb $uri experimental main"
private_apt_update || die "apt-get update of trixie/sid/experimental from '$uri' failed $(apt_log_tail)"

# versions PACKAGE SUITE [PREFIX]: the versions SUITE (or SUITE-updates/-security) lists, newest first
versions() {
  apt-cache "${apt_opts[@]}" madison "$1" 2>/dev/null \
    | awk -F'|' -v suite="$2" '{ gsub(/ /, "", $2); split($3, w, " "); split(w[2], s, "/");
                                 if (s[1] == suite || s[1] == suite "-updates" || s[1] == suite "-security") print $2 }' \
    | { if [ -n "${3:-}" ]; then grep "^$3" || true; else cat; fi; } | sort -Vr -u
}

# fetch PACKAGE SUITE [PREFIX]: the .deb of the newest version that the mirror really serves
fetch() {
  local v
  for v in $(versions "$1" "$2" "${3:-}"); do
    private_apt_download "$1" "$v" && return 0
  done
  return 1
}

installed=()
for line in "${missing[@]}"; do
  suite=$(line_suite "$line")
  lsuite=$(libc_suite "$line")
  libssl=$(libssl_pkg "$line")
  dir="$cache/$line"
  root="$dir/root"
  rm -rf "$root" "$dir/line.json"
  mkdir -p "$root"
  : > "$apt_log"
  manifest=()
  for spec in "$libssl:$suite:$line." "openssl:$suite:$line." "openssl-provider-fips:$suite:$line." \
              "openssl-provider-legacy:$suite:$line.?" \
              "libc6:$lsuite:" "libzstd1:$lsuite:" "zlib1g:$lsuite:"; do
    IFS=: read -r pkg psuite prefix <<<"$spec"
    optional=0
    case $prefix in *'?') optional=1; prefix=${prefix%'?'};; esac
    if ! deb=$(fetch "$pkg" "$psuite" "$prefix"); then
      [ "$optional" = 1 ] && continue
      die "line $line: no downloadable $pkg ${prefix:+$prefix* }in $psuite from '$uri' $(apt_log_tail)"
    fi
    deb_unpack "$deb" "$root" || die "line $line: dpkg-deb -x $deb failed"
    manifest+=("$pkg=$(deb_field "$deb" Version)")
  done
  lib="$root/$arch_dir/$(libcrypto_so "$line")"
  loader="$root/$arch_dir/ld-linux-x86-64.so.2"
  [ -e "$lib" ] || die "line $line: unpacked, but $lib is missing"
  [ -e "$loader" ] || die "line $line: unpacked, but the loader $loader is missing"
  : > "$dir/empty.cnf"
  version_line=$(line_openssl "$dir" version 2>&1) || die "line $line: '$root/usr/bin/openssl version' failed: $version_line"
  number=$(awk '{print $2; exit}' <<<"$version_line")
  case $number in "$line".*) ;; *) die "line $line: the unpacked openssl says '$version_line'";; esac
  line_openssl "$dir" fipsinstall -quiet -out "$dir/fipsmodule.cnf" -module "$root/$arch_dir/ossl-modules/fips.so" >"$apt_log" 2>&1 \
    || die "line $line: fipsinstall failed $(apt_log_tail)"
  write_fips_cnf "$dir/fips.cnf" "$dir/fipsmodule.cnf" "$fips_cnf_comment"
  # What was installed, for interop/builds/openssl-lines/manifest.ts (no value holds a quote;
  # paths are not recorded: they follow from the cache folder, which may move with the clone).
  json_list() { local sep='' x; printf '['; for x in "$@"; do printf '%s"%s"' "$sep" "$x"; sep=', '; done; printf ']'; }
  cat > "$dir/line.json" <<EOF
{
  "line": "$line",
  "suite": "$suite",
  "libcSuite": "$lsuite",
  "version": "$number",
  "versionLine": "$version_line",
  "packages": $(json_list "${manifest[@]}"),
  "mirror": "$uri"
}
EOF
  installed+=("$number")
done
echo "install-openssl-lines: installed OpenSSL ${installed[*]} (private, dpkg -x) in $cache"
