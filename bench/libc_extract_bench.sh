#!/bin/bash
# The C library's facts: times `manaudit extract --libc` for every ABI with
# glibc headers installed (wall time, CPU time, peak RSS), then the audit of
# the installed release with the C library's view (the default) against
# `--libc-data none` (the audit as it was before those checks): medians of
# REPEATS runs each, and the extra time in percent.
#
# Usage: bench/libc_extract_bench.sh [BUILD_DIR] [REPEATS]
# MANAUDIT_RELEASE names the release audited and probed (default: /usr/share/man).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
repeats=${2:-5}
release=${MANAUDIT_RELEASE:-/usr/share/man}

[[ -x $build/cli/manaudit ]] || { echo "libc_extract_bench: no manaudit at $build/cli/manaudit" >&2; exit 2; }
manaudit=$(cd "$build" && pwd)/cli/manaudit
[[ -x /usr/bin/time ]] || { echo "libc_extract_bench: GNU time not found (apt-get install time)" >&2; exit 2; }
[[ $repeats =~ ^[1-9][0-9]*$ ]] || { echo "libc_extract_bench: REPEATS must be a positive number" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run LABEL ARGS...: REPEATS runs; prints the median wall and CPU seconds and the largest peak RSS.
run() {
    local label=$1
    shift
    local walls=() cpus=() peak=0
    for _ in $(seq "$repeats"); do
        /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || {
            # The audit exits 1 when it reports findings.
            [[ $? -eq 1 && $label == audit* ]] || { cat "$work/err" >&2; exit 1; }
        }
        # GNU time puts "Command exited with non-zero status N" first when the command fails.
        read -r wall user sys rss < <(tail -n 1 "$work/time")
        walls+=("$wall")
        cpus+=("$(echo "$user + $sys" | bc)")
        ((rss > peak)) && peak=$rss
    done
    median_wall=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(((repeats + 1) / 2))p")
    median_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(((repeats + 1) / 2))p")
    echo "$label: median wall ${median_wall} s, median CPU ${median_cpu} s, peak RSS $((peak / 1024)) MiB"
}

run "extract --libc (all ABIs, -j 2)" "$manaudit" extract --libc --pages "$release" -j 2 -o "$work/data"
echo "  $(ls "$work/data"/*.xml | wc -l) ABIs written"

run "audit without the C library (--libc-data none)" "$manaudit" audit "$release" --libc-data none
before=$median_cpu
before_wall=$median_wall
run "audit with the C library (default)" "$manaudit" audit "$release"
echo "extra time: CPU $(echo "scale=1; ($median_cpu - $before) * 100 / $before" | bc)%," \
     "wall $(echo "scale=1; ($median_wall - $before_wall) * 100 / $before_wall" | bc)%"
