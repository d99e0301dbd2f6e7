#!/bin/sh
# Fetches Debian's linux-source-X package for one kernel generation, unpacks
# only what fact extraction needs, and installs the UAPI headers of every
# kernel architecture with the kernel's own `make headers_install` (host
# compiler only, no cross toolchain). Nothing is installed on the system and
# its apt sources stay untouched: apt runs with a private configuration (own
# sources list, lists, cache and an empty dpkg status) under the cache folder.
#
# usage: scripts/fetch-kernel-source.sh [--cache DIR] [--extract] VERSION
#   VERSION    6.1 (Debian 12, bookworm) or 6.12 (Debian 13, trixie)
#   --cache    where to keep downloads and trees
#              (default: $MANAUDIT_CACHE or ~/.cache/manaudit)
#   --extract  then run `manaudit extract --all --kernel-source` into
#              arch-data/linux-VERSION/ (needs build/cli/manaudit)
# Prints the kernel tree's path on its last line. Safe to run again: every
# step that is already done is skipped.
set -eu

cache=${MANAUDIT_CACHE:-${HOME:-/root}/.cache/manaudit}
extract=no
while [ $# -gt 0 ]; do
    case $1 in
        --cache) cache=$2; shift 2 ;;
        --extract) extract=yes; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        -*) echo "fetch-kernel-source.sh: unknown option $1" >&2; exit 2 ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || { echo "usage: fetch-kernel-source.sh [--cache DIR] [--extract] VERSION" >&2; exit 2; }
version=$1
case $version in
    6.1) suite=bookworm ;;
    6.12) suite=trixie ;;
    *) echo "fetch-kernel-source.sh: no Debian suite known for Linux $version (6.1 or 6.12)" >&2; exit 2 ;;
esac
package=linux-source-$version
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$cache" "$cache/linux-$version/headers"
cache=$(cd "$cache" && pwd)

# A private apt: its own sources list, state and cache; the system's stay as they are.
apt_dir=$cache/apt-$suite
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $suite main" \
    > "$apt_dir/sources.list"
: > "$apt_dir/status"
private_apt() {
    "$@" -o Dir::Etc::sourcelist="$apt_dir/sources.list" -o Dir::Etc::sourceparts=- \
        -o Dir::State="$apt_dir" -o Dir::State::Lists="$apt_dir/lists" \
        -o Dir::State::status="$apt_dir/status" -o Dir::Cache="$apt_dir/cache" \
        -o Debug::NoLocking=1 -o APT::Sandbox::User=root
}

deb=$(ls "$apt_dir/debs/${package}_"*_all.deb 2>/dev/null | tail -1 || true)
if [ -z "$deb" ]; then
    echo "fetch-kernel-source.sh: downloading $package from Debian $suite" >&2
    private_apt apt-get -qq update
    (cd "$apt_dir/debs" && private_apt apt-get -qq download "$package")
    deb=$(ls "$apt_dir/debs/${package}_"*_all.deb | tail -1)
fi
deb_version=$(dpkg-deb -f "$deb" Version)

# Each one-time step says how long it took (bench/extract_bench.sh --setup reads it).
took() { echo "fetch-kernel-source.sh: $1 took $(( $(date +%s) - $2 )) s" >&2; }

tree=$cache/linux-$version/src
if [ ! -f "$tree/Makefile" ]; then
    echo "fetch-kernel-source.sh: unpacking $package $deb_version" >&2
    started=$(date +%s)
    rm -rf "$tree.partial"
    mkdir -p "$tree.partial"
    # The package holds one tarball; take from it only the build system,
    # arch/ and include/ (headers and syscall tables), skipping drivers & co.
    dpkg-deb --fsys-tarfile "$deb" | tar -xO --wildcards './usr/src/linux-source-*.tar.*' |
        tar -xJ -C "$tree.partial" --strip-components=1 \
            --wildcards --no-wildcards-match-slash \
            'linux-source-*/Makefile' 'linux-source-*/scripts' 'linux-source-*/arch' \
            'linux-source-*/include' 'linux-source-*/usr' 'linux-source-*/Kbuild' \
            'linux-source-*/Kconfig' 'linux-source-*/tools/include' \
            'linux-source-*/tools/scripts' 'linux-source-*/tools/arch'
    printf '%s\n' "$package $deb_version" > "$tree.partial/.manaudit-package"
    mv "$tree.partial" "$tree"
    took unpack "$started"
fi

# UAPI headers per kernel ARCH (what `make headers_install` gives); each
# ARCH builds in its own O= folder so the source tree stays clean and
# ARCHes can run side by side.
arches=$(cd "$tree/arch" && for a in *; do [ -f "$a/Makefile" ] && [ "$a" != um ] && echo "$a"; done)
jobs=$(nproc 2>/dev/null || echo 2)
started=$(date +%s)
todo=0
for arch in $arches; do [ -f "$cache/linux-$version/headers/$arch/include/asm/unistd.h" ] || todo=$((todo + 1)); done
for arch in $arches; do
    out=$cache/linux-$version/headers/$arch
    [ -f "$out/include/asm/unistd.h" ] && continue
    echo "$arch"
done | xargs -r -P "$jobs" -I{} sh -c '
    arch={}; tree=$1; base=$2
    # `make headers` leaves the exported headers in O/usr/include; they are
    # copied by hand (headers_install would need rsync) and renamed into
    # place only when complete.
    if [ -f "$base/build/$arch/usr/include/asm/unistd.h" ] ||
       make -s -j4 -C "$tree" O="$base/build/$arch" ARCH="$arch" headers >"$base/build-$arch.log" 2>&1; then
        rm -rf "$base/headers/$arch.partial" "$base/headers/$arch"
        mkdir -p "$base/headers/$arch.partial"
        cp -a "$base/build/$arch/usr/include" "$base/headers/$arch.partial/include"
        find "$base/headers/$arch.partial" \( -name ".*.cmd" -o -name ".*" -type f \) -delete
        mv "$base/headers/$arch.partial" "$base/headers/$arch"
        rm -rf "$base/build/$arch" "$base/build-$arch.log"
    else
        echo "fetch-kernel-source.sh: make headers failed for ARCH=$arch (see $base/build-$arch.log)" >&2
    fi
' sh "$tree" "$cache/linux-$version"
[ "$todo" -eq 0 ] || took "make headers for $todo ARCHes" "$started"

if [ "$extract" = yes ]; then
    "$root/build/cli/manaudit" extract --all --kernel-source "$tree" \
        --headers "$cache/linux-$version/headers" -o "$root/arch-data/linux-$version"
fi
echo "$tree"
