#!/usr/bin/env bash
# Runs each libFuzzer target for a bounded time over its seed corpus (Fuzz/Corpus/<target>) and every input that
# ever crashed (Fuzz/Corpus/regressions), then prints executions per second and the total.
# Usage: scripts/fuzz.sh SECONDS_PER_TARGET [BUILD_FOLDER]   (built first by `make fuzz`; default .build-fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scratch="${2:-.build-fuzz}"
bin="$scratch/release"
work="$scratch/corpus"
crashes="$scratch/crashes"
mkdir -p "$crashes"
export SWIFT_BACKTRACE=enable=no
total=0
for target in loaders contract delivery; do
  mkdir -p "$work/$target"
  log="$scratch/fuzz-$target.log"
  status=0
  "$bin/fuzz-$target" -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/$target-" -print_final_stats=1 \
    "$work/$target" "Fuzz/Corpus/$target" Fuzz/Corpus/regressions >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  if [ "$status" -ne 0 ]; then
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5 >&2
    echo "fuzz-$target: FAILED after ${runs:-?} executions: the input is in $crashes; add it to Fuzz/Corpus/regressions" >&2
    exit 1
  fi
  echo "fuzz-$target: ${runs:-0} executions in ${seconds} s (${speed:-0} per second), no crash, hang or leak"
  total=$((total + ${runs:-0}))
done
echo "fuzzing: $total executions in all, no failure"
