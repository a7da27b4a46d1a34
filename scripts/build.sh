#!/usr/bin/env bash
# Builds both configurations and leaves the static site in build/web/.
#   native (build/native): tools, tests      web (build/wasm -> build/web): the workbook
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
[ "${WB_SKIP_SETUP:-}" = 1 ] || scripts/setup.sh

# Builds one configuration; shows compiler diagnostics, hides progress lines.
build_quietly() {
  local out rc=0
  out=$(cmake --build "$1" -j "$JOBS" 2>&1) || rc=$?
  printf '%s\n' "$out" | grep -vE '^\[ *[0-9]+%\]|^(Consolidate|Scanning|Built target|gmake)|^content: ' || true
  [ $rc -eq 0 ] || die "build in $1 failed (see the messages above)"
}

# Configures quietly; shows the whole log only when configuring fails.
configure_quietly() {
  local dir=$1; shift
  mkdir -p "$dir"
  "$@" > "$dir/configure.log" 2>&1 || { cat "$dir/configure.log"; die "configuring $dir failed"; }
}

log "native build"
configure_quietly build/native cmake -S . -B build/native -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMGUI_DIR="$IMGUI_DIR"
build_quietly build/native

log "web build"
configure_quietly build/wasm emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR="$IMGUI_DIR" \
  -DWB_HOST_TOOLS_DIR="$PWD/build/native/bin"
build_quietly build/wasm

# The static site: our shell plus the module.
rm -rf build/web && mkdir -p build/web
cp web/style.css web/icon.svg build/web/
# The page and its scripts with their words from content/strings.json ({{key}}, T('key')),
# the scripts without their whole-line comments (they hold no multi-line strings):
# the comments are for us, the bytes are every learner's first download.
node scripts/web-text.mjs content/strings.json build/web web/index.html web/boot.js web/pwa.js
for js in boot.js pwa.js; do sed -i -E '/^[[:space:]]*\/\//d' "build/web/$js"; done
cp build/wasm/workbook.js build/wasm/workbook.wasm build/wasm/workbook.deferred.wasm build/web/
# Fonts of other scripts, fetched only when learner text needs them (ui/theme.h).
mkdir -p build/web/fonts
cp build/wasm/gen/font_extra_regular.ttf build/web/fonts/extra-regular.ttf
cp build/wasm/gen/font_extra_bold.ttf build/web/fonts/extra-bold.ttf
# Last: icons, manifest and the service worker listing every file's hash.
node scripts/make-pwa.mjs build/web
cat build/wasm/gen/content-report.txt
node scripts/size-report.mjs build/web index.html style.css boot.js pwa.js workbook.js workbook.wasm
# The planner's code, loaded after the first frame (scripts/split-wasm.py).
node scripts/size-report.mjs build/web workbook.deferred.wasm | sed -n 's/^size:/after first frame:/p' | head -2
# The chapter and every UI string (strings.json, by key number) inside the module, and the fonts.
node scripts/size-report.mjs build/wasm/gen content.bin font_regular.ttf font_bold.ttf font_italic.ttf | sed 's/^size:/embedded:/' 
