#!/usr/bin/env bash
# Training speed of the default MNIST MLP, measured in one run on this machine:
#   DL4J: JMH TrainStep (784-1024-1024-10, batch 128, the suite's optimizer), every regularizer, DL4J's stock
#         layers and regbench's tuned ones (same training up to float rounding, less work per step);
#   PyTorch: the identical network and step (scripts/pytorch-reference.py bench) in its thread configurations,
#            measured before and after DL4J so that machine drift shows;
#   the ceiling: ND4J's sgemm at the MLP's layer shapes (JMH Gemm).
# Prints DL4J/PyTorch ratios, regularization overheads and achieved GFLOP/s as a fraction of the ceiling.
# Needs Debian's python3-torch and libopenblas0-pthread. Usage: scripts/compare-pytorch.sh [out-dir]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
out=${1:-results/speed}
mkdir -p "$out"
cores=$(nproc)
py=/usr/bin/python3
"$py" -c "import torch" 2>/dev/null || { echo "compare-pytorch.sh: needs Debian's python3-torch (apt-get install python3-torch libopenblas0-pthread)" >&2; exit 1; }
regs=(none l1 l2 dropout-l2)

pytorch() { # label intra blas regularizer
  OPENBLAS_NUM_THREADS=$3 "$py" scripts/pytorch-reference.py bench --task mnist --regularizer "$4" --threads "$2" \
    | sed "s/^{/{\"label\": \"$1\", /" >> "$out/pytorch.jsonl"
}
rm -f "$out/pytorch.jsonl"
echo "== PyTorch (before): thread configurations, regularizer none"
pytorch before 1 "$cores" none
pytorch before "$cores" 1 none
[ "$cores" -gt 1 ] && pytorch before "$cores" "$cores" none
echo "== DL4J: JMH TrainStep (mnist), Gemm"
scripts/regbench jmh TrainStep -p task=mnist -f 1 -wi 3 -w 2 -i 5 -r 2 -rf json -rff "$out/trainstep.json" > "$out/trainstep.log"
scripts/regbench jmh Gemm -p shape=128x784x1024,128x1024x1024,784x128x1024 -f 1 -wi 3 -w 1 -i 5 -r 1 -rf json -rff "$out/gemm.json" > "$out/gemm.log"
echo "== PyTorch (after): best thread configuration, every regularizer"
for r in "${regs[@]}"; do pytorch after 1 "$cores" "$r"; done
pytorch after "$cores" 1 none

"$py" - "$out" <<'PY'
import json, sys, statistics
out = sys.argv[1]
P = 784 * 1024 + 1024 + 1024 * 1024 + 1024 + 1024 * 10 + 10
pt = [json.loads(l) for l in open(f"{out}/pytorch.jsonl")]
ts = json.load(open(f"{out}/trainstep.json"))
gemm = json.load(open(f"{out}/gemm.json"))
dl4j = {(b["params"].get("implementation", "stock"), b["params"]["regularizer"]): b["secondaryMetrics"]["examples"] for b in ts}
ceiling = {b["params"]["shape"]: b["secondaryMetrics"]["gflop"]["score"] for b in gemm}
best_none = max(p["examplesPerSecondMedian"] for p in pt if p["regularizer"] == "none")
print("\nPyTorch thread configurations (regularizer none, median examples/s):")
for p in pt:
    if p["regularizer"] == "none":
        print(f"  {p['label']:6} intra-op {p['intraOpThreads']}, BLAS {p['blasThreads']}: {p['examplesPerSecondMedian']:9,.0f}")
print(f"\nsgemm ceiling (ND4J, GFLOP/s): " + ", ".join(f"{k}: {v:.0f}" for k, v in ceiling.items()))
ceil = statistics.mean(ceiling.values())
after = {p["regularizer"]: p["examplesPerSecondMedian"] for p in pt if p["label"] == "after" and p["intraOpThreads"] == 1}
impls = [i for i in ("stock", "tuned") if (i, "none") in dl4j]
print(f"\n{'implementation':15}{'regularizer':12} {'DL4J ex/s':>10} {'± (JMH)':>8} {'PyTorch ex/s':>13} {'DL4J/PyTorch':>13} {'DL4J vs none':>13} {'PT vs none':>11} {'GFLOP/s':>8} {'of ceiling':>11}")
for impl in impls:
    for r in ["none", "l1", "l2", "dropout-l2"]:
        d = dl4j[(impl, r)]["score"]; e = dl4j[(impl, r)]["scoreError"]
        t = after.get(r, float("nan"))
        ref = max(t, best_none) if r == "none" else t
        gf = 6 * P * d / 1e9
        print(f"{impl:15}{r:12} {d:10,.0f} {e:8,.0f} {t:13,.0f} {d / ref:13.2f} {d / dl4j[(impl, 'none')]['score'] - 1:+13.1%} {t / after['none'] - 1:+11.1%} {gf:8.0f} {gf / ceil:11.0%}")
if len(impls) == 2:
    print("\ntuned / stock (same run): " + ", ".join(f"{r} {dl4j[('tuned', r)]['score'] / dl4j[('stock', r)]['score']:.2f}x" for r in ["none", "l1", "l2", "dropout-l2"]))
print(f"\nDL4J/PyTorch for none uses PyTorch's best configuration in this run ({max(best_none, after['none']):,.0f} ex/s).")
print("GFLOP/s count 6 x parameters x examples (forward + two backward GEMMs). The stock DenseLayer recomputes")
print("each layer's forward GEMM in backprop (8 x parameters x examples of real GEMM work); tuned does not.")
PY
