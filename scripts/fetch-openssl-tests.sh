#!/usr/bin/env bash
# Fetches the Debian source packages of the OpenSSL lines randshim models and unpacks them into
# <repo>/.cache/openssl-src/<version>/, for the ported-test inventory (docs/ported-tests.md) and
# for building OpenSSL's own C tests against the real library (test/openssl-tests/):
#
#   1.1.1w  bullseye's openssl 1.1.1w-0+deb11u*  (deb-src, and libssl-dev for its headers)
#   3.0.x   bookworm's openssl 3.0.*             (deb-src, and libssl-dev for its headers)
#
# The mirror is taken from this machine's own apt configuration (deb822 `URIs:` in
# /etc/apt/sources.list.d/debian.sources, else the first `deb` line of /etc/apt/sources.list),
# as scripts/install-libssl11.sh does; apt runs with private state, list and cache folders under
# .cache/openssl-src/apt, so the machine's apt sources and state are never touched. Only the
# upstream tarball (*.orig.tar.gz) is unpacked: Debian's patches do not touch test/.
# libssl-dev is unpacked privately (dpkg -x) into .cache/openssl-src/<version>/libssl-dev/.
#
# Idempotent (a version already unpacked is left alone). One line of output on success; a clear
# message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "fetch-openssl-tests: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/debian-mirror.sh
source "$repo/scripts/lib/debian-mirror.sh"
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

for tool in apt-get dpkg dpkg-deb awk tar; do
  command -v "$tool" >/dev/null || die "missing tool: $tool (a Debian-based machine is required)"
done

uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

log_dir="$cache/apt"
mkdir -p "$log_dir"
log="$log_dir/last.log"

for line in "${lines[@]}"; do
  read -r dir suite upstream devver <<<"$line"
  target="$cache/$dir"
  [ -f "$target/.complete" ] && continue
  # One private apt state per suite: a bullseye and a bookworm index side by side would let apt
  # pick the newest openssl of both for either request.
  apt_root="$cache/apt/$suite"
  mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/download"
  printf 'deb %s %s main\ndeb-src %s %s main\n' "$uri" "$suite" "$uri" "$suite" > "$apt_root/sources.list"
  # An empty private dpkg status: otherwise the machine's installed libssl-dev (another version)
  # is apt's candidate and `apt-get download` looks for it in this suite.
  : > "$apt_root/status"
  apt_opts=(-o Dir::Etc::sourcelist="$apt_root/sources.list" -o Dir::Etc::sourceparts=/dev/null
            -o Dir::State::status="$apt_root/status"
            -o Dir::State::Lists="$apt_root/lists" -o Dir::Cache="$apt_root/cache"
            -o Acquire::Languages=none)
  [ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

  apt-get "${apt_opts[@]}" update -qq >"$log" 2>&1 \
    || die "apt-get update of '$uri $suite' failed (see $log): $(tail -n 3 "$log" | tr '\n' ' ')"
  (cd "$apt_root/download" && rm -f ./*.orig.tar.gz ./*.dsc ./*.debian.tar.xz ./*.deb \
     && apt-get "${apt_opts[@]}" source -qq --download-only "openssl/$suite" >"$log" 2>&1 \
     && apt-get "${apt_opts[@]}" download -qq libssl-dev:amd64 >>"$log" 2>&1) \
    || die "apt-get source/download openssl from '$uri $suite' failed (see $log): $(tail -n 3 "$log" | tr '\n' ' ')"

  tarball=$(ls "$apt_root"/download/openssl_*.orig.tar.gz 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || die "no openssl_*.orig.tar.gz downloaded from $suite"
  tar_version=$(basename "$tarball" | sed -e 's/^openssl_//' -e 's/\.orig\.tar\.gz$//')
  # shellcheck disable=SC2254
  case "$tar_version" in $upstream) ;; *) die "$suite's openssl is $tar_version, expected $upstream";; esac
  deb=$(ls "$apt_root"/download/libssl-dev_*_amd64.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || die "no libssl-dev_*_amd64.deb downloaded from $suite"
  dev_version=$(dpkg-deb -f "$deb" Version)
  # shellcheck disable=SC2254
  case "$dev_version" in $devver) ;; *) die "$suite's libssl-dev is $dev_version, expected $devver";; esac
  deb_version=$(ls "$apt_root"/download/openssl_*.dsc | head -n 1 | sed -e 's/.*openssl_//' -e 's/\.dsc$//')

  rm -rf "$target.tmp" && mkdir -p "$target.tmp"
  tar xzf "$tarball" -C "$target.tmp" || die "tar xzf $tarball failed"
  src=$(ls -d "$target.tmp"/openssl-* | head -n 1)
  [ -d "$src/test" ] || die "$tarball has no test/ folder"
  mv "$src" "$target.tmp/source"
  dpkg -x "$deb" "$target.tmp/libssl-dev" || die "dpkg -x $deb failed"
  echo "$deb_version" > "$target.tmp/.complete"
  rm -rf "$target" && mv "$target.tmp" "$target"
done

echo "fetch-openssl-tests: fetched: $(for l in "${lines[@]}"; do read -r d _ <<<"$l"; \
  printf '%s ' "$d=$(cat "$cache/$d/.complete")"; done)"
