#!/usr/bin/env bash
# Formats Sources and Tests with the committed .swift-format (the toolchain's `swift format`), then
# lints them strictly the way .ci/run does. Run it before every commit.
#   Scripts/format.sh          format in place, then lint
#   Scripts/format.sh --lint   lint only (what CI runs); exit 1 on any finding
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--lint" ]; then
    swift format format --in-place --recursive --parallel Sources Tests
fi
swift format lint --strict --recursive --parallel Sources Tests
