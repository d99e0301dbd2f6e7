#!/bin/sh
# The hardening run: the tests built by clang (-Werror) with AddressSanitizer
# and UndefinedBehaviorSanitizer, clang-tidy, and each fuzz target for
# FUZZ_SECONDS (default 60, the targets side by side).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
step() { echo "== test-hardening.sh: $* ($(date -u +%H:%M:%S))"; }
step "clang build (-Werror, ASan+UBSan, fuzz targets) and the tests under the sanitizers"
scripts/build_clang.sh
# Leaks in a test's own fixtures are not the code under test; everything else aborts.
(cd build-clang && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --output-on-failure -j"$(nproc)" --timeout 900)

# Findings fail the run when TIDY_STRICT=1; by default they are listed, since
# the whole tree has not yet been brought under every check.
step "clang-tidy"
if [ "${TIDY_STRICT:-0}" = 1 ]; then scripts/tidy.sh; else scripts/tidy.sh || echo "test.sh: clang-tidy findings listed above (not fatal)"; fi

step "fuzz targets, ${FUZZ_SECONDS:-60} s each"
scripts/fuzz.sh -t "${FUZZ_SECONDS:-60}"
step "done"
