#!/usr/bin/env bash
# Installs everything the build and the tests need. Idempotent: each step checks
# first and skips what is already there. Never edits the system's apt sources.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# --- Debian packages -------------------------------------------------------
# One line per package so a missing one is easy to spot in review.
APT_PACKAGES=(
  emscripten           # emcc 3.1.6: the wasm toolchain
  binaryen             # wasm-split, wasm-dis: the planner's code as a second module (scripts/split-wasm.py)
  chromium             # end-to-end tests and benchmarks (never a downloaded browser)
  nlohmann-json3-dev   # JSON (header-only)
  doctest-dev          # unit tests (header-only)
  libmd4c-dev          # CommonMark parser for the content compiler
  fonts-inter          # the UI font
  fonts-noto-core      # the test browser's fonts for Arabic, Hebrew, Indic and Thai, as a learner's system has them
  fonts-noto-cjk       # ... for Chinese, Japanese and Korean
  fonts-noto-color-emoji  # ... for emoji
  unicode-data         # the Unicode tables search and sort fold names with (generated at build time)
  fonttools            # pyftsubset: cut the font to the glyphs we use
  python3-brotli       # lets fonttools and our size report use brotli
  brotli zip unzip     # size report, LMS packages
  libxml2-utils        # xmllint: validates the LMS manifests
  librsvg2-bin         # rsvg-convert: app icons from our SVG
  clang                # libFuzzer targets
  valgrind             # callgrind: the instruction counts of scripts/bench.sh
  cmake g++ make xz-utils ca-certificates
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Dear ImGui source (Debian source package, verified) --------------------
scripts/fetch-imgui.sh

# --- npm packages for the tests (pinned by package-lock.json) ---------------
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.setup-stamp ]; then
  log "npm: installing test packages (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.setup-stamp
fi
