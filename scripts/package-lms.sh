#!/usr/bin/env bash
# Builds the SCORM packages for a course system (LMS):
#   build/lms/networking-workbook-scorm12.zip     SCORM 1.2
#   build/lms/networking-workbook-scorm2004.zip   SCORM 2004 4th Edition
# Each is the static site (build/web) with imsmanifest.xml at the root. The
# page's own <meta> Content-Security-Policy travels with it (an LMS serves the
# files itself, so response headers are the LMS's business; see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
WB_SKIP_SETUP=${WB_SKIP_SETUP:-1} scripts/build.sh   # incremental

grep -q "script-src 'self' 'wasm-unsafe-eval'" build/web/index.html || die "build/web/index.html lacks its Content-Security-Policy"
rm -rf build/lms && mkdir -p build/lms
for v in 12 2004; do
  dir="build/lms/scorm$v"
  mkdir -p "$dir"
  cp -R build/web/. "$dir/"
  node scripts/lms/manifest.mjs "$v" "$dir" "$dir/imsmanifest.xml"
  xmllint --noout "$dir/imsmanifest.xml" || die "imsmanifest.xml for SCORM $v is not well-formed"
  # Stable bytes: fixed times, sorted names, no extra attributes.
  find "$dir" -exec touch -h -d '2024-01-01T00:00:00Z' {} +
  (cd "$dir" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | zip -q -X -9 "../networking-workbook-scorm$v.zip" -@)
  log "build/lms/networking-workbook-scorm$v.zip: $(du -k "build/lms/networking-workbook-scorm$v.zip" | cut -f1) KB"
done
