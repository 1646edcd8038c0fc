#!/usr/bin/env bash
# Training-step speed of two git revisions, compared in one JVM in paired rounds (regbench compare-builds):
#   scripts/compare-builds.sh BASELINE_REV [CANDIDATE_REV] [--regularizer R] [--rounds N] [--steps S] [--task T]
# CANDIDATE_REV defaults to the working tree as it is. Each revision's suites module is built in a temporary
# clone (removed afterwards). Only changes under dev.regbench.suites are compared (see BuildComparison).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -lt 1 ] || [[ $1 == -* ]]; then
  echo "usage: scripts/compare-builds.sh BASELINE_REV [CANDIDATE_REV] [regbench compare-builds options]" >&2
  exit 2
fi
baseline=$1; shift
candidate=""
if [ $# -gt 0 ] && [[ $1 != -* ]]; then candidate=$1; shift; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

suites_jar() {
  ls "$1"/suites/target/regbench-suites-*.jar | grep -v -e sources -e tests -e cluster | head -n 1
}

build() { # revision, directory -> prints the suites jar
  git clone -q "$ROOT" "$2"
  git -C "$2" checkout -q "$1" || { echo "compare-builds: no revision $1" >&2; exit 2; }
  echo "compare-builds: building $1 ($(git -C "$2" rev-parse --short HEAD)) ..." >&2
  (cd "$2" && mvn -B -q -Dstyle.color=never -DskipTests -pl suites -am package >&2)
  suites_jar "$2"
}

A=$(build "$baseline" "$tmp/baseline")
if [ -n "$candidate" ]; then
  B=$(build "$candidate" "$tmp/candidate")
else
  echo "compare-builds: building the working tree ..." >&2
  (cd "$ROOT" && mvn -B -q -Dstyle.color=never -DskipTests -pl suites -am package >&2)
  B=$(suites_jar "$ROOT")
fi
"$ROOT/scripts/regbench" compare-builds "$A" "$B" "$@"
