#!/bin/sh
# Times `manaudit extract --all` into a scratch directory: wall time and peak RSS,
# from the installed cross headers, and from each fetched kernel source tree
# (scripts/fetch-kernel-source.sh VERSION) found in the cache.
# Usage: bench/extract_bench.sh [path/to/manaudit] [jobs]
set -eu

manaudit=${1:-build/cli/manaudit}
jobs=${2:-2}

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
trap 'rm -rf "$out" "$report"' EXIT

# measure LABEL ARGS...: one extract --all run, its wall time and peak RSS.
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
    echo "extract --all $label: $arches arches, $jobs workers, wall $wall, peak RSS $((peak_kb / 1024)) MiB"
}

measure "(cross headers)"
cache=${MANAUDIT_CACHE:-${HOME:-/root}/.cache/manaudit}
for tree in "$cache"/linux-*/src; do
    [ -f "$tree/Makefile" ] || continue
    measure "--kernel-source $tree" --kernel-source "$tree"
done
