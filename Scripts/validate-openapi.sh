#!/usr/bin/env bash
# Validates the OpenAPI document of kompas-gemeente (Sources/KompasServer/OpenAPIDocument.swift)
# with openapi-spec-validator from PyPI. Dev/CI helper: `pip install openapi-spec-validator` first.
# The Swift tests run the same check when the Python module is importable and skip it otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
python3 - Sources/KompasServer/OpenAPIDocument.swift "$tmp/openapi.json" <<'PY'
import json, sys
src = open(sys.argv[1], encoding="utf-8").read()
start = src.index('#"""') + 4
end = src.index('"""#', start)
doc = json.loads(src[start:end])
json.dump(doc, open(sys.argv[2], "w"))
PY
python3 -m openapi_spec_validator "$tmp/openapi.json"
