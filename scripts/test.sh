#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs, builds, and runs every test: units, command tests, black-box transcripts, man page
# and completion checks. Warnings are errors in CI (CI=true). Pass --sanitize for an
# AddressSanitizer + UndefinedBehaviorSanitizer build (in build-asan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
dir=build
flags=(-DSMM_BENCH=OFF)
if [ "${CI:-}" = "true" ]; then
  flags+=(-DSMM_WERROR=ON)
fi
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  flags+=(-DSMM_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug)
fi
cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir"
ctest --test-dir "$dir" --output-on-failure -j2
