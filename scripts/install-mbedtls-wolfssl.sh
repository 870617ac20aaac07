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
# loader. The packages come from this machine's own Debian mirror through a private apt state per
# suite in .cache/peers-apt/<suite> (scripts/lib/private-apt.sh), so the machine's own apt state is
# never touched. Nothing is installed system-wide. Idempotent.
# One line of output on success; a clear message on stderr and a non-zero exit on failure.
set -euo pipefail

die() { echo "install-mbedtls-wolfssl: $*" >&2; exit 1; }

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
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

need_amd64
need_tools apt-get dpkg-deb awk
uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration (/etc/apt/sources.list.d/debian.sources, /etc/apt/sources.list)"

done_list=()
for b in "${missing[@]}"; do
  IFS='|' read -r name suite pkg prefix file <<<"$b"
  private_apt_init "$repo/.cache/peers-apt/$suite" "deb $uri $suite main"
  private_apt_update || die "apt-get update of '$uri $suite main' failed $(apt_log_tail)"
  deb=$(private_apt_download "$pkg") || die "apt-get download $pkg from '$uri $suite main' failed $(apt_log_tail)"
  deb_matches "$deb" "$pkg" "$prefix*" || die "$deb is $(deb_field "$deb" Package) $(deb_field "$deb" Version), expected $pkg $prefix* ($suite)"
  dest="$repo/.cache/$name"
  deb_unpack "$deb" "$dest" || die "dpkg-deb -x $deb $dest failed"
  [ -e "$dest$arch_dir/$file" ] || die "$deb unpacked but $dest$arch_dir/$file is missing"
  deb_provenance "$deb" "$suite" > "$dest/PACKAGE"
  done_list+=("$pkg $(deb_field "$deb" Version)")
done
echo "install-mbedtls-wolfssl: unpacked $(IFS=,; echo "${done_list[*]}" | sed 's/,/, /g') into .cache/"
