# shellcheck shell=bash
# Sourced by the installers in scripts/ (through scripts/lib/private-apt.sh): the Debian mirror
# this machine's apt already uses, so that packages come from where the machine's own apt would
# take them (and through its apt.conf.d settings, e.g. a proxy), never from a mirror written into
# the repository.
#
#   debian_mirror           prints the first deb822 `URIs:` of /etc/apt/sources.list.d/debian.sources,
#                           else the first `deb` line's URI of /etc/apt/sources.list (sources.list(5):
#                           `[option=value]` fields skipped); returns 1 and prints nothing when neither
#                           names one (the caller dies with its own message).
#   debian_security_mirror  prints the security archive's URI when the machine uses one (a stable
#                           suite's point releases land there first), else nothing; always returns 0.
debian_mirror() {
  local uri
  uri=$(apt_source_uri '')
  [ -n "$uri" ] || return 1
  echo "$uri"
}

debian_security_mirror() { apt_source_uri security; }

# apt_source_uri PATTERN: the first archive URI the machine's apt sources name that matches the
# awk regular expression PATTERN ('' matches any), deb822 first; prints nothing when none does.
apt_source_uri() {
  local uri
  uri=$(awk -v p="$1" '/^URIs:/ && $2 ~ p {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk -v p="$1" '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i !~ /^\[/ && $i !~ /\]$/) {if ($i ~ p) {print $i; exit}; next}}' \
                            /etc/apt/sources.list 2>/dev/null || true)
  echo "$uri"
}
