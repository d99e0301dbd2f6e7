#!/bin/sh
# Times `manaudit extract --all`: wall time and peak RSS, from the installed
# cross headers, from each fetched kernel source tree (scripts/fetch-kernel-source.sh
# VERSION) found in the cache, and all the trees together (the shipped data).
# With --setup it first times the one-time steps per kernel: unpacking the
# source package and `make headers` for every ARCH, in a scratch cache (the
# downloaded .deb is reused, nothing is fetched again).
# Usage: bench/extract_bench.sh [--setup] [path/to/manaudit] [jobs]
set -eu

setup=no
[ "${1:-}" = --setup ] && { setup=yes; shift; }
manaudit=${1:-build/cli/manaudit}
jobs=${2:-2}
root=$(cd "$(dirname "$0")/.." && pwd)

if [ ! -x "$manaudit" ]; then
    echo "extract_bench: no manaudit executable at '$manaudit' (pass its path)" >&2
    exit 2
fi
if [ ! -x /usr/bin/time ]; then
    echo "extract_bench: installing GNU time for /usr/bin/time -v" >&2
    apt-get install -y time >/dev/null
fi

out=$(mktemp -d)
report=$(mktemp)
scratch=$(mktemp -d)
trap 'rm -rf "$out" "$report" "$scratch"' EXIT
cache=${MANAUDIT_CACHE:-${HOME:-/root}/.cache/manaudit}

seconds_of() {  # h:mm:ss or m:ss.cc -> seconds
    echo "$1" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }'
}

# measure LABEL ARGS...: one extract --all run; prints its line, leaves the seconds in $last_seconds.
measure() {
    label=$1
    shift
    rm -f "$out"/*.xml
    /usr/bin/time -v "$manaudit" extract --all -j "$jobs" -o "$out" "$@" 2>"$report" >/dev/null || {
        cat "$report" >&2
        exit 1
    }
    arches=$(ls "$out"/*.xml | wc -l)
    wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
    peak_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$report")
    last_seconds=$(seconds_of "$wall")
    echo "extract --all $label: $arches arches, $jobs workers, wall ${last_seconds} s, peak RSS $((peak_kb / 1024)) MiB"
    total_arches=$((total_arches + arches))
    [ "$peak_kb" -gt "$total_peak_kb" ] && total_peak_kb=$peak_kb
    return 0
}

if [ "$setup" = yes ]; then
    for version in 6.1 6.12; do
        case $version in 6.1) suite=bookworm ;; *) suite=trixie ;; esac
        [ -d "$cache/apt-$suite/debs" ] || { echo "extract_bench: no downloaded linux-source-$version; run scripts/fetch-kernel-source.sh $version first" >&2; continue; }
        mkdir -p "$scratch/apt-$suite"
        cp -r "$cache/apt-$suite/debs" "$scratch/apt-$suite/"
        "$root/scripts/fetch-kernel-source.sh" --cache "$scratch" "$version" 2>&1 >/dev/null |
            sed -n "s/^fetch-kernel-source.sh: \(.* took .*\)/one-time setup, Linux $version: \1/p"
        rm -rf "$scratch/linux-$version"
    done
fi

total_arches=0
total_peak_kb=0
measure "(cross headers)"
total_arches=0
total_seconds=0
for tree in "$cache"/linux-*/src; do
    [ -f "$tree/Makefile" ] || continue
    measure "--kernel-source $tree" --kernel-source "$tree"
    total_seconds=$(echo "$total_seconds $last_seconds" | awk '{ printf "%.2f", $1 + $2 }')
done
[ "$total_arches" -gt 0 ] &&
    echo "extract --all, every kernel tree: $total_arches arches, wall $total_seconds s (target <= 10 s), peak RSS $((total_peak_kb / 1024)) MiB"
exit 0
