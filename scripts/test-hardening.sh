#!/bin/sh
# Longer fuzzing than CI's smoke run: each fuzz target for FUZZ_SECONDS
# (default 600, the targets side by side) on the clang build with the
# sanitizers. scripts/test.sh (CI) already runs the clang -Werror build, the
# whole suite under ASan+UBSan, clang-tidy and 60 s of each target.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
step() { echo "== test-hardening.sh: $* ($(date -u +%H:%M:%S))"; }
step "clang build (-Werror, ASan+UBSan, fuzz targets)"
scripts/build_clang.sh
step "fuzz targets, ${FUZZ_SECONDS:-600} s each"
scripts/fuzz.sh -t "${FUZZ_SECONDS:-600}"
step "done"
