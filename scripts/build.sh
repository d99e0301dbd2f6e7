#!/bin/sh
# Configures and builds manaudit in build/ (warnings are errors).
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMANAUDIT_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
