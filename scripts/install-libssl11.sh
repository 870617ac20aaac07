#!/usr/bin/env bash
# Installs Debian's libssl1.1 (OpenSSL 1.1.1w, bullseye main) so that the `system-1.1.1`
# oracle (interop/builds/openssl111/in-process.ts) can load a real libcrypto.so.1.1.
#
#   as root:      dpkg -i the package   -> /usr/lib/x86_64-linux-gnu/libcrypto.so.1.1
#   otherwise:    dpkg -x it privately  -> <repo>/.cache/libssl1.1/usr/lib/x86_64-linux-gnu/libcrypto.so.1.1
#   LIBSSL11_PRIVATE=1 forces the private unpack even as root.
#
# The mirror is taken from this machine's own apt configuration (deb822 `URIs:` in
# /etc/apt/sources.list.d/debian.sources, else the first `deb` line of /etc/apt/sources.list),
# the same way scripts/fetch-openssl-sources.sh does; apt runs with private state, list and
# cache folders so the machine's own apt state is never touched (apt.conf.d settings such as
# proxies still apply). Idempotent: does nothing when the library is already there.
# Quiet: one line on success, a clear message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "install-libssl11: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/debian-mirror.sh
source "$repo/scripts/lib/debian-mirror.sh"
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

[ "$(uname -m)" = x86_64 ] || die "only x86_64 (amd64) is supported, this machine is $(uname -m)"
for tool in apt-get dpkg dpkg-deb awk; do
  command -v "$tool" >/dev/null || die "missing tool: $tool (a Debian-based machine is required)"
done

uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

apt_root="$cache/apt"
mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/download"
echo "deb $uri bullseye main" > "$apt_root/sources.list"
apt_opts=(-o Dir::Etc::sourcelist="$apt_root/sources.list" -o Dir::Etc::sourceparts=/dev/null
          -o Dir::State::Lists="$apt_root/lists" -o Dir::Cache="$apt_root/cache"
          -o Acquire::Languages=none)
[ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)

log="$apt_root/last.log"
# apt-get update exits 0 when an index cannot be fetched (it only warns), so read its warnings.
if ! apt-get "${apt_opts[@]}" update -qq >"$log" 2>&1 || grep -q '^[WE]: Failed to fetch' "$log"; then
  die "cannot read the package index of '$uri bullseye main' (see $log): $(grep -m 1 'Failed to fetch' "$log" || tail -n 1 "$log")"
fi
(cd "$apt_root/download" && rm -f libssl1.1_*.deb && apt-get "${apt_opts[@]}" download -qq libssl1.1:amd64 >"$log" 2>&1) \
  || die "apt-get download libssl1.1 from '$uri bullseye main' failed (see $log): $(tail -n 3 "$log" | tr '\n' ' ')"
deb=$(ls "$apt_root"/download/libssl1.1_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$deb" ] || die "apt-get download reported success but left no libssl1.1_*_amd64.deb in $apt_root/download"

pkg=$(dpkg-deb -f "$deb" Package)
version=$(dpkg-deb -f "$deb" Version)
[ "$pkg" = libssl1.1 ] || die "$deb is package '$pkg', expected libssl1.1"
case "$version" in
  1.1.1w*) ;;
  *) die "$deb is libssl1.1 $version, expected OpenSSL 1.1.1w (bullseye)";;
esac

if [ "$mode" = system ]; then
  # libssl1.1's debconf question (restart services on upgrade) must not prompt in CI.
  DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$log" 2>&1 || die "dpkg -i $deb failed (see $log)"
else
  dpkg -x "$deb" "$cache" || die "dpkg -x $deb $cache failed"
fi
[ -e "$target" ] || die "$deb installed but $target is missing"
echo "install-libssl11: installed libssl1.1 $version ($mode): $target"
