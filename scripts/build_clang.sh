#!/bin/sh
# Builds manaudit with clang in build-clang/: warnings are errors, and the
# code is instrumented for AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer, so this one build serves the clang check, the sanitizer test run
# and the fuzz targets. scripts/test.sh (CI) builds it this way.
#
# It is a unity build (each batch of 8 sources of a target is one translation
# unit, see CMAKE_UNITY_BUILD): from scratch it takes half the time, though
# changing one file recompiles its batch.
#
# usage: scripts/build_clang.sh [TARGET...]   (default: everything)
set -eu
cd "$(dirname "$0")/.."
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
# A build-clang/ configured before with another generator starts afresh.
if [ -f build-clang/CMakeCache.txt ] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' build-clang/CMakeCache.txt; then
    rm -rf build-clang/CMakeCache.txt build-clang/CMakeFiles
fi
# -O1 keeps the instrumented tests quick to build and still quick to run;
# line tables are enough for the sanitizers to name file and line.
CC=clang CXX=clang++ cmake -G Ninja -S . -B build-clang -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" \
    -DMANAUDIT_WERROR=ON -DMANAUDIT_SANITIZE=ON -DMANAUDIT_FUZZ=ON $launcher >/dev/null
if [ $# -eq 0 ]; then
    cmake --build build-clang -j"$(nproc)"
else
    for target in "$@"; do cmake --build build-clang -j"$(nproc)" --target "$target"; done
fi
