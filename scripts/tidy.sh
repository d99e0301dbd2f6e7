#!/bin/sh
# Runs clang-tidy (the checks in .clang-tidy) over manaudit's own sources, the
# libraries and the cli, using the compile commands of the clang build in
# build-clang/ (scripts/build_clang.sh or scripts/test.sh configure it). The
# tests are left out: they would double the time, and tidy's checks are about
# the code that ships. In a unity build each batch of sources is one run, so
# the headers are parsed once per batch rather than once per file.
# Exit 1 on any finding: .clang-tidy makes every one an error.
# usage: scripts/tidy.sh [-j JOBS] [FILE...]   (default: every library and cli source)
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc)
if [ "${1:-}" = "-j" ]; then jobs=$2; shift 2; fi
db=build-clang/compile_commands.json
[ -f "$db" ] || { echo "tidy: configure build-clang first (scripts/build_clang.sh)" >&2; exit 2; }
if [ $# -eq 0 ]; then
    # Every source the clang build compiles, but the tests' and the fuzz targets'.
    # C++ only: the assembler source that links the fact pack in is data.
    set -- $(sed -n 's/^ *"file": "\(.*\)",\{0,1\}$/\1/p' "$db" | grep -v -e '/tests/' -e '/build-clang/tests/' |
        grep -E '\.(cpp|cxx)$' | sort -u)
fi
# A unity batch is a generated file that #includes the sources it batches,
# just what bugprone-suspicious-include reports: off for those runs only.
extra=""
case "$*" in */Unity/unity_*) extra="--checks=-bugprone-suspicious-include" ;; esac
# -quiet: only findings.
# shellcheck disable=SC2086
printf '%s\n' "$@" | xargs -P "$jobs" -n 1 clang-tidy-14 -p build-clang --quiet $extra 2>&1 |
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers' \
    > build-clang/tidy.log || true
if grep -q -E 'error:|warning:' build-clang/tidy.log; then
    cat build-clang/tidy.log >&2
    echo "tidy: findings above" >&2
    exit 1
fi
echo "tidy: no error ($# translation units)"
