#!/usr/bin/env bash
# Sets up what is missing, builds, and serves the workbook.
#   scripts/serve.sh [--port N]      (default http://127.0.0.1:8080/)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
port=8080
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) echo "usage: scripts/serve.sh [--port N]"; exit 0 ;;
    *) die "unknown option '$1' (usage: scripts/serve.sh [--port N])" ;;
  esac
done
scripts/build.sh
exec node scripts/server.mjs --root build/web --port "$port"
