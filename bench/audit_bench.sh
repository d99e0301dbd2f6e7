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
# Both tools get the same files (bench/release_pages.sh), all given on one
# command line to one process each.
# Wall time depends on what else the machine runs; CPU time (user + sys) less so.
set -euo pipefail

bench_name=audit_bench
# shellcheck source=bench/release_pages.sh
source "$(dirname "$0")/release_pages.sh"

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
