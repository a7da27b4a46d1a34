#!/usr/bin/env bash
# Fetches Dear ImGui's source from Debian's source package into a cache folder
# outside git and verifies its sha256. Uses a private apt state folder with a
# deb-src entry built from the system's own URI and key, so the system's apt
# source lists are never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

[ -f "$IMGUI_DIR/imgui.cpp" ] && exit 0
log "imgui: fetching $IMGUI_DEB_VERSION source from Debian"
work="$WB_CACHE/apt-src"
mkdir -p "$work/parts" "$work/lists/partial" "$work/cache/archives/partial" "$work/dl"

sources=/etc/apt/sources.list.d/debian.sources
uri=$(awk '/^URIs:/ {print $2; exit}' "$sources" 2>/dev/null || true)
key=$(awk '/^Signed-By:/ {print $2; exit}' "$sources" 2>/dev/null || true)
uri=${uri:-http://deb.debian.org/debian}
key=${key:-/usr/share/keyrings/debian-archive-keyring.gpg}
# 1.90.1 is in trixie; bookworm only has 1.86.
cat > "$work/parts/imgui-src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: $key
SRC
apt_opts=(-o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/parts"
          -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache"
          -o APT::Sandbox::User=root -qq)
apt-get "${apt_opts[@]}" update
(cd "$work/dl" && apt-get "${apt_opts[@]}" source --download-only "imgui=$IMGUI_DEB_VERSION")

tarball="$work/dl/imgui_${IMGUI_VERSION}+ds.orig.tar.xz"
echo "$IMGUI_SHA256  $tarball" | sha256sum -c --quiet - || die "imgui tarball checksum mismatch: $tarball"
rm -rf "$IMGUI_DIR.tmp" && mkdir -p "$IMGUI_DIR.tmp"
tar -xJf "$tarball" -C "$IMGUI_DIR.tmp" --strip-components=1
mv "$IMGUI_DIR.tmp" "$IMGUI_DIR"
log "imgui: source in $IMGUI_DIR"
