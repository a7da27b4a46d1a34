#!/usr/bin/env bash
# libFuzzer targets (tests/fuzz/*.cpp): the learner-state loader, the backup
# restore, the planner's stored records, SCORM suspend_data, each planner importer, and
# the contacts search and sort (against a plain reference), and the semantics mirror's
# wire format (any text in, the same nodes out).
#   scripts/fuzz.sh [seconds-per-target]     (default 60)
#   WB_FUZZ_ONLY=tests/fuzz/NAME.cpp scripts/fuzz.sh    (one target)
# Builds in build/fuzz with Debian's clang++ (libFuzzer + ASan + UBSan), outside
# the CMake project (the wasm build never sees it). Each target runs on its seed
# corpus (tests/fuzz/corpus/<target>, never written) plus a working corpus
# (build/fuzz/corpus/<target>). A crash, a failed property, a leak, a
# 10-second input, more than 1 GB resident or one allocation over 512 MB (an
# input that makes the code reserve by its own say-so) fails the target and
# leaves the input in build/fuzz/artifacts/.
# Ends with "N passed, N failed" (one per target).
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || die "usage: scripts/fuzz.sh [seconds-per-target]"
out=build/fuzz
CXX=${WB_FUZZ_CXX:-clang++}
command -v "$CXX" >/dev/null || die "$CXX not found (apt-get install clang)"
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined -Isrc -I"$out/gen")
mkdir -p "$out/obj" "$out/artifacts" "$out/gen"

# The search key table src/core/unicode_key.cpp includes, from Debian's unicode-data.
key_table=$out/gen/unicode_key_table.inc
if [ ! -f "$key_table" ] || [ scripts/gen-unicode-key.py -nt "$key_table" ]; then
  python3 scripts/gen-unicode-key.py /usr/share/unicode "$key_table" || die "generating $key_table failed"
  rm -f "$out/obj/unicode_key.o"  # recompiled with the new table
fi

# The strings.json keys the code uses, which core/strings.h numbers (rewritten only when they change).
python3 scripts/string-keys.py src "$out/gen/string_keys.h" "$out/gen/string_keys.txt" || die "listing the string keys failed"

# Core objects, coverage-instrumented; one is rebuilt when its source or any core header changed.
newest_header=$(ls -t src/core/*.h "$out/gen/string_keys.h" | head -1)
objs=() pids=() build_failed=0
for src in src/core/*.cpp; do
  obj="$out/obj/$(basename "$src" .cpp).o"
  objs+=("$obj")
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ "$newest_header" -nt "$obj" ]; then
    "$CXX" "${flags[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$JOBS" ]; then
      wait "${pids[0]}" || build_failed=1
      pids=("${pids[@]:1}")
    fi
  fi
done
for p in "${pids[@]}"; do wait "$p" || build_failed=1; done
[ $build_failed -eq 0 ] || die "compiling src/core for fuzzing failed"

# The SCORM target reads the compiled chapter, as the workbook does; every target
# loads the workbook's strings from its binary (tests/fuzz/fuzz_util.h), whose
# texts follow the native build's list of keys: the same as this source's.
chapter=build/native/gen/content.json
chapter_bin=build/native/gen/content.bin
[ -f "$chapter_bin" ] || WB_SKIP_SETUP=1 scripts/build.sh || die "building the chapter for the fuzz targets failed"
cmp -s build/native/gen/string_keys.txt "$out/gen/string_keys.txt" ||
  die "build/native is older than src/ (its string keys differ): run scripts/build.sh first"

passed=0 failed=0
for target_src in ${WB_FUZZ_ONLY:-tests/fuzz/*.cpp}; do
  name=$(basename "$target_src" .cpp)
  bin="$out/$name"
  newest=$(ls -t "$target_src" tests/fuzz/*.h "${objs[@]}" | head -1)
  if [ ! -f "$bin" ] || [ "$newest" -nt "$bin" ]; then
    if ! "$CXX" "${flags[@]}" -DWB_CONTENT_JSON="\"$PWD/$chapter\"" -DWB_CONTENT_BIN="\"$PWD/$chapter_bin\"" -fsanitize=fuzzer "$target_src" "${objs[@]}" -o "$bin"; then
      echo "  FAIL  $name (does not build)"
      failed=$((failed + 1))
      continue
    fi
  fi
  mkdir -p "$out/corpus/$name"
  logfile="$out/$name.log"
  if "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -malloc_limit_mb=512 -print_final_stats=1 \
      -artifact_prefix="$out/artifacts/$name-" "$out/corpus/$name" "tests/fuzz/corpus/$name" >"$logfile" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$logfile" | grep -oE '[0-9]+$' || echo '?')
    echo "  ok    $name ($runs runs in ${seconds} s)"
    passed=$((passed + 1))
  else
    echo "  FAIL  $name (log: $logfile)"
    grep -E 'ERROR|SUMMARY|property failed|runtime error|Test unit written' "$logfile" | head -12 | sed 's/^/        /'
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
