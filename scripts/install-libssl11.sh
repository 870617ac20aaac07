#!/usr/bin/env bash
# Installs Debian's libssl1.1 (OpenSSL 1.1.1w, bullseye main) so that the `system-1.1.1`
# oracle (interop/builds/openssl111/in-process.ts) can load a real libcrypto.so.1.1.
#
#   as root:      dpkg -i the package   -> /usr/lib/x86_64-linux-gnu/libcrypto.so.1.1
#   otherwise:    dpkg -x it privately  -> <repo>/.cache/libssl1.1/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1
#   LIBSSL11_PRIVATE=1 forces the private unpack even as root.
#
# The package comes from this machine's own Debian mirror through a private apt state in
# .cache/libssl1.1/apt (scripts/lib/private-apt.sh): the machine's apt sources and state are
# never touched. Idempotent: does nothing when the library is already there.
# Quiet: one line on success, a clear message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "install-libssl11: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
cache="$repo/.cache/libssl1.1"
arch_dir=/usr/lib/x86_64-linux-gnu
private_lib="$cache$arch_dir/libcrypto.so.1.1"
system_lib="$arch_dir/libcrypto.so.1.1"

if [ "$(id -u)" = 0 ] && [ "${LIBSSL11_PRIVATE:-0}" != 1 ]; then mode=system; else mode=private; fi
target=$([ "$mode" = system ] && echo "$system_lib" || echo "$private_lib")

if [ -e "$target" ]; then
  echo "install-libssl11: already present: $target"
  exit 0
fi

need_amd64
need_tools apt-get dpkg dpkg-deb awk
uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

private_apt_init "$cache/apt" "deb $uri bullseye main"
private_apt_update || die "cannot read the package index of '$uri bullseye main' $(apt_log_tail 1)"
deb=$(private_apt_download libssl1.1) || die "apt-get download libssl1.1 from '$uri bullseye main' failed $(apt_log_tail)"
deb_matches "$deb" libssl1.1 '1.1.1w*' \
  || die "$deb is $(deb_field "$deb" Package) $(deb_field "$deb" Version), expected libssl1.1 of OpenSSL 1.1.1w (bullseye)"
version=$(deb_field "$deb" Version)

if [ "$mode" = system ]; then
  # libssl1.1's debconf question (restart services on upgrade) must not prompt in CI.
  DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$apt_log" 2>&1 || die "dpkg -i $deb failed (see $apt_log)"
else
  deb_unpack "$deb" "$cache" || die "dpkg-deb -x $deb $cache failed"
fi
[ -e "$target" ] || die "$deb installed but $target is missing"
echo "install-libssl11: installed libssl1.1 $version ($mode): $target"
