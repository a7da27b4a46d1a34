#!/usr/bin/env bash
# Benchmarks the workbook and prints one table: download size, time to first
# frame and idle cost, each against Dear ImGui's own example_glfw_opengl3 built
# here with the same toolchain (the baseline), plus native instruction counts of
# the core. Builds what it needs; everything it makes goes to build/bench/.
#   scripts/bench.sh            (WB_SKIP_SETUP=1 skips scripts/setup.sh, as in build.sh)
#   WB_BENCH_RUNS=11 scripts/bench.sh   time-to-first-frame runs of each page (default 7)
# Exit status: 0 all within budget, 3 something over budget, else the bench failed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

OUT=build/bench
mkdir -p "$OUT"

# Runs a step with its output in a log; shows the log only if it fails, so the
# table is the only thing on stdout.
quietly() {
  local name=$1; shift
  "$@" >"$OUT/$name.log" 2>&1 || { cat "$OUT/$name.log" >&2; die "$name failed (log: $OUT/$name.log)"; }
}

# True when every output exists and is newer than every input.
up_to_date() {  # up_to_date "OUTPUT..." INPUT...
  local outs=$1 o; shift
  for o in $outs; do
    [ -e "$o" ] || return 1
    [ -z "$(find "$@" -newer "$o" -print -quit 2>/dev/null)" ] || return 1
  done
}

# --- 1. our site ---------------------------------------------------------------
log "bench: building the workbook (scripts/build.sh)"
quietly build env WB_SKIP_SETUP="${WB_SKIP_SETUP:-}" scripts/build.sh
# Others may rebuild build/web while we measure: measure a private copy.
rm -rf "$OUT/ours" && cp -r build/web "$OUT/ours"
CONTENT_BIN=build/native/gen/content.bin
CONTENT_JSON=build/native/gen/content.json

# --- 2. the baseline: ImGui's example, unmodified, with its Makefile.emscripten flags
# Differences from that Makefile, all needed here: WebGL2 (as ours), link to .js
# with our own shell page (Debian's emcc cannot write .html; the +ds tarball has
# no examples/libs/), and our stand-in for emscripten_mainloop_stub.h.
BASE=$OUT/baseline
EXAMPLE=$IMGUI_DIR/examples/example_glfw_opengl3
BASE_SOURCES=("$EXAMPLE/main.cpp" "$IMGUI_DIR"/imgui{,_draw,_tables,_widgets,_demo}.cpp
              "$IMGUI_DIR/backends/imgui_impl_glfw.cpp" "$IMGUI_DIR/backends/imgui_impl_opengl3.cpp")
BASE_CXXFLAGS=(-Os -Wall -Wformat -sDISABLE_EXCEPTION_CATCHING=1 -DIMGUI_DISABLE_FILE_FUNCTIONS
               -I"$IMGUI_DIR" -I"$IMGUI_DIR/backends" -Itests/bench/baseline/libs)
BASE_LDFLAGS=(-Os -sDISABLE_EXCEPTION_CATCHING=1 -sUSE_GLFW=3 -sWASM=1 -sALLOW_MEMORY_GROWTH=1
              -sNO_EXIT_RUNTIME=0 -sASSERTIONS=1 -sNO_FILESYSTEM=1
              -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2)

