#!/usr/bin/env bash
# Fetches and unpacks the upstream OpenSSL sources that randshim's generated files come from,
# as Debian ships them (the source packages' .orig.tar.gz, upstream's release tarballs):
#
#   3      OpenSSL 3.0.20  (Debian bookworm main, openssl 3.0.20-1~deb12u2)
#   1.1.1  OpenSSL 1.1.1w  (Debian bullseye main, openssl 1.1.1w-0+deb11u1)
#
#   scripts/fetch-openssl-sources.sh [3] [1.1.1]      (default: both)
#
# Prints, one line per line asked for, the absolute path of the unpacked tree
# (<repo>/.cache/openssl-sources/openssl-<version>); everything else goes to stderr. Used by
# scripts/import-vectors.ts (test/recipes/30-test_evp_data/evprand.txt) and
# scripts/import-err-tables.ts (the err.h / *err.h / *_err.c files).
#
# The versions are pinned, and each tarball's SHA-256 with them, so that regenerating gives the
# committed files byte for byte; they come from this machine's own Debian mirror through a
# private apt state in .cache/openssl-sources/apt (scripts/lib/private-apt.sh; apt-get source
# --download-only: no package is installed and the machine's apt state is never touched).
# Idempotent: a tree already unpacked is reused.
# Exits non-zero with a clear message when the mirror cannot be reached or no longer has the
# pinned version (Debian keeps one version per suite; snapshot.debian.org keeps them all).
set -euo pipefail

die() { echo "fetch-openssl-sources: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
cache="$repo/.cache/openssl-sources"

# line -> "suite debian-version upstream-version sha256-of-orig.tar.gz"
declare -A PINS=(
  [3]="bookworm 3.0.20-1~deb12u2 3.0.20 c80a01dfc70ece4dc21168932c37739042d404d46ccc81a5986dd75314ecda6f"
  [1.1.1]="bullseye 1.1.1w-0+deb11u1 1.1.1w cf3098950cb4d853ad95c0841f1f9c6d3dc102dccfcacd521d93925208b76ac8"
)

lines=("$@")
[ ${#lines[@]} -gt 0 ] || lines=(3 1.1.1)
for line in "${lines[@]}"; do
  [ -n "${PINS[$line]:-}" ] || die "unknown OpenSSL line '$line' (known: ${!PINS[*]})"
done

missing=()
for line in "${lines[@]}"; do
  read -r _ _ upstream _ <<<"${PINS[$line]}"
  [ -d "$cache/openssl-$upstream" ] || missing+=("$line")
done

if [ ${#missing[@]} -gt 0 ]; then
  need_tools apt-get awk sha256sum tar
  uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"
  sources=()
  for line in "${missing[@]}"; do
    read -r suite _ _ _ <<<"${PINS[$line]}"
    sources+=("deb-src $uri $suite main")
  done
  private_apt_init "$cache/apt" "${sources[@]}"
  private_apt_update || die "cannot read the source index of $(IFS=';'; echo "${sources[*]}") $(apt_log_tail 1)"

  for line in "${missing[@]}"; do
    read -r suite version upstream sha256 <<<"${PINS[$line]}"
    tarball="$apt_root/download/openssl_$upstream.orig.tar.gz"
    if [ ! -e "$tarball" ]; then
      private_apt_get source -qq --download-only "openssl=$version" \
        || die "apt-get source openssl=$version from '$uri $suite main' failed $(apt_log_tail)"
    fi
    [ -e "$tarball" ] || die "apt-get source openssl=$version left no $(basename "$tarball") in $apt_root/download"
    actual=$(sha256sum "$tarball" | awk '{print $1}')
    [ "$actual" = "$sha256" ] || die "$tarball has SHA-256 $actual, expected $sha256"
    rm -rf "$cache/openssl-$upstream.partial"
    mkdir -p "$cache/openssl-$upstream.partial"
    tar xzf "$tarball" -C "$cache/openssl-$upstream.partial" || die "tar xzf $tarball failed"
    [ -d "$cache/openssl-$upstream.partial/openssl-$upstream" ] || die "$tarball does not unpack to openssl-$upstream/"
    mv "$cache/openssl-$upstream.partial/openssl-$upstream" "$cache/openssl-$upstream"
    rmdir "$cache/openssl-$upstream.partial"
    echo "fetch-openssl-sources: unpacked OpenSSL $upstream (Debian $version) into $cache/openssl-$upstream" >&2
  done
fi

for line in "${lines[@]}"; do
  read -r _ _ upstream _ <<<"${PINS[$line]}"
  echo "$cache/openssl-$upstream"
done
