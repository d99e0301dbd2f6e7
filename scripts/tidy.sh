#!/bin/sh
# Runs clang-tidy (the checks in .clang-tidy) over manaudit's sources, using
# the compile commands of the clang build (scripts/build_clang.sh configures it).
# usage: scripts/tidy.sh [FILE...]   (default: every library and cli source)
set -eu
cd "$(dirname "$0")/.."
[ -f build-clang/compile_commands.json ] || { echo "tidy: configure build-clang first (scripts/build_clang.sh)" >&2; exit 2; }
if [ $# -eq 0 ]; then
    set -- $(git ls-files 'audit/*.cpp' 'parsers/*.cpp' 'arch-data/*.cpp' 'manpages/*.cpp' 'patches/*.cpp' 'cli/*.cpp')
fi
# -quiet: only findings; warnings are errors (.clang-tidy), so any finding fails.
printf '%s\n' "$@" | xargs -P "$(nproc)" -n 4 clang-tidy-14 -p build-clang --quiet 2>&1 |
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$|^Suppressed [0-9]+ warnings|^Use -header-filter|^Use -system-headers' \
    > build-clang/tidy.log || true
if grep -q -E 'warning:|error:' build-clang/tidy.log; then
    cat build-clang/tidy.log >&2
    echo "tidy: findings above" >&2
    exit 1
fi
echo "tidy: clean ($# files)"
