#!/usr/bin/env bash
# The main job behind `mvn -Pbench` (also runnable by hand after a build): verify data, print the
# environment, train the benchmark suites into a results directory (resuming what is already there).
#
# Environment (the Maven properties of the same names, without the REGBENCH_ prefix, set them):
#   REGBENCH_SUITES  comma-separated suite files (default: suites/mnist-quick.yaml)
#   REGBENCH_OUT     results directory (default: results/bench)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
suites=${REGBENCH_SUITES:-suites/mnist-quick.yaml}
out=${REGBENCH_OUT:-results/bench}

scripts/regbench data verify
scripts/regbench env
IFS=',' read -r -a files <<< "$suites"
for suite in "${files[@]}"; do
  name=$(basename "$suite" .yaml)
  echo "== regbench run --suite $suite --out $out/$name"
  scripts/regbench run --suite "$suite" --out "$out/$name"
done
echo "results: $out"
