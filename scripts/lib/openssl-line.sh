# shellcheck shell=bash
# Sourced by scripts/install-openssl-lines.sh and scripts/ensure.d/25-fips-configs.sh: what both
# do with a line unpacked into .cache/openssl-lines/<line>/ (root/ = the dpkg -x of its packages
# and of its suite's C library).
#
#   line_openssl DIR ARGS...           the line's own `openssl ARGS` under the line's own loader
#                                      (ld.so(8) --library-path: the host glibc is too old for it),
#                                      with OPENSSL_CONF=DIR/empty.cnf, so the machine's openssl.cnf
#                                      never reaches the newer library
#   write_fips_cnf CNF MODULE COMMENT  a config for OSSL_LIB_CTX_load_config that includes the
#                                      fipsinstall output MODULE and activates fips and base
#                                      (config(5): .include, providers; COMMENT is its first line)
line_openssl() {
  local dir=$1; shift
  local lib="$dir/root/usr/lib/x86_64-linux-gnu"
  env OPENSSL_CONF="$dir/empty.cnf" OPENSSL_MODULES="$lib/ossl-modules" \
    "$lib/ld-linux-x86-64.so.2" --library-path "$lib:/usr/lib/x86_64-linux-gnu" "$dir/root/usr/bin/openssl" "$@"
}

# OpenSSL resolves a relative .include against the process's working folder, not the config's:
# MODULE is written as given (absolute), so a moved checkout must write CNF again.
write_fips_cnf() {
  cat > "$1" <<CNF
$3
config_diagnostics = 1
openssl_conf = openssl_init
.include $2
[openssl_init]
providers = provider_sect
[provider_sect]
fips = fips_sect
base = base_sect
[base_sect]
activate = 1
CNF
}
