#!/usr/bin/env bash
# Unpacks the peer SP 800-90A implementations the peers campaigns compare randshim against
# (interop/builds/mbedtls, interop/builds/wolfssl), privately, from Debian's packages:
#
#   Mbed TLS 2.28  bookworm libmbedcrypto7   -> .cache/mbedtls-2.28/usr/lib/x86_64-linux-gnu/libmbedcrypto.so.7
#   Mbed TLS 3.6   trixie   libmbedcrypto16  -> .cache/mbedtls-3.6/usr/lib/x86_64-linux-gnu/libmbedcrypto.so.16
#   wolfSSL 5.5    bookworm libwolfssl35     -> .cache/wolfssl/usr/lib/x86_64-linux-gnu/libwolfssl.so.35
#
# All three load in process: their highest glibc symbol versions are GLIBC_2.14, GLIBC_2.25 and
# GLIBC_2.34 (objdump -T), below bookworm's 2.36, so trixie's libmbedcrypto16 needs no newer
# loader. The mirror comes from this machine's apt configuration (as scripts/install-libssl11.sh
# does); apt runs with private state, list and cache folders under .cache/peers-apt/, so the
# machine's own apt state is never touched. Nothing is installed system-wide. Idempotent.
# One line of output on success; a clear message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "install-mbedtls-wolfssl: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/debian-mirror.sh
source "$repo/scripts/lib/debian-mirror.sh"
arch_dir=/usr/lib/x86_64-linux-gnu
# name | suite | Debian package | expected version prefix | library file inside the package
builds=(
  "mbedtls-2.28|bookworm|libmbedcrypto7|2.28.|libmbedcrypto.so.7"
  "mbedtls-3.6|trixie|libmbedcrypto16|3.6.|libmbedcrypto.so.16"
  "wolfssl|bookworm|libwolfssl35|5.5.|libwolfssl.so.35"
)

missing=()
for b in "${builds[@]}"; do
  IFS='|' read -r name _ _ _ file <<<"$b"
  [ -e "$repo/.cache/$name$arch_dir/$file" ] || missing+=("$b")
done
if [ "${#missing[@]}" = 0 ]; then
  echo "install-mbedtls-wolfssl: already present: .cache/{mbedtls-2.28,mbedtls-3.6,wolfssl}"
  exit 0
fi

[ "$(uname -m)" = x86_64 ] || die "only x86_64 (amd64) is supported, this machine is $(uname -m)"
for tool in apt-get dpkg-deb awk; do
  command -v "$tool" >/dev/null || die "missing tool: $tool (a Debian-based machine is required)"
done

uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

# Private apt state for one suite; prints nothing, dies with apt's last lines on failure.
apt_for() {
  local suite=$1 root="$repo/.cache/peers-apt/$1"
  mkdir -p "$root/lists/partial" "$root/cache/archives/partial" "$root/download"
  echo "deb $uri $suite main" > "$root/sources.list"
  apt_opts=(-o Dir::Etc::sourcelist="$root/sources.list" -o Dir::Etc::sourceparts=/dev/null
            -o Dir::State::Lists="$root/lists" -o Dir::Cache="$root/cache" -o Acquire::Languages=none)
  [ "$(id -u)" = 0 ] && apt_opts+=(-o APT::Sandbox::User=root)
  apt_root=$root
  if [ ! -e "$root/updated" ]; then
    apt-get "${apt_opts[@]}" update -qq >"$root/last.log" 2>&1 \
      || die "apt-get update of '$uri $suite main' failed (see $root/last.log): $(tail -n 3 "$root/last.log" | tr '\n' ' ')"
    touch "$root/updated"
  fi
}

done_list=()
for b in "${missing[@]}"; do
  IFS='|' read -r name suite pkg prefix file <<<"$b"
  apt_for "$suite"
  log="$apt_root/last.log"
  (cd "$apt_root/download" && rm -f "${pkg}"_*.deb && apt-get "${apt_opts[@]}" download -qq "$pkg:amd64" >"$log" 2>&1) \
    || die "apt-get download $pkg from '$uri $suite main' failed (see $log): $(tail -n 3 "$log" | tr '\n' ' ')"
  deb=$(ls "$apt_root/download/${pkg}"_*_amd64.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || die "apt-get download reported success but left no ${pkg}_*_amd64.deb in $apt_root/download"
  [ "$(dpkg-deb -f "$deb" Package)" = "$pkg" ] || die "$deb is not package $pkg"
  version=$(dpkg-deb -f "$deb" Version)
  case "$version" in
    "$prefix"*) ;;
    *) die "$deb is $pkg $version, expected version $prefix* ($suite)";;
  esac
  dest="$repo/.cache/$name"
  mkdir -p "$dest"
  dpkg-deb -x "$deb" "$dest" || die "dpkg-deb -x $deb $dest failed"
  [ -e "$dest$arch_dir/$file" ] || die "$deb unpacked but $dest$arch_dir/$file is missing"
  echo "$pkg $version ($suite)" > "$dest/PACKAGE"
  done_list+=("$pkg $version")
done
echo "install-mbedtls-wolfssl: unpacked $(IFS=,; echo "${done_list[*]}" | sed 's/,/, /g') into .cache/"
