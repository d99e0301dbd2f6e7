#!/bin/bash
# Times `manaudit audit` (all checks, the 17 shipped ABIs) against
# `mandoc -Tlint` on the same pages of the installed release, side by side,
# and reports the audit's peak memory.
#
# Usage: bench/audit_bench.sh [BUILD_DIR] [REPEATS]
#   BUILD_DIR  the build tree holding cli/manaudit (default: build/ at the top of the source tree)
#   REPEATS    runs of each tool (default: 5); medians are compared
# MANAUDIT_RELEASE names another release tree (default: /usr/share/man).
#
# Both tools get the same files: the pages manaudit reads from the release
# (man2, the 3type pages, and the pages their aliases lead to), inflated into a
# temporary folder, all given on one command line to one process each.
# Wall time depends on what else the machine runs; CPU time (user + sys) less so.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build}
repeats=${2:-5}
release=${MANAUDIT_RELEASE:-/usr/share/man}

[[ -x $build/cli/manaudit ]] || { echo "audit_bench: no manaudit at $build/cli/manaudit; build it or pass the build dir" >&2; exit 2; }
manaudit=$(cd "$build" && pwd)/cli/manaudit
[[ -x /usr/bin/time ]] || { echo "audit_bench: GNU time not found (apt-get install time)" >&2; exit 2; }
command -v mandoc >/dev/null || { echo "audit_bench: mandoc not found (apt-get install mandoc)" >&2; exit 2; }
[[ $repeats =~ ^[1-9][0-9]*$ ]] || { echo "audit_bench: REPEATS must be a positive number" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files manaudit reads (their "origin" in the JSON output; a page's model
# path may follow the upstream layout instead), relative to the release root.
"$manaudit" parse --format json "$release" 2>/dev/null |
    sed -n 's/^ *"origin": "\(.*\)",$/\1/p' > "$work/origins.txt" || true
[[ -s $work/origins.txt ]] || { echo "audit_bench: manaudit found no pages in $release" >&2; exit 2; }
mkdir "$work/pages"
pages=()
while IFS= read -r origin; do
    page=${origin#"$release"}
    page=${page#/}
    page=${page%.gz}
    mkdir -p "$work/pages/$(dirname "$page")"
    if [[ $origin == *.gz ]]; then
        gzip -dc "$origin" > "$work/pages/$page"
    else
        cp "$origin" "$work/pages/$page"
    fi
    pages+=("$page")
done < "$work/origins.txt"
bytes=$(cd "$work/pages" && cat "${pages[@]}" | wc -c)

# Appends "wall_ms cpu_ms" of one run to FILE. Exit statuses up to MAX_OK are
# results (warnings, unreadable pages); above it the run failed.
TIMEFORMAT='%R %U %S'
measure() {
    local file=$1 max_ok=$2
    shift 2
    local status=0 real user sys
    { time /usr/bin/time -f %M -o "$work/rss.txt" "$@" > /dev/null 2>&1; } 2> "$work/time.txt" || status=$?
    if ((status > max_ok)); then
        echo "audit_bench: $1 failed with status $status" >&2
        exit 1
    fi
    read -r real user sys < "$work/time.txt"
    awk -v r="$real" -v u="$user" -v s="$sys" -v m="$(tail -1 "$work/rss.txt")" \
        'BEGIN { printf "%d %d %d\n", r * 1000, (u + s) * 1000, m / 1024 }' >> "$file"
}

# Median of column COLUMN of FILE.
median() {
    cut -d' ' -f"$2" "$1" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

cd "$work/pages"
for ((i = 0; i < repeats; i++)); do
    measure "$work/audit.ms" 3 "$manaudit" audit --exit-zero "${pages[@]}"
    measure "$work/mandoc.ms" 4 mandoc -Tlint "${pages[@]}"  # 2 warnings, 3 errors, 4 unsupported
    measure "$work/audit1.ms" 3 "$manaudit" audit --exit-zero -j 1 "${pages[@]}"
done

report() {  # LABEL FILE
    printf '%-34s wall %5d ms   cpu %5d ms   peak RSS %4d MB\n' "$1" "$(median "$2" 1)" "$(median "$2" 2)" \
        "$(median "$2" 3)"
}
echo "${#pages[@]} pages, $bytes bytes inflated from $release; median of $repeats runs, $(nproc) cores"
report "manaudit audit FILES..." "$work/audit.ms"
report "manaudit audit -j 1 FILES..." "$work/audit1.ms"
report "mandoc -Tlint FILES..." "$work/mandoc.ms"
ratio() {  # LABEL FILE
    awk -v label="$1" -v aw="$(median "$2" 1)" -v mw="$(median "$work/mandoc.ms" 1)" \
        -v ac="$(median "$2" 2)" -v mc="$(median "$work/mandoc.ms" 2)" 'BEGIN {
        printf "ratio %s/mandoc: wall %.2f, cpu %.2f\n", label, aw / (mw > 0 ? mw : 1), ac / (mc > 0 ? mc : 1)
    }'
}
ratio "audit" "$work/audit.ms"
ratio "audit -j 1" "$work/audit1.ms"
