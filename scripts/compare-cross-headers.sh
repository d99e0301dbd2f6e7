#!/bin/sh
# Checks the shipped syscall numbers of one kernel generation against
# Debian's own cross headers of that generation: for every ABI Debian ships
# linux-libc-dev-<arch>-cross for, `manaudit extract` reads the package's
# headers and every syscall name and number must equal the shipped data's
# (which came from the kernel source's `make headers_install`).
#
# usage: scripts/compare-cross-headers.sh [--cache DIR] [VERSION]
#   VERSION  6.12 (Debian 13's cross headers, the default) or 6.1 (Debian 12's)
# The packages are downloaded with a private apt configuration under the
# cache (default $MANAUDIT_CACHE or ~/.cache/manaudit) and unpacked there;
# nothing is installed. Exit 0 when every ABI agrees, 1 otherwise.
set -eu

cache=${MANAUDIT_CACHE:-${HOME:-/root}/.cache/manaudit}
if [ "${1:-}" = "--cache" ]; then cache=$2; shift 2; fi
version=${1:-6.12}
case $version in
    6.1) suite=bookworm ;;
    6.12) suite=trixie ;;
    *) echo "compare-cross-headers.sh: 6.1 or 6.12" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
manaudit=${MANAUDIT:-$root/build/cli/manaudit}
[ -x "$manaudit" ] || { echo "compare-cross-headers.sh: build manaudit first (scripts/build.sh)" >&2; exit 2; }
data=$root/arch-data/linux-$version
mkdir -p "$cache"
cache=$(cd "$cache" && pwd)

apt_dir=$cache/apt-$suite
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/cross"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
    > "$apt_dir/sources.list"
[ -f "$apt_dir/status" ] || : > "$apt_dir/status"
private_apt() {
    "$@" -o Dir::Etc::sourcelist="$apt_dir/sources.list" -o Dir::Etc::sourceparts=- \
        -o Dir::State="$apt_dir" -o Dir::State::Lists="$apt_dir/lists" \
        -o Dir::State::status="$apt_dir/status" -o Dir::Cache="$apt_dir/cache" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root
}
[ -n "$(ls "$apt_dir/lists" 2>/dev/null | grep Packages || true)" ] || private_apt apt-get -qq update

# id debian-arch triple, for every ABI the arch table gives a Debian name.
rows=$("$manaudit" extract --list-arches)
rm -f "$cache/compare-failed"
echo "$rows" | while read -r id debarch triple _karch; do
    [ -n "$debarch" ] && [ "$debarch" != "-" ] || continue
    [ -f "$data/$id.xml" ] || continue
    package=linux-libc-dev-$debarch-cross
    deb=$(ls "$apt_dir/cross/${package}_"*.deb 2>/dev/null | tail -1 || true)
    if [ -z "$deb" ]; then
        if ! (cd "$apt_dir/cross" && private_apt apt-get -qq download "$package" >/dev/null 2>&1); then
            echo "$id: no $package in Debian $suite"
            continue
        fi
        deb=$(ls "$apt_dir/cross/${package}_"*.deb | tail -1)
    fi
    tree=$apt_dir/cross/$package
    [ -d "$tree" ] || dpkg-deb -x "$deb" "$tree"
    include=$tree/usr/$triple/include
    [ -d "$include" ] || include=$(dirname "$(find "$tree/usr" -path '*/include/asm/unistd.h' | head -1)")/..
    got=$("$manaudit" extract --arch "$id" --sysroot "$include" 2>/dev/null |
          sed -n 's/.*<syscall name="\([^"]*\)" number="\([^"]*\)".*/\1 \2/p' | sort)
    want=$(sed -n 's/.*<syscall name="\([^"]*\)" number="\([^"]*\)".*/\1 \2/p' "$data/$id.xml" | sort)
    n=$(echo "$want" | wc -l)
    if [ "$got" = "$want" ]; then
        echo "$id: $n syscalls, all equal ($(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version))"
    else
        echo "$id: DIFFERS from $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version):"
        printf '%s\n' "$want" > "$cache/want.txt"
        printf '%s\n' "$got" > "$cache/got.txt"
        diff "$cache/want.txt" "$cache/got.txt" | sed 's/^/    /' | head -20
        echo fail > "$cache/compare-failed"
    fi
done
if [ -f "$cache/compare-failed" ]; then rm -f "$cache/compare-failed"; exit 1; fi
