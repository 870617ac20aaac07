#!/usr/bin/env bash
# Installs the mirage-crypto-rng oracle (MirageOS's Fortuna and Hmac_drbg, Debian bookworm's
# libmirage-crypto-ocaml-dev 0.10.7) and builds its driver:
#
#   1. the OCaml toolchain and the library: ocaml-nox, ocaml-findlib, libmirage-crypto-ocaml-dev.
#      As root they are apt-get installed system-wide (non-interactively) when missing; otherwise
#      their absence is an error that names the packages.
#   2. the library's own source, from Debian's source package of the same version (deb-src,
#      private apt state under <repo>/.cache/mirage-crypto/apt: scripts/lib/private-apt.sh),
#      unpacked into <repo>/.cache/mirage-crypto/src/ for review (rng/fortuna.ml, rng/entropy.ml,
#      rng/hmac_drbg.ml). MIRAGE_CRYPTO_NO_SOURCE=1 skips this step (offline builds).
#   3. interop/builds/mirage-crypto/driver.ml compiled with ocamlfind ocamlopt into
#      <repo>/.cache/mirage-crypto/driver (rebuilt when the source is newer than the binary),
#      and provenance.json next to it (library path and the version findlib reports).
#
# The mirror is this machine's own (scripts/lib/debian-mirror.sh); its sources are never changed.
# Idempotent; one line of output on success; a clear message on stderr and non-zero exit on failure.
# shellcheck source=lib/installer.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/installer.sh" install-mirage-crypto
# shellcheck source=lib/private-apt.sh
source "$repo/scripts/lib/private-apt.sh"
cache="$repo/.cache/mirage-crypto"
driver_src="$repo/interop/builds/mirage-crypto/driver.ml"
driver_bin="$cache/driver"
expected_version=0.10.7
packages=(ocaml-nox ocaml-findlib libmirage-crypto-ocaml-dev)
mkdir -p "$cache"
log="$cache/last.log"

have_library() {
  command -v ocamlfind >/dev/null && command -v ocamlopt >/dev/null \
    && ocamlfind query mirage-crypto-rng >/dev/null 2>&1
}

if ! have_library; then
  [ "$(id -u)" = 0 ] || die "missing OCaml toolchain or mirage-crypto-rng; as root run: apt-get install -y ${packages[*]}"
  command -v apt-get >/dev/null || die "apt-get not found (a Debian bookworm machine is required)"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } >"$log" 2>&1 \
    || die "apt-get install ${packages[*]} failed (see $log): $(tail -n 3 "$log" | tr '\n' ' ')"
  have_library || die "installed ${packages[*]} but ocamlfind cannot find mirage-crypto-rng"
fi

version=$(ocamlfind query -format '%v' mirage-crypto-rng 2>/dev/null)
[ "$version" = "$expected_version" ] || die "mirage-crypto-rng is $version, expected $expected_version (bookworm)"
lib_dir=$(ocamlfind query mirage-crypto-rng)

# 2. The source package, for reading the code the driver exercises. Where the mirror has the .dsc
#    but not its tarballs (seen on mirrors that carry binaries only), the rng/*.ml that the binary
#    package itself installs (dune installs the sources of the build) are copied instead, and
#    provenance.json says which of the two the reader has.
src_dir="$cache/src"
if [ "${MIRAGE_CRYPTO_NO_SOURCE:-0}" != 1 ] && [ ! -e "$src_dir/rng/fortuna.ml" ]; then
  need_tools apt-get dpkg-source awk
  uri=$(debian_mirror) || die "no Debian mirror found in the apt configuration"
  private_apt_init "$cache/apt" "deb-src $uri bookworm main"
  private_apt_update || die "apt-get update of 'deb-src $uri bookworm main' failed $(apt_log_tail)"
  rm -rf "$src_dir"
  if private_apt_get source -qq --download-only "ocaml-mirage-crypto=$expected_version-1"; then
    dsc=$(ls "$apt_root"/download/ocaml-mirage-crypto_"$expected_version"-*.dsc 2>/dev/null | head -n 1)
    [ -n "$dsc" ] || die "apt-get source left no ocaml-mirage-crypto_$expected_version-*.dsc in $apt_root/download"
    dpkg-source --no-check -x "$dsc" "$src_dir" >"$log" 2>&1 || die "dpkg-source -x $dsc failed (see $log)"
    echo "Debian source package $(basename "$dsc")" > "$cache/source-origin"
  else
    grep -q "ocaml-mirage-crypto_$expected_version" "$apt_log" \
      || die "apt-get source ocaml-mirage-crypto=$expected_version-1 failed $(apt_log_tail)"
    mkdir -p "$src_dir/rng"
    cp "$lib_dir"/*.ml "$src_dir/rng/"
    echo "rng/*.ml installed by libmirage-crypto-ocaml-dev $(dpkg-query -W -f '${Version}' libmirage-crypto-ocaml-dev 2>/dev/null) (the mirror has the .dsc of ocaml-mirage-crypto $expected_version-1 but not its tarballs)" \
      > "$cache/source-origin"
  fi
  [ -e "$src_dir/rng/fortuna.ml" ] || die "no rng/fortuna.ml in $src_dir"
fi

# 3. The driver.
[ -e "$driver_src" ] || die "driver source missing: $driver_src"
if [ ! -x "$driver_bin" ] || [ "$driver_src" -nt "$driver_bin" ]; then
  build="$cache/build"
  rm -rf "$build" && mkdir -p "$build"
  sed "s/%%VERSION%%/$version/" "$driver_src" > "$build/driver.ml"
  (cd "$build" && ocamlfind ocamlopt -package mirage-crypto-rng,mirage-crypto,cstruct -linkpkg \
      driver.ml -o "$driver_bin") >"$log" 2>&1 \
    || die "ocamlfind ocamlopt driver.ml failed (see $log): $(tail -n 5 "$log" | tr '\n' ' ')"
fi
deb_version=$(dpkg-query -W -f '${Version}' libmirage-crypto-ocaml-dev 2>/dev/null || echo unknown)
origin=$(cat "$cache/source-origin" 2>/dev/null || echo "not fetched")
printf '{"library":"mirage-crypto-rng","version":"%s","libraryDir":"%s","debianPackage":"libmirage-crypto-ocaml-dev %s","driver":"%s","source":"%s"}\n' \
  "$version" "$lib_dir" "$deb_version" "$driver_bin" "$origin" > "$cache/provenance.json"
echo "install-mirage-crypto: $version, $lib_dir, driver ${driver_bin#"$repo"/}"
