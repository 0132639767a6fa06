#!/usr/bin/env bash
# Builds brink's libFuzzer targets in build-fuzz/ (clang, -DBRINK_FUZZ=ON) and runs each in turn
# for FUZZ_SECONDS on a copy of its seed corpus. Fails if any target crashes, leaks, times out
# or runs out of memory; the input that did it is kept in build-fuzz/crashes/. See fuzz/README.md.
#
# Environment:
#   FUZZ_SECONDS    seconds per target (default 60)
#   FUZZ_TARGETS    targets to run, in order (default "scenario set observations forecast")
#   FUZZ_BUILD_DIR  build directory (default build-fuzz)
#   JOBS            build jobs (default: cores)
#   FUZZ_ARGS       more libFuzzer flags, after the defaults (e.g. "-seed=1 -timeout=30")
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-scenario set observations forecast}
build=${FUZZ_BUILD_DIR:-build-fuzz}
jobs=${JOBS:-$(nproc)}

command -v clang++ >/dev/null || { echo "fuzz: clang++ not found (apt-get install clang)" >&2; exit 1; }

echo "== fuzz: configuring and building $build (clang, libFuzzer + ASan + UBSan)"
CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBRINK_FUZZ=ON -DBRINK_TESTS=OFF -DBRINK_BENCH=OFF >/dev/null
fuzzers=()
for t in $targets; do fuzzers+=("${t}_fuzzer"); done
cmake --build "$build" -j "$jobs" --target "${fuzzers[@]}"

mkdir -p "$build/crashes" "$build/logs"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
summary=()
for t in $targets; do
  # A fresh copy of the seed corpus each run: what the fuzzer adds stays out of the repository.
  corpus="$build/corpus/$t"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  cp fuzz/corpus/"$t"/* "$corpus"/
  seeds=$(find "$corpus" -type f | wc -l)
  log="$build/logs/$t.log"
  dict=()  # the target's vocabulary (TOML, or JSON for forecast), when it has one
  [ -f "fuzz/$t.dict" ] && dict=(-dict="fuzz/$t.dict")
  echo "== fuzz: ${t}_fuzzer for ${seconds}s on $seeds seed inputs (log: $log)"
  set +e
  # shellcheck disable=SC2086  # FUZZ_ARGS is split into flags on purpose
  "$build/${t}_fuzzer" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    ${dict[@]+"${dict[@]}"} -artifact_prefix="$build/crashes/$t-" -print_final_stats=1 \
    ${FUZZ_ARGS:-} "$corpus" >"$log" 2>&1
  status=$?
  set -e
  # libFuzzer's last status line ("#N DONE cov: C ft: F corp: ...") and final stats.
  last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  line="${t}_fuzzer: executions ${runs:-?}, exec/s ${rate:-?}, corpus ${size} files; ${last:-no status line}"
  if [ "$status" -ne 0 ]; then
    failed+=("${t}_fuzzer")
    line="$line; FAILED (exit $status)"
    echo "-- fuzz: ${t}_fuzzer failed; the end of its log:" >&2
    tail -60 "$log" >&2
  fi
  echo "$line"
  summary+=("$line")
done

echo "== fuzz: summary"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}; inputs kept in $build/crashes/:" >&2
  ls -l "$build/crashes" >&2
  exit 1
fi
echo "fuzz: no crash, leak, timeout or out-of-memory"
