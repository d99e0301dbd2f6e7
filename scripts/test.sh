#!/bin/sh
# Sets up, builds and checks everything CI checks, on 2 cores in about a
# quarter of an hour from a cold start:
#   1. the clang build (-Werror) with AddressSanitizer, UndefinedBehaviorSanitizer
#      and libFuzzer coverage, in build-clang/;
#   2. every test (unit tests on fixtures, integration tests on the installed
#      man-pages release and the real cross headers) once, under the sanitizers;
#      then clang-tidy (fatal on any finding but cognitive complexity);
#   3. each fuzz target for FUZZ_SECONDS (default 60), side by side;
#   4. the gcc build (-Wall -Wextra -Werror) of everything, tests included, in
#      build-ci/: only built, as the suite already ran.
# Both builds are unity builds without full debug info: CI compiles everything
# from scratch, and a unity build parses each library's headers once.
# scripts/build.sh (the README's build, RelWithDebInfo) stays for everyday use.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
step() { echo "== test.sh: $* ($(date -u +%H:%M:%S))"; }
jobs=$(nproc)
unity="-G Ninja -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8"
# ccache, when installed, makes rebuilds of unchanged files free.
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"

step "clang build (-Werror, ASan+UBSan, fuzz targets)"
scripts/build_clang.sh

# man-pages 6.9.1 for the integration tests on today's layout: fetched once
# into ~/.cache/manaudit (a 2 MB package); without network the tests that
# need it report SKIP.
scripts/fetch-release.sh >/dev/null || echo "test.sh: could not fetch man-pages 6.9.1; its tests will SKIP" >&2

step "every test under the sanitizers"
# Leaks in a test's own fixtures are not the code under test; everything else aborts.
(cd build-clang && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j"$jobs" --timeout 900)

# After the suite, not beside it: on 2 cores the two side by side took longer.
step "clang-tidy"
scripts/tidy.sh

step "fuzz targets, ${FUZZ_SECONDS:-60} s each"
scripts/fuzz.sh -t "${FUZZ_SECONDS:-60}"

step "gcc build (-Wall -Wextra -Werror), tests included"
# -O2 as scripts/build.sh builds, for the same warnings; no -g, which CI does not read.
# shellcheck disable=SC2086
cmake -S . -B build-ci $unity $launcher -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" -DMANAUDIT_WERROR=ON >/dev/null
cmake --build build-ci -j"$jobs"
step "done"
