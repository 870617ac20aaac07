# shellcheck shell=bash
# Sourced (never executed) by the installers in scripts/ and scripts/ensure.d/: the one way they
# take packages from Debian's mirror without touching the machine's apt sources, apt state or
# dpkg database. The caller defines die() first (each installer fails with its own prefix and its
# own words) and runs under `set -euo pipefail`.
#
#   need_tools TOOL...            dies (the caller's die) naming the first TOOL not on PATH
#   need_amd64                    dies unless this machine is x86_64 (the packages are amd64)
#   private_apt_init DIR LINE...  a private apt state in DIR whose sources are the LINEs; sets
#                                 apt_root, apt_opts (for apt-get/apt-cache) and apt_log
#   private_apt_update            apt-get update of that state, once per state and run; returns 1
#                                 when an index could not be read
#   private_apt_get ARGS...       apt-get ARGS with that state, in DIR/download (where `download` and
#                                 `source --download-only` leave their files), output in the log
#   private_apt_download PKG [V]  PKG's .deb (version V, else the suites' candidate) in DIR/download;
#                                 prints its path; returns 1 when the mirror does not serve it
#   apt_log_tail [N]              "(see LOG): <what failed>", for the caller's die message
#   deb_field DEB FIELD           a control field of DEB (dpkg-deb -f): Package, Version
#   deb_matches DEB PKG GLOB      DEB is package PKG at a version matching GLOB (1.1.1w*, 3.6.*)
#   deb_unpack DEB DEST           DEB's files under DEST (dpkg-deb -x: no maintainer script runs
#                                 and dpkg's database is not touched); returns 1 on failure
#   deb_provenance DEB SUITE      the provenance line of DEB: "<package> <version> (<suite>)"
#
# The mirror is the machine's own (scripts/lib/debian-mirror.sh: debian_mirror,
# debian_security_mirror), so apt.conf.d settings such as a proxy still apply.

# shellcheck source=debian-mirror.sh
source "$(dirname "${BASH_SOURCE[0]}")/debian-mirror.sh"

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null && continue
    case $tool in
      dpkg-source) die "missing tool: $tool (dpkg-dev provides dpkg-source)";;
      *) die "missing tool: $tool (a Debian-based machine is required)";;
    esac
  done
}

need_amd64() {
  [ "$(uname -m)" = x86_64 ] || die "only x86_64 (amd64) is supported, this machine is $(uname -m)"
}

# apt.conf(5) Dir::* options point every file apt reads or writes into DIR: its own sources.list
# (sources.list(5) one-line style), package lists, archive cache, and an empty dpkg status, so
# that the machine's installed versions never become apt's candidates (an installed libssl-dev
# of another version would otherwise be what `apt-get download` looks for in the suite).
private_apt_init() {
  apt_root=$1; shift
  mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$apt_root/download"
  printf '%s\n' "$@" > "$apt_root/sources.list"
  : > "$apt_root/status"
  apt_log="$apt_root/last.log"
  : > "$apt_log"
  apt_opts=(-o Dir::Etc::sourcelist="$apt_root/sources.list" -o Dir::Etc::sourceparts=/dev/null
            -o Dir::State::Lists="$apt_root/lists" -o Dir::State::status="$apt_root/status"
            -o Dir::Cache="$apt_root/cache" -o Acquire::Languages=none -o APT::Architecture=amd64)
  # As root apt drops to the _apt user to download (apt.conf(5) APT::Sandbox::User), and _apt
  # cannot write into a folder root owns: stay root.
  if [ "$(id -u)" = 0 ]; then apt_opts+=(-o APT::Sandbox::User=root); fi
}

# The states updated in this run (one installer may switch between several, one per suite).
private_apt_updated=" "

# apt-get update exits 0 when an index cannot be fetched (it only warns "W: Failed to fetch"),
# so its output is read too: a missing index must not pass as an empty suite.
private_apt_update() {
  case $private_apt_updated in *" $apt_root "*) return 0;; esac
  apt-get "${apt_opts[@]}" update -qq >>"$apt_log" 2>&1 || return 1
  if grep -q '^[WE]: Failed to fetch' "$apt_log"; then return 1; fi
  private_apt_updated+="$apt_root "
}

private_apt_get() { (cd "$apt_root/download" && apt-get "${apt_opts[@]}" "$@" >>"$apt_log" 2>&1); }

# With a version, a .deb of it already downloaded is reused (apt names the file with the epoch's
# ':' escaped as %3a); a package of Architecture: all is fetched without the :amd64 qualifier.
# Without one, an older download of PKG is removed first, so the path printed is the candidate's.
private_apt_download() {
  local pkg=$1 version=${2:-} deb
  if [ -n "$version" ]; then
    deb=$(ls "$apt_root/download/${pkg}_${version/:/%3a}_"*.deb 2>/dev/null | head -n 1 || true)
    if [ -z "$deb" ]; then
      private_apt_get download -qq "$pkg:amd64=$version" || private_apt_get download -qq "$pkg=$version" || return 1
      deb=$(ls "$apt_root/download/${pkg}_${version/:/%3a}_"*.deb 2>/dev/null | head -n 1 || true)
    fi
  else
    rm -f "$apt_root/download/${pkg}"_*.deb
    private_apt_get download -qq "$pkg:amd64" || return 1
    deb=$(ls "$apt_root/download/${pkg}"_*_amd64.deb 2>/dev/null | head -n 1 || true)
  fi
  if [ -z "$deb" ]; then
    echo "apt-get download $pkg${version:+=$version} reported success but left no .deb in $apt_root/download" >>"$apt_log"
    return 1
  fi
  echo "$deb"
}

# An index apt could not fetch is named by its "Failed to fetch" line (the lines after it only say
# that some index was ignored); otherwise apt's last lines say what went wrong.
apt_log_tail() {
  local what
  what=$(grep -m 1 'Failed to fetch' "$apt_log" || tail -n "${1:-3}" "$apt_log" | tr '\n' ' ')
  echo "(see $apt_log): $what"
}

deb_field() { dpkg-deb -f "$1" "$2"; }

deb_matches() {
  [ "$(deb_field "$1" Package)" = "$2" ] || return 1
  # shellcheck disable=SC2254 # $3 is a glob on purpose
  case "$(deb_field "$1" Version)" in $3) return 0;; *) return 1;; esac
}

deb_unpack() { mkdir -p "$2" && dpkg-deb -x "$1" "$2"; }

deb_provenance() { echo "$(deb_field "$1" Package) $(deb_field "$1" Version) ($2)"; }
