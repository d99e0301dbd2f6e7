#!/bin/sh
# Builds manaudit with clang in build-clang/: warnings are errors, and the
# code is instrumented for AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer, so this one build serves the clang check, the sanitizer test run
# and the fuzz targets.
#
# usage: scripts/build_clang.sh [TARGET...]   (default: everything)
set -eu
cd "$(dirname "$0")/.."
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# -O1 keeps the instrumented tests quick to build and still quick to run.
CC=clang CXX=clang++ cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DMANAUDIT_WERROR=ON -DMANAUDIT_SANITIZE=ON -DMANAUDIT_FUZZ=ON $launcher >/dev/null
if [ $# -eq 0 ]; then
    cmake --build build-clang -j"$(nproc)"
else
    for target in "$@"; do cmake --build build-clang -j"$(nproc)" --target "$target"; done
fi
