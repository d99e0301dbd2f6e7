#!/bin/sh
# Times `manaudit extract --all` into a scratch directory: wall time and peak RSS.
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

/usr/bin/time -v "$manaudit" extract --all -j "$jobs" -o "$out" 2>"$report" >/dev/null || {
    cat "$report" >&2
    exit 1
}

arches=$(ls "$out"/*.xml | wc -l)
wall=$(sed -n 's/^[[:space:]]*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$report")
peak_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$report")
echo "extract --all: $arches arches, $jobs workers"
echo "wall time: $wall"
echo "peak RSS: $((peak_kb / 1024)) MiB ($peak_kb kB)"