build_baseline() {
  mkdir -p "$BASE/obj"
  local pids=() src
  for src in "${BASE_SOURCES[@]}"; do
    em++ "${BASE_CXXFLAGS[@]}" -c "$src" -o "$BASE/obj/$(basename "${src%.cpp}").o" &
    pids+=($!)
  done
  # Explicit returns: errexit is off inside a function run as `f || ...`.
  for p in "${pids[@]}"; do wait "$p" || return 1; done
  em++ "$BASE"/obj/*.o "${BASE_LDFLAGS[@]}" -o "$BASE/example.js"
}
mkdir -p "$BASE"
cp tests/bench/baseline/index.html tests/bench/baseline/shell.{css,js} "$BASE/"  # the page: cheap, always fresh
if up_to_date "$BASE/example.wasm $BASE/example.js" "${BASE_SOURCES[@]}" "$IMGUI_DIR"/*.h \
     "$IMGUI_DIR"/backends/imgui_impl_{glfw,opengl3}*.h tests/bench/baseline/libs scripts/bench.sh; then
  log "bench: baseline is up to date ($BASE)"
else
  log "bench: building the baseline (ImGui example_glfw_opengl3) into $BASE"
  quietly baseline-build build_baseline &
  baseline_job=$!
fi

# --- 3. the native core benchmark (g++ -O2, the core's sources compiled directly)
# Two programs on the same core objects: core_bench (instruction counts, below)
# and planner_timings (the planner's costs at 30,000 contacts, printed).
CORE_BIN=$OUT/core_bench
TIMINGS_BIN=$OUT/planner_timings
build_core_bench() {
  mkdir -p "$OUT/core_obj" "$OUT/bench_obj"
  local pids=() src
  for src in src/core/*.cpp; do
    g++ -std=c++20 -O2 -Isrc -Ibuild/native/gen -c "$src" -o "$OUT/core_obj/$(basename "${src%.cpp}").o" &
    pids+=($!)
  done
  for src in tests/bench/core_bench.cpp tests/bench/planner_timings.cpp; do
    g++ -std=c++20 -O2 -Isrc -Ibuild/native/gen -c "$src" -o "$OUT/bench_obj/$(basename "${src%.cpp}").o" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || return 1; done
  g++ "$OUT"/bench_obj/core_bench.o "$OUT"/core_obj/*.o -o "$CORE_BIN"
  g++ "$OUT"/bench_obj/planner_timings.o "$OUT"/core_obj/*.o -o "$TIMINGS_BIN"
}
if up_to_date "$CORE_BIN $TIMINGS_BIN" src/core tests/bench/core_bench.cpp tests/bench/planner_timings.cpp tests/support \
    scripts/bench.sh build/native/gen/unicode_key_table.inc; then
  log "bench: core_bench is up to date"
else
  log "bench: building $CORE_BIN"
  rm -rf "$OUT/core_obj" "$OUT/bench_obj"  # a deleted src/core file must not linger as an object
  quietly core-build build_core_bench
fi
[ -z "${baseline_job:-}" ] || wait "$baseline_job" || die "baseline build failed (log: $OUT/baseline-build.log)"

# --- 4. instruction counts under callgrind ------------------------------------
# Each operation with REPS and with 0 reps; the difference is the operation alone.
REPS=100
log "bench: counting instructions (callgrind, 18 runs)"
callgrind_ir() {  # callgrind_ir OP REPS -> prints the total Ir
  local f="$OUT/callgrind/$1.$2.out"
  valgrind --tool=callgrind --callgrind-out-file="$f" "$CORE_BIN" "$1" "$2" "$CONTENT_BIN" "$CONTENT_JSON" \
    >"$f.log" 2>&1 || { cat "$f.log" >&2; die "callgrind run '$1 $2' failed"; }
  awk '/^(summary|totals):/ {print $2; exit}' "$f"
}
rm -rf "$OUT/callgrind" && mkdir -p "$OUT/callgrind"
# The planner's operations work on 30,000 contacts: 2 repetitions are plenty.
PREPS=2
run_ops() {  # run_ops REPS OP... (two at a time: the machine has 2 cores)
  local reps=$1 op n; shift
  for op in "$@"; do
    for n in 0 $reps; do
      callgrind_ir $op $n >"$OUT/callgrind/$op.$n.ir" &
    done
    wait
  done
}
run_ops $REPS decode decode-json state search
run_ops $PREPS planner-decode planner-save-one planner-query planner-agenda planner-import
for op in decode decode-json state search planner-decode planner-save-one planner-query planner-agenda planner-import; do
  for n in 0 $REPS $PREPS; do
    f="$OUT/callgrind/$op.$n.ir"
    [ ! -e "$f" ] || [ -s "$f" ] || die "callgrind run '$op $n' failed (see above)"
  done
done
ir() { echo $(( $(cat "$OUT/callgrind/$1.$2.ir") - $(cat "$OUT/callgrind/$1.0.ir") )); }
# name <TAB> per-op divisor <TAB> Ir(REPS) - Ir(0); bench.mjs prints them.
{
  printf 'core: decode the chapter (content.bin, as at start-up)\t%d\t%d\n' $REPS \
    $(( $(cat "$OUT/callgrind/decode.$REPS.ir") - $(cat "$OUT/callgrind/decode.0.ir") ))
  printf 'core: decode the chapter (content.json)\t%d\t%d\n' $REPS \
    $(( $(cat "$OUT/callgrind/decode-json.$REPS.ir") - $(cat "$OUT/callgrind/decode-json.0.ir") ))
  printf 'core: encode+decode a state with 20 long answers\t%d\t%d\n' $REPS \
    $(( $(cat "$OUT/callgrind/state.$REPS.ir") - $(cat "$OUT/callgrind/state.0.ir") ))
  printf 'core: search the chapter, per query\t%d\t%d\n' $((REPS * 5)) \
    $(( $(cat "$OUT/callgrind/search.$REPS.ir") - $(cat "$OUT/callgrind/search.0.ir") ))
  printf 'core: decode 30,000 stored contacts\t%d\t%d\n' $PREPS "$(ir planner-decode $PREPS)"
  printf 'core: save after one edit (one chunk + meta), 30,000 contacts\t%d\t%d\n' $PREPS "$(ir planner-save-one $PREPS)"
  printf 'core: search 30,000 contacts, per query\t%d\t%d\n' $((PREPS * 5)) "$(ir planner-query $PREPS)"
  printf 'core: this week agenda, 30,000 contacts\t%d\t%d\n' $PREPS "$(ir planner-agenda $PREPS)"
  printf 'core: preview a 30,000-row LinkedIn import\t%d\t%d\n' $PREPS "$(ir planner-import $PREPS)"
} >"$OUT/callgrind.tsv"
"$CORE_BIN" suspend-length 0 "$CONTENT_BIN" "$CONTENT_JSON" >"$OUT/suspend-length.txt"
# The planner's processor time at 30,000 contacts: figures for reading, not budgets,
# so they go to stderr and planner-timings.txt and the table stays alone on stdout.
log "bench: the planner's core at 30,000 contacts (processor time)"
"$TIMINGS_BIN" | tee "$OUT/planner-timings.txt" >&2

# Typing: key to paint in a reflection field, next to a plain <textarea> page (figures, not budgets).
log "bench: typing into a reflection field (Event Timing, 20 keys)"
node tests/bench/typing.mjs --site "$OUT/ours" | tee "$OUT/typing.txt" >&2

# --- 5. sizes and browser measurements; prints the table ----------------------
log "bench: measuring in headless Chromium"
node tests/bench/bench.mjs --ours "$OUT/ours" --baseline "$BASE" --callgrind "$OUT/callgrind.tsv" \
  --suspend "$OUT/suspend-length.txt" \
  --runs "${WB_BENCH_RUNS:-7}"
