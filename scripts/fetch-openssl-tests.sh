#!/usr/bin/env bash
# Fetches the Debian source packages of the OpenSSL lines randshim models and unpacks them into
# <repo>/.cache/openssl-src/<version>/, for the ported-test inventory (docs/ported-tests.md) and
# for building OpenSSL's own C tests against the real library (test/openssl-tests/):
#
#   1.1.1w  bullseye's openssl 1.1.1w-0+deb11u*  (deb-src, and libssl-dev for its headers)
#   3.0.x   bookworm's openssl 3.0.*             (deb-src, and libssl-dev for its headers)
#
# They come from this machine's own Debian mirror through a private apt state per suite under
# .cache/openssl-src/apt (scripts/lib/private-apt.sh), so the machine's apt sources and state are
# never touched. Only the
# upstream tarball (*.orig.tar.gz) is unpacked: Debian's patches do not touch test/.
# libssl-dev is unpacked privately (dpkg -x) into .cache/openssl-src/<version>/libssl-dev/.
#
# Idempotent (a version already unpacked is left alone). One line of output on success; a clear
# message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "fetch-openssl-tests: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
cache="$repo/.cache/openssl-src"

# <version dir> <suite> <upstream version glob> <libssl-dev version glob>
lines=("1.1.1w bullseye 1.1.1w 1.1.1w-0+deb11u*" "3.0 bookworm 3.0.* 3.0.*")

have_all=1
for line in "${lines[@]}"; do
  read -r dir _ _ _ <<<"$line"
  [ -f "$cache/$dir/.complete" ] || have_all=0
done
if [ "$have_all" = 1 ]; then
  echo "fetch-openssl-tests: already present: $(for l in "${lines[@]}"; do read -r d _ <<<"$l"; \
    printf '%s ' "$d=$(cat "$cache/$d/.complete")"; done)"
  exit 0
fi

need_tools apt-get dpkg-deb awk tar
uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

for line in "${lines[@]}"; do
  read -r dir suite upstream devver <<<"$line"
  target="$cache/$dir"
  [ -f "$target/.complete" ] && continue
  # One private apt state per suite: a bullseye and a bookworm index side by side would let apt
  # pick the newest openssl of both for either request.
  private_apt_init "$cache/apt/$suite" "deb $uri $suite main" "deb-src $uri $suite main"
  private_apt_update || die "apt-get update of '$uri $suite' failed $(apt_log_tail)"
  rm -f "$apt_root"/download/*.orig.tar.gz "$apt_root"/download/*.dsc "$apt_root"/download/*.debian.tar.xz
  private_apt_get source -qq --download-only "openssl/$suite" \
    || die "apt-get source openssl from '$uri $suite' failed $(apt_log_tail)"
  deb=$(private_apt_download libssl-dev) || die "apt-get download libssl-dev from '$uri $suite' failed $(apt_log_tail)"

  tarball=$(ls "$apt_root"/download/openssl_*.orig.tar.gz 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || die "no openssl_*.orig.tar.gz downloaded from $suite"
  tar_version=$(basename "$tarball" | sed -e 's/^openssl_//' -e 's/\.orig\.tar\.gz$//')
  # shellcheck disable=SC2254
  case "$tar_version" in $upstream) ;; *) die "$suite's openssl is $tar_version, expected $upstream";; esac
  deb_matches "$deb" libssl-dev "$devver" || die "$suite's libssl-dev is $(deb_field "$deb" Version), expected $devver"
  deb_version=$(ls "$apt_root"/download/openssl_*.dsc | head -n 1 | sed -e 's/.*openssl_//' -e 's/\.dsc$//')

  rm -rf "$target.tmp" && mkdir -p "$target.tmp"
  tar xzf "$tarball" -C "$target.tmp" || die "tar xzf $tarball failed"
  src=$(ls -d "$target.tmp"/openssl-* | head -n 1)
  [ -d "$src/test" ] || die "$tarball has no test/ folder"
  mv "$src" "$target.tmp/source"
  deb_unpack "$deb" "$target.tmp/libssl-dev" || die "dpkg-deb -x $deb failed"
  echo "$deb_version" > "$target.tmp/.complete"
  rm -rf "$target" && mv "$target.tmp" "$target"
done

echo "fetch-openssl-tests: fetched: $(for l in "${lines[@]}"; do read -r d _ <<<"$l"; \
  printf '%s ' "$d=$(cat "$cache/$d/.complete")"; done)"
