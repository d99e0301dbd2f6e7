# Sourced by the benchmarks that race manaudit against `mandoc -Tlint`
# (bash; set bench_name first). Reads the arguments [BUILD_DIR] [REPEATS],
# checks the tools, and inflates the pages manaudit reads from the release
# (man2, the 3type pages, and the pages their aliases lead to) into
# $work/pages, so both tools get the same files on one command line.
# Sets: manaudit, repeats, release, work, pages (relative to $work/pages),
# bytes. Provides measure and median.

bench_here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=${1:-$bench_here/../build}
repeats=${2:-5}
release=${MANAUDIT_RELEASE:-/usr/share/man}

bench_fail() { echo "$bench_name: $*" >&2; exit 2; }
[[ -x $build/cli/manaudit ]] || bench_fail "no manaudit at $build/cli/manaudit; build it or pass the build dir"
manaudit=$(cd "$build" && pwd)/cli/manaudit
[[ -x /usr/bin/time ]] || bench_fail "GNU time not found (apt-get install time)"
command -v mandoc >/dev/null || bench_fail "mandoc not found (apt-get install mandoc)"
[[ $repeats =~ ^[1-9][0-9]*$ ]] || bench_fail "REPEATS must be a positive number"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The files manaudit reads (their "origin" in the JSON output; a page's model
# path may follow the upstream layout instead), relative to the release root.
"$manaudit" parse --format json "$release" 2>/dev/null |
    sed -n 's/^ *"origin": "\(.*\)",$/\1/p' > "$work/origins.txt" || true
[[ -s $work/origins.txt ]] || bench_fail "manaudit found no pages in $release"
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

# measure FILE MAX_OK COMMAND...: appends "wall_ms cpu_ms peak_rss_mb" of one
# run to FILE. Exit statuses up to MAX_OK are results (warnings, unreadable
# pages); above it the run failed.
TIMEFORMAT='%R %U %S'
measure() {
    local file=$1 max_ok=$2
    shift 2
    local status=0 real user sys
    { time /usr/bin/time -f %M -o "$work/rss.txt" "$@" > /dev/null 2>&1; } 2> "$work/time.txt" || status=$?
    if ((status > max_ok)); then
        echo "$bench_name: $1 failed with status $status" >&2
        exit 1
    fi
    read -r real user sys < "$work/time.txt"
    awk -v r="$real" -v u="$user" -v s="$sys" -v m="$(tail -1 "$work/rss.txt")" \
        'BEGIN { printf "%d %d %d\n", r * 1000, (u + s) * 1000, m / 1024 }' >> "$file"
}

# median FILE COLUMN: the median of that column.
median() {
    cut -d' ' -f"$2" "$1" | sort -n |
        awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
