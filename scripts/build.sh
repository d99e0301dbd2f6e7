#!/bin/sh
# Configures and builds manaudit in build/ (warnings are errors).
set -eu
cd "$(dirname "$0")/.."
# ccache, when installed, makes rebuilds of unchanged files free.
launcher=""
command -v ccache >/dev/null 2>&1 && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANAUDIT_WERROR=ON $launcher >/dev/null
cmake --build build -j"$(nproc)"
