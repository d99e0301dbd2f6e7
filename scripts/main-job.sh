#!/bin/sh
# Sets up, builds, and audits the installed man-pages release against the
# shipped arch data, writing findings, the per-architecture report and both
# patch series to OUT
# (default: manaudit-output/). Safe to run again: it replaces OUT's results.
set -eu
cd "$(dirname "$0")/.."
OUT=${1:-manaudit-output}
scripts/install-deps.sh
scripts/build.sh
mkdir -p "$OUT"
manaudit=build/cli/manaudit

# Exit status 1 means "findings (or patches) written": the job done, not a failure.
run() {
    status=0
    "$@" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "main-job: '$*' failed with exit status $status" >&2
        exit "$status"
    fi
}

run "$manaudit" audit --format text --color never -o "$OUT/findings.txt"
run "$manaudit" audit --format sarif -o "$OUT/findings.sarif"
run "$manaudit" audit --format json -o "$OUT/findings.json"
run "$manaudit" report --format html -o "$OUT/report.html"
run "$manaudit" report --format text -o "$OUT/report.txt"
run "$manaudit" patch --mode fix --force -o "$OUT/patches-fix"
run "$manaudit" patch --mode flag --force -o "$OUT/patches-flag"

findings=$(grep -c ': warning: ' "$OUT/findings.txt" || true)
echo "main-job: $findings findings on the installed release, against the $(ls arch-data/linux-6.12/*.xml | wc -l) architectures of the Linux 6.12 facts"
echo "main-job: $OUT/findings.txt, findings.sarif, findings.json"
echo "main-job: report: $(cd "$OUT" && pwd)/report.html (text: $OUT/report.txt)"
echo "main-job: $OUT/patches-fix/ ($(ls "$OUT"/patches-fix/*.patch | wc -l) files), $OUT/patches-flag/ ($(ls "$OUT"/patches-flag/*.patch | wc -l) files)"
