#!/bin/sh
# Sets up, builds and runs every test (unit tests on fixtures, integration
# tests on the installed man-pages release and the real cross headers).
# scripts/test-hardening.sh adds the clang build, the sanitizers, clang-tidy
# and fuzzing.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
step() { echo "== test.sh: $* ($(date -u +%H:%M:%S))"; }

step "gcc build (-Werror) and tests"
scripts/build.sh
# man-pages 6.9.1 for the integration tests on today's layout: fetched once
# into ~/.cache/manaudit (a 2 MB package); without network the tests that
# need it report SKIP.
scripts/fetch-release.sh >/dev/null || echo "test.sh: could not fetch man-pages 6.9.1; its tests will SKIP" >&2
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
