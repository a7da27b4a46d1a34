# Shared helpers for the scripts. Sourced, not run.
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Debian's emscripten needs Debian's acorn module (in /usr/share/nodejs), where a
# node that is not Debian's (e.g. NodeSource's) does not look: without this, emcc's
# link step fails with "Cannot find module 'acorn'".
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

# Where fetched third-party source lives: outside git, reused across builds.
WB_CACHE=${WB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/networking-workbook}
IMGUI_VERSION=1.90.1
IMGUI_DEB_VERSION=1.90.1+ds-1
IMGUI_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_DIR="$WB_CACHE/imgui-$IMGUI_VERSION"
JOBS=${JOBS:-$(nproc)}
