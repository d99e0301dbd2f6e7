#!/bin/sh
# Sets up, builds and runs every test, as CI does:
#  1. the clang build (-Werror, AddressSanitizer + UndefinedBehaviorSanitizer,
#     libFuzzer coverage) and the whole suite under the sanitizers;
#  2. each fuzz target for FUZZ_SECONDS (default 60), side by side;
#  3. clang-tidy (.clang-tidy) over the library and command sources;
#  4. the gcc build (-Werror) that the main job uses, and its unit tests.
# Unit tests run on fixtures; integration tests on the installed man-pages
# release, man-pages 6.9.1 and the shipped arch data.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
step() { echo "== test.sh: $* ($(date -u +%H:%M:%S))"; }

# man-pages 6.9.1 for the integration tests on today's layout: fetched once
# into ~/.cache/manaudit (a 2 MB package); without network the tests that
# need it report SKIP.
scripts/fetch-release.sh >/dev/null || echo "test.sh: could not fetch man-pages 6.9.1; its tests will SKIP" >&2

step "clang build (-Werror, ASan+UBSan, fuzz targets)"
scripts/build_clang.sh
step "the whole suite under the sanitizers"
# Leaks in a test's own fixtures are not the code under test; any other
# report aborts the test that caused it.
(cd build-clang && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j"$(nproc)" --timeout 900)

step "fuzz targets, ${FUZZ_SECONDS:-60} s each"
scripts/fuzz.sh -t "${FUZZ_SECONDS:-60}"

step "clang-tidy"
scripts/tidy.sh

step "gcc build (-Werror) and its unit tests"
scripts/build.sh
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 600 -LE integration)
step "done"
