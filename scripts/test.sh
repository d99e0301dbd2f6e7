#!/bin/sh
# Sets up, builds and runs every test (unit tests on fixtures, integration
# tests on the installed man-pages release and the real cross headers).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
