#!/bin/bash
# Times `manaudit parse` against `mandoc -Tlint` on the same pages of the installed release.
#
# Usage: bench/parse_bench.sh [BUILD_DIR] [REPEATS]
#   BUILD_DIR  the build tree holding cli/manaudit (default: build/ at the top of the source tree)
#   REPEATS    runs of each tool (default: 5); medians are compared
# MANAUDIT_RELEASE names another release tree (default: /usr/share/man).
#
# Both tools get the same files (bench/release_pages.sh), all given on one
# command line to one process each.
# Wall time depends on what else the machine runs; CPU time (user + sys) less so.
set -euo pipefail

bench_name=parse_bench
# shellcheck source=bench/release_pages.sh
source "$(dirname "$0")/release_pages.sh"

cd "$work/pages"
for ((i = 0; i < repeats; i++)); do
    measure "$work/manaudit.ms" 3 "$manaudit" parse "${pages[@]}"
    measure "$work/mandoc.ms" 4 mandoc -Tlint "${pages[@]}"  # 2 warnings, 3 errors, 4 unsupported
    measure "$work/installed.ms" 3 "$manaudit" parse "$release"
    measure "$work/startup.ms" 3 "$manaudit" parse "${pages[0]}"
done

report() {  # LABEL FILE
    printf '%-34s wall %5d ms   cpu %5d ms\n' "$1" "$(median "$2" 1)" "$(median "$2" 2)"
}
echo "${#pages[@]} pages, $bytes bytes inflated from $release; median of $repeats runs"
report "manaudit parse FILES..." "$work/manaudit.ms"
report "mandoc -Tlint FILES..." "$work/mandoc.ms"
report "manaudit parse $release (.gz)" "$work/installed.ms"
report "manaudit parse ${pages[0]} (startup)" "$work/startup.ms"
awk -v aw="$(median "$work/manaudit.ms" 1)" -v mw="$(median "$work/mandoc.ms" 1)" \
    -v ac="$(median "$work/manaudit.ms" 2)" -v mc="$(median "$work/mandoc.ms" 2)" 'BEGIN {
    printf "ratio manaudit/mandoc: wall %.2f, cpu %.2f\n", aw / (mw > 0 ? mw : 1), ac / (mc > 0 ? mc : 1)
}'
