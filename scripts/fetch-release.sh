#!/bin/sh
# Downloads a man-pages release as Debian packages it (default: Debian 13's
# manpages-dev 6.9.1) with a private apt configuration, unpacks it and lays it
# out as a git repository in today's upstream layout: man/man2/*.2,
# man/man2type/, man/man3type/, ... with top-level compat symlinks
# (man2 -> man/man2), aliases as `.so` pages the way upstream ships them.
#
# usage: scripts/fetch-release.sh [--cache DIR] [--suite SUITE] [--version V] [--layout man|flat]
#   --cache DIR    where everything goes (default: $MANAUDIT_CACHE or ~/.cache/manaudit)
#   --suite SUITE  Debian suite to download from (default trixie)
#   --version V    package version wanted (default 6.9.1-1)
#   --layout L     man: man/manN + compat symlinks (default); flat: manN/ only
#
# The system's apt sources, lists and dpkg status are never read or changed:
# apt runs with its own sources.list, state, lists and cache under the cache
# folder and an empty dpkg status file. Prints the tree's path on stdout.
# Running it again reuses what was downloaded.
set -eu

cache=${MANAUDIT_CACHE:-${HOME:-/tmp}/.cache/manaudit}
suite=trixie
version=6.9.1-1
layout=man
while [ $# -gt 0 ]; do
    case $1 in
        --cache) cache=$2; shift 2 ;;
        --suite) suite=$2; shift 2 ;;
        --version) version=$2; shift 2 ;;
        --layout) layout=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "fetch-release.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
case $layout in man|flat) ;; *) echo "fetch-release.sh: --layout is man or flat" >&2; exit 2 ;; esac

keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || { echo "fetch-release.sh: $keyring missing (apt-get install debian-archive-keyring)" >&2; exit 2; }

upstream=${version%-*}
apt_root="$cache/apt-$suite"
deb_dir="$cache/debs"
tree="$cache/man-pages-$upstream"
[ "$layout" = flat ] && tree="$cache/man-pages-$upstream-flat"

mkdir -p "$apt_root/lists/partial" "$apt_root/cache/archives/partial" "$deb_dir"
printf 'deb [signed-by=%s] http://deb.debian.org/debian %s main\n' "$keyring" "$suite" \
    > "$apt_root/sources.list"
: > "$apt_root/status"

apt_private() {
    apt-get -q \
        -o Dir::Etc::sourcelist="$apt_root/sources.list" \
        -o Dir::Etc::sourceparts=- \
        -o Dir::State="$apt_root" \
        -o Dir::State::Lists="$apt_root/lists" \
        -o Dir::State::status="$apt_root/status" \
        -o Dir::Cache="$apt_root/cache" \
        -o Debug::NoLocking=1 \
        -o APT::Sandbox::User=root \
        "$@"
}

deb="$deb_dir/manpages-dev_${version}_all.deb"
if [ ! -s "$deb" ]; then
    apt_private update >&2
    (cd "$deb_dir" && apt_private download "manpages-dev=$version" >&2)
    [ -s "$deb" ] || { echo "fetch-release.sh: download gave no $deb" >&2; exit 1; }
fi

if [ -d "$tree/.git" ]; then
    echo "$tree"
    exit 0
fi

unpacked="$cache/unpacked-$version"
rm -rf "$unpacked" "$tree.tmp"
mkdir -p "$unpacked"
dpkg-deb -x "$deb" "$unpacked"

here=$(cd "$(dirname "$0")" && pwd)
layout_option=--man-dir
[ "$layout" = flat ] && layout_option=
sh "$here/make_upstream_tree.sh" --from "$unpacked/usr/share/man" --all $layout_option "$tree.tmp" >&2
(
    cd "$tree.tmp"
    git init -q
    git add -A
    git -c user.name="man-pages release" -c user.email="release@localhost" \
        commit -q -m "man-pages $upstream as packaged by Debian ($version)"
)
rm -rf "$unpacked"
mv "$tree.tmp" "$tree"
echo "$tree"
