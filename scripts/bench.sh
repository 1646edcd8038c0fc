#!/usr/bin/env bash
# The main job behind `mvn -Pbench` (runnable by hand after a build): verify the data, estimate the duration,
# train the benchmark suites (resuming what is already there), measure throughput with JMH, and render the
# report into reports/latest/ plus a timestamped copy in reports/history/.
#
# Environment (set by the Maven properties regbench.suites, regbench.out, regbench.jmh, regbench.quick):
#   REGBENCH_SUITES  comma-separated suite files (default: suites/mnist-path.yaml,suites/polynomial-path.yaml,
#                    the two-stage protocol; quick: suites/mnist-quick.yaml,suites/polynomial.yaml, the latter
#                    with seeds 1-2)
#   REGBENCH_OUT     results directory (default: results/bench; quick: results/bench-quick). Re-running with the
#                    same directory resumes: finished runs and an existing jmh.json are kept.
#   REGBENCH_JMH     JMH options (default: -f 1 -wi 2 -w 2 -i 5 -r 2; quick: -f 1 -wi 1 -w 1 -i 2 -r 1 -p task=mnist)
#   REGBENCH_QUICK   true for a first look in a few minutes
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
quick=${REGBENCH_QUICK:-false}
if [ "$quick" = true ]; then
  suites=${REGBENCH_SUITES:-suites/mnist-quick.yaml,suites/polynomial.yaml}
  out=${REGBENCH_OUT:-results/bench-quick}
  jmh_opts=${REGBENCH_JMH:--f 1 -wi 1 -w 1 -i 2 -r 1 -p task=mnist}
else
  suites=${REGBENCH_SUITES:-suites/mnist-path.yaml,suites/polynomial-path.yaml}
  out=${REGBENCH_OUT:-results/bench}
  jmh_opts=${REGBENCH_JMH:--f 1 -wi 2 -w 2 -i 5 -r 2}
fi

# Options for one suite: in quick mode, single-stage suites run seeds 1-2 only.
run_opts() {
  if [ "$quick" = true ] && scripts/regbench run --suite "$1" --dry-run | grep -q '^stage single'; then
    echo "--seeds 1,2"
  fi
}
latest=reports/latest
started=$(date +%s)
peak_kb=0
rss_file=$(mktemp)
trap 'rm -f "$rss_file"' EXIT

# Runs a regbench command, tracking the peak resident memory of its JVM.
regbench() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -q -f '%M' -o "$rss_file" scripts/regbench "$@"
    local kb; kb=$(tail -n 1 "$rss_file" 2>/dev/null || echo 0)
    if [ "${kb:-0}" -gt "$peak_kb" ] 2>/dev/null; then peak_kb=$kb; fi
  else
    scripts/regbench "$@"
  fi
}

IFS=',' read -r -a files <<< "$suites"
echo "== regbench bench: suites ${files[*]}; results in $out; report in $latest"
regbench data verify
regbench env

echo "== estimating (times a few real epochs of each regularizer)"
total=0
for suite in "${files[@]}"; do
  name=$(basename "$suite" .yaml)
  # shellcheck disable=SC2046
  line=$(regbench run --suite "$suite" --out "$out/$name" $(run_opts "$suite") --estimate | tail -n 1)
  echo "   $line"
  secs=$(sed -n 's/.*estimatedSeconds=\([0-9]*\).*/\1/p' <<< "$line")
  total=$((total + ${secs:-0}))
done
# A JMH result is kept only if this code on this machine made it: jmh.provenance holds the commit (with
# "-dirty" for local changes) and the CPU (vendor, family, model, stepping, logical CPUs, vector flags).
provenance() {
  local commit dirty cpu
  commit=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | head -c1)
  cpu=$(awk -F': *' '/^(vendor_id|cpu family|model|stepping)[[:space:]]*:/ && !seen[$1]++ {printf "%s ", $2}' /proc/cpuinfo 2>/dev/null)
  cpu="$cpu$(grep -c '^processor' /proc/cpuinfo 2>/dev/null) cpus $(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | tr ' ' '\n' | grep -x -E 'avx2|fma|avx512f' | tr '\n' ' ')"
  echo "commit=$commit${dirty:+-dirty}"
  echo "cpu=$cpu"
}
if [ -s "$out/jmh.json" ] && ! diff -q <(provenance) "$out/jmh.provenance" >/dev/null 2>&1; then
  echo "== JMH: $out/jmh.json was measured by other code or on another machine ($(tr '\n' ' ' < "$out/jmh.provenance" 2>/dev/null || echo 'no provenance')); measuring again"
  rm -f "$out/jmh.json"
fi
if [ -s "$out/jmh.json" ]; then jmh_secs=0; else jmh_secs=$([ "$quick" = true ] && echo 60 || echo 360); fi
total=$((total + jmh_secs + 30))
echo "== estimated duration: about $((total / 60)) min $((total % 60)) s (training as above, JMH ~$((jmh_secs / 60)) min, report <1 min)"

for suite in "${files[@]}"; do
  name=$(basename "$suite" .yaml)
  echo "== regbench run --suite $suite --out $out/$name $(run_opts "$suite")"
  # shellcheck disable=SC2046
  regbench run --suite "$suite" --out "$out/$name" $(run_opts "$suite")
done

if [ -s "$out/jmh.json" ]; then
  echo "== JMH: keeping $out/jmh.json, measured by this commit on this machine (delete it to measure again)"
else
  echo "== regbench jmh $jmh_opts"
  # shellcheck disable=SC2086
  regbench jmh $jmh_opts -rf json -rff "$out/jmh.json.partial"
  mv "$out/jmh.json.partial" "$out/jmh.json"
  provenance > "$out/jmh.provenance"
fi

results_args=()
for suite in "${files[@]}"; do results_args+=(--results "$out/$(basename "$suite" .yaml)"); done
echo "== regbench report ${results_args[*]} --jmh $out/jmh.json --out $latest"
regbench report "${results_args[@]}" --jmh "$out/jmh.json" --out "$latest"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p reports/history
rm -rf "reports/history/$stamp"
cp -r "$latest" "reports/history/$stamp"

elapsed=$(( $(date +%s) - started ))
echo "== done in $((elapsed / 60)) min $((elapsed % 60)) s; peak memory of a regbench JVM: $((peak_kb / 1024)) MiB"
echo "report: $ROOT/$latest/report.html"
echo "        $ROOT/$latest/report.md (copy: reports/history/$stamp/)"
