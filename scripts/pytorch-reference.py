#!/usr/bin/python3
"""PyTorch reference for regbench: the independent check that the DL4J numbers are neither slow nor wrong.

Two modes (Debian's python3-torch; not part of `mvn verify`):

  scripts/pytorch-reference.py train --suite suites/mnist-quick.yaml --out results/pytorch-quick [--seeds 1,2]
      [--only none,l2] [--epochs N] [--train-size N] [--threads N] [--data-dir DIR]
    Trains the suite's networks in PyTorch with the same data, hyperparameters and seed semantics and writes
    run files in regbench's schema (reports/SCHEMA.md), so `regbench report --results A --results B` puts DL4J
    and PyTorch side by side. The training subset, the evaluation subset and the batch order are exactly
    regbench's (java.util.Random, SplitMix seeds and the same Fisher-Yates walks are reimplemented here); the
    initial weights come from PyTorch's generator with the same distributions (He/Xavier normal, zero biases).

  scripts/pytorch-reference.py bench --task mnist --regularizer none [--batch 128] [--threads N] [--seconds 2]
    Times training steps on one in-memory batch, as JMH's TrainStep does for DL4J; prints one JSON line.

Threads: --threads sets PyTorch's intra-op threads (default 1); BLAS threads come from OPENBLAS_NUM_THREADS
(default: all cores), which must be set before torch loads, so this script sets it first.
"""
import argparse
import datetime
import gzip
import hashlib
import json
import math
import os
import platform
import struct
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.environ.setdefault("OPENBLAS_NUM_THREADS", str(os.cpu_count() or 1))
import numpy as np  # noqa: E402
import torch  # noqa: E402
import yaml  # noqa: E402

MASK64 = (1 << 64) - 1


# ---- regbench's seed streams, bit for bit (dev.regbench.datasets.Seeds / SeedPurpose) ----------------------
def _mix(z):
    z &= MASK64
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def derive(root, salt):
    return _mix(_mix(root) ^ _mix(salt ^ 0x9E3779B97F4A7C15))


SALT = {"TRAIN_SUBSET": 0x5EED0001, "EVAL_SUBSET": 0x5EED0002, "SHUFFLE": 0x5EED0003, "INIT": 0x5EED0004,
        "POLYNOMIAL": 0x5EED0005, "DROPOUT": 0x5EED0006}


class JavaRandom:
    """java.util.Random: the 48-bit LCG the Java specification fixes."""

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & ((1 << 48) - 1)
        self.next_gaussian = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & ((1 << 48) - 1)
        r = self.seed >> (48 - bits)
        return r - (1 << 32) if r >= (1 << 31) else r  # (int) cast: only 32-bit results can be negative

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        while True:
            r = u % bound
            if u - r + m < (1 << 31):
                return r
            u = self.next(31)

    def next_double(self):
        return (((self.next(26) & ((1 << 26) - 1)) << 27) + (self.next(27) & ((1 << 27) - 1))) * (1.0 / (1 << 53))

    def gaussian(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        mul = math.sqrt(-2 * math.log(s) / s)  # StrictMath in Java; equal up to the last bit
        self.next_gaussian = v2 * mul
        return v1 * mul


def shuffle(a, rng):
    for i in range(len(a) - 1, 0, -1):
        j = rng.next_int(i + 1)
        a[i], a[j] = a[j], a[i]


def balanced_subset(classes, num_classes, n, seed):
    order = list(range(len(classes)))
    shuffle(order, JavaRandom(seed))
    by_class = [[] for _ in range(num_classes)]
    for i in order:
        by_class[classes[i]].append(i)
    taken = [0] * num_classes
    subset = []
    while len(subset) < n:
        for c in range(num_classes):
            if len(subset) < n and taken[c] < len(by_class[c]):
                subset.append(by_class[c][taken[c]])
                taken[c] += 1
    return sorted(subset)


class BatchOrder:
    """dev.regbench.datasets.MinibatchIterator.shuffled: one stream, reshuffled in place every epoch."""

    def __init__(self, n, seed):
        self.rng = JavaRandom(seed)
        self.order = list(range(n))
        shuffle(self.order, self.rng)
        self.first = True

    def epoch(self):
        if not self.first:
            shuffle(self.order, self.rng)
        self.first = False
        return self.order


# ---- data ---------------------------------------------------------------------------------------------------
def checksums():
    table = {}
    with open(os.path.join(ROOT, "datasets/src/main/resources/dev/regbench/datasets/checksums.sha256")) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                sha, path = line.split()
                table[path] = sha
    return table


def read_idx(data_dir, dataset, name, table):
    for path in (os.path.join(data_dir, dataset, name), os.path.join(data_dir, dataset, name + ".gz")):
        if os.path.exists(path):
            raw = open(path, "rb").read()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            if hashlib.sha256(raw).hexdigest() != table[dataset + "/" + name]:
                sys.exit(f"{path}: SHA-256 mismatch; re-fetch with scripts/fetch-data.sh {dataset}")
            magic, count = struct.unpack(">II", raw[:8])
            if magic == 2051:
                rows, cols = struct.unpack(">II", raw[8:16])
                return np.frombuffer(raw, np.uint8, offset=16).reshape(count, rows * cols)
            return np.frombuffer(raw, np.uint8, offset=8)
    sys.exit(f"{os.path.join(data_dir, dataset, name)}: missing; fetch it with scripts/fetch-data.sh {dataset}")


def image_data(suite, data_dir, train_size):
    table = checksums()
    ds = suite["dataset"]
    tx = read_idx(data_dir, ds, "train-images-idx3-ubyte", table).astype(np.float32) / 255
    ty = read_idx(data_dir, ds, "train-labels-idx1-ubyte", table).astype(np.int64)
    sx = read_idx(data_dir, ds, "t10k-images-idx3-ubyte", table).astype(np.float32) / 255
    sy = read_idx(data_dir, ds, "t10k-labels-idx1-ubyte", table).astype(np.int64)
    data_seed = int(suite.get("dataSeed", 0))
    if train_size < len(ty):
        idx = balanced_subset(ty.tolist(), 10, train_size, derive(data_seed, SALT["TRAIN_SUBSET"]))
        tx, ty = tx[idx], ty[idx]
    ex, ey = tx, ty
    if len(ty) > len(sy):
        idx = balanced_subset(ty.tolist(), 10, len(sy), derive(data_seed, SALT["EVAL_SUBSET"]))
        ex, ey = tx[idx], ty[idx]
    info = {"name": ds, "trainSize": len(ty), "evalTrainSize": len(ey), "testSize": len(sy), "dataSeed": data_seed}
    t = torch.from_numpy
    return "classification", (t(tx), t(ty)), (t(ex), t(ey)), (t(sx), t(sy)), info


def polynomial_data(suite):
    p = suite["polynomial"]
    seed = derive(int(suite.get("dataSeed", 0)), SALT["POLYNOMIAL"])
    if "coefficients" in p:
        coef = [float(c) for c in p["coefficients"]]
    else:
        rng = JavaRandom(derive(seed, 0))
        coef = [rng.next_double() * 2 - 1 for _ in range(int(p["degree"]) + 1)]
    n_train, n_test, sigma = int(p.get("trainPoints", 30)), int(p.get("testPoints", 1000)), float(p["noiseStdDev"])

    def horner(x):
        y = 0.0
        for c in reversed(coef):
            y = y * x + c
        return y

    def sample(n, xsalt, ysalt):
        rx, ry = JavaRandom(derive(seed, xsalt)), JavaRandom(derive(seed, ysalt))
        xs = [rx.next_double() * 2 - 1 for _ in range(n)]
        ys = [horner(x) + sigma * ry.gaussian() for x in xs]
        return xs, ys

    trx, tr_y = sample(n_train, 1, 3)
    tex, te_y = sample(n_test, 2, 4)
    col = lambda v: torch.tensor(v, dtype=torch.float32).reshape(-1, 1)  # noqa: E731
    info = {"name": "polynomial", "trainSize": n_train, "evalTrainSize": n_train, "testSize": n_test,
            "dataSeed": int(suite.get("dataSeed", 0)),
            "polynomial": {"coefficients": coef, "noiseStdDev": sigma, "trainX": trx, "trainY": tr_y}}
    return "regression", (col(trx), col(tr_y)), (col(trx), col(tr_y)), (col(tex), col(te_y)), info


# ---- network ------------------------------------------------------------------------------------------------
ACT = {"relu": torch.nn.ReLU, "leakyrelu": lambda: torch.nn.LeakyReLU(0.01), "tanh": torch.nn.Tanh,
       "sigmoid": torch.nn.Sigmoid}


def build(suite, reg, inputs, outputs, seed):
    net_conf = suite["network"]
    act = net_conf.get("activation", "relu")
    init = net_conf.get("weightInit", "he" if act in ("relu", "leakyrelu") else "xavier")
    sizes = [inputs] + list(net_conf["hidden"]) + [outputs]
    torch.manual_seed(derive(seed, SALT["INIT"]) & 0x7FFFFFFFFFFFFFFF)
    layers = []
    for i in range(1, len(sizes)):
        retain = reg.get("inputRetain", 1.0) if i == 1 else reg.get("hiddenRetain", 1.0)
        if retain < 1:  # DL4J applies dropout to a layer's input; p here is the DROP probability
            layers.append(torch.nn.Dropout(p=1 - retain))
        lin = torch.nn.Linear(sizes[i - 1], sizes[i])
        std = math.sqrt(2.0 / sizes[i - 1]) if init == "he" else math.sqrt(2.0 / (sizes[i - 1] + sizes[i]))
        torch.nn.init.normal_(lin.weight, 0.0, std)
        torch.nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(sizes) - 1:
            layers.append(ACT[act]())
    return torch.nn.Sequential(*layers), sizes


def optimizer(suite, net, reg, penalize_biases):
    o = suite["optimizer"]
    lam2 = float(reg.get("lambda", 0)) if reg["kind"] in ("l2", "dropout-l2") else 0.0
    weights = [p for n, p in net.named_parameters() if n.endswith("weight")]
    biases = [p for n, p in net.named_parameters() if n.endswith("bias")]
    groups = [{"params": weights, "weight_decay": lam2}, {"params": biases, "weight_decay": lam2 if penalize_biases else 0}]
    lr = float(o["learningRate"])
    if o["type"] == "sgd":
        return torch.optim.SGD(groups, lr=lr)
    if o["type"] == "nesterov":
        return torch.optim.SGD(groups, lr=lr, momentum=float(o.get("momentum", 0.9)), nesterov=True)
    return torch.optim.Adam(groups, lr=lr)


def penalty(net, reg, penalize_biases):
    lam = float(reg.get("lambda", 0))
    total = 0.0
    for n, p in net.named_parameters():
        if n.endswith("weight") or penalize_biases:
            if reg["kind"] == "l1":
                total += lam * p.detach().abs().double().sum().item()
            elif reg["kind"] in ("l2", "dropout-l2"):
                total += 0.5 * lam * p.detach().double().pow(2).sum().item()
    return total


# ---- training -----------------------------------------------------------------------------------------------
def evaluate(net, task, x, y):
    net.eval()
    loss, correct = 0.0, 0
    with torch.no_grad():
        for i in range(0, len(x), 2000):
            out = net(x[i:i + 2000])
            if task == "classification":
                loss += torch.nn.functional.cross_entropy(out, y[i:i + 2000], reduction="sum").item()
                correct += (out.argmax(1) == y[i:i + 2000]).sum().item()
            else:
                loss += torch.nn.functional.mse_loss(out, y[i:i + 2000], reduction="sum").item()
    net.train()
    return loss / len(x), (correct / len(x) if task == "classification" else None)


def weight_stats(net):
    w = torch.cat([p.detach().double().flatten() for n, p in net.named_parameters() if n.endswith("weight")])
    a = w.abs()
    return a.sum().item(), math.sqrt((a * a).sum().item()), (a < 1e-3).double().mean().item(), a


def histogram(a):
    lo, hi, bins = -6.0, 1.0, 70
    logs = torch.log10(a.clamp_min(1e-300))
    below = int((logs < lo).sum().item())
    idx = ((logs[logs >= lo] - lo) / ((hi - lo) / bins)).floor().clamp(max=bins - 1).long()
    counts = torch.bincount(idx, minlength=bins).tolist()
    return {"log10Min": lo, "log10Max": hi, "belowMin": below, "counts": counts, "total": int(a.numel())}


def environment(threads):
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"backend": "PyTorch", "backendClass": "torch " + torch.__version__, "blasVendor": "OPENBLAS (Debian)",
            "ompThreads": threads, "blasThreads": int(os.environ.get("OPENBLAS_NUM_THREADS", "1")),
            "dataType": "FLOAT", "cpuModel": cpu, "cpuFlags": "", "cores": os.cpu_count() or 1, "maxHeapBytes": 0,
            "jvm": "CPython " + platform.python_version(), "os": platform.platform(), "dl4jVersion": "-",
            "nd4jVersion": "-", "gitCommit": "unknown"}


def train(args):
    suite_bytes = open(args.suite, "rb").read()
    suite = yaml.safe_load(suite_bytes)
    if args.epochs:
        suite["epochs"] = args.epochs
    if args.train_size:
        suite["trainSize"] = args.train_size
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else [int(s) for s in suite["seeds"]]
    regs = [r for r in suite["regularizers"] if not args.only or r["name"] in args.only.split(",")]
    torch.set_num_threads(args.threads)
    if suite["dataset"] == "polynomial":
        task, train_set, eval_set, test_set, info = polynomial_data(suite)
        inputs, outputs = 1, 1
    else:
        task, train_set, eval_set, test_set, info = image_data(suite, args.data_dir, int(suite.get("trainSize", 60000)))
        inputs, outputs = 784, 10
    penalize_biases = bool(suite.get("penalizeBiases", False))
    lossf = torch.nn.CrossEntropyLoss() if task == "classification" else torch.nn.MSELoss()
    os.makedirs(os.path.join(args.out, "runs"), exist_ok=True)
    env = environment(args.threads)
    for seed in seeds:
        for reg in regs:
            started = datetime.datetime.now(datetime.timezone.utc)
            t0 = time.perf_counter()
            torch.manual_seed(derive(seed, SALT["DROPOUT"]) & 0x7FFFFFFFFFFFFFFF)
            net, sizes = build(suite, reg, inputs, outputs, seed)
            init_sha = hashlib.sha256(torch.cat([p.detach().flatten() for p in net.parameters()]).numpy()
                                      .astype("<f4").tobytes()).hexdigest()
            torch.manual_seed(derive(seed, SALT["DROPOUT"]) & 0x7FFFFFFFFFFFFFFF)
            opt = optimizer(suite, net, reg, penalize_biases)
            order = BatchOrder(len(train_set[0]), derive(seed, SALT["SHUFFLE"]))
            epochs, status, diverged_at, failure = [], "completed", None, None
            batch = int(suite["batchSize"])
            for epoch in range(int(suite["epochs"]) + 1):
                train_seconds, speed = 0.0, None
                if epoch > 0:
                    idx = torch.tensor(order.epoch())
                    start = time.perf_counter()
                    for i in range(0, len(idx), batch):
                        b = idx[i:i + batch]
                        opt.zero_grad()
                        loss = lossf(net(train_set[0][b]), train_set[1][b])
                        loss.backward()
                        if reg["kind"] == "l1":
                            for n, p in net.named_parameters():
                                if n.endswith("weight") or penalize_biases:
                                    p.grad.add_(torch.sign(p.detach()), alpha=float(reg["lambda"]))
                        opt.step()
                    train_seconds = time.perf_counter() - start
                    speed = len(idx) / train_seconds
                e0 = time.perf_counter()
                tl, ta = evaluate(net, task, *eval_set)
                sl, sa = evaluate(net, task, *test_set)
                l1, l2, nz, _ = weight_stats(net)
                pen = penalty(net, reg, penalize_biases)
                if not all(math.isfinite(v) for v in (tl, sl, l2, pen)):
                    status, diverged_at, failure = "diverged", epoch, f"loss or weights not finite after epoch {epoch}"
                    break
                m = {"epoch": epoch, "trainLoss": tl, "testLoss": sl, "lossGap": sl - tl, "penalty": pen}
                if task == "classification":
                    m.update(trainAccuracy=ta, testAccuracy=sa, accuracyGap=ta - sa)
                else:
                    m.update(trainMse=tl, testMse=sl)
                m.update(weightL1=l1, weightL2=l2, nearZeroFraction=nz, trainSeconds=train_seconds,
                         evalSeconds=time.perf_counter() - e0)
                if speed is not None:
                    m["examplesPerSecond"] = speed
                m["elapsedSeconds"] = time.perf_counter() - t0
                epochs.append(m)
                print(f"{reg['name']} seed {seed} | epoch {epoch} | train {tl:.4f} | test {sl:.4f}"
                      + (f" | {speed:,.0f} ex/s" if speed else ""), flush=True)
            completed = status == "completed"
            o = suite["optimizer"]
            result = {
                "schemaVersion": 1,
                "suite": {"name": suite["name"], "file": args.suite, "sha256": hashlib.sha256(suite_bytes).hexdigest(),
                          "effectiveSha256": "pytorch", "overrides": [a for a in (
                              f"epochs={args.epochs}" if args.epochs else None,
                              f"trainSize={args.train_size}" if args.train_size else None) if a]},
                "task": task, "dataset": info,
                "network": {"layerSizes": sizes, "activation": suite["network"].get("activation", "relu"),
                            "weightInit": "pytorch-normal", "output": "softmax-cross-entropy" if task == "classification"
                            else "identity-mse", "parameters": sum(p.numel() for p in net.parameters()),
                            "parametersPerLayer": [sizes[i - 1] * sizes[i] + sizes[i] for i in range(1, len(sizes))],
                            "optimizer": {"type": o["type"], "learningRate": float(o["learningRate"]),
                                          **({"momentum": float(o.get("momentum", 0.9))} if o["type"] == "nesterov" else {})},
                            "batchSize": batch, "epochs": int(suite["epochs"])},
                "regularizer": {"name": reg["name"], "kind": reg["kind"],
                                **({"lambda": float(reg["lambda"])} if "lambda" in reg else {}),
                                **({"inputRetain": float(reg["inputRetain"]), "hiddenRetain": float(reg["hiddenRetain"])}
                                   if reg["kind"] == "dropout-l2" else {}),
                                "penalizeBiases": penalize_biases, "dl4j": "PyTorch reference (scripts/pytorch-reference.py)"},
                "seed": seed, "status": status, "epochs": epochs, "initialParamsSha256": init_sha,
                "environment": env, "startedAt": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "finishedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
                .replace("+00:00", "Z")}
            if completed:
                result["final"] = epochs[-1]
                result["finalParamsSha256"] = hashlib.sha256(torch.cat([p.detach().flatten() for p in net.parameters()])
                                                             .numpy().astype("<f4").tobytes()).hexdigest()
                result["weightHistogram"] = histogram(weight_stats(net)[3])
                if task == "regression":
                    xs = torch.linspace(-1, 1, 201).reshape(-1, 1)
                    net.eval()
                    with torch.no_grad():
                        result["fit"] = {"x": xs.flatten().tolist(), "prediction": net(xs).flatten().tolist()}
            else:
                result["divergedAtEpoch"], result["failure"] = diverged_at, failure
            path = os.path.join(args.out, "runs", f"{reg['name']}-seed{seed}.json")
            with open(path + ".partial", "w") as f:
                json.dump(result, f, indent=1)
            os.replace(path + ".partial", path)
    print(f"done: results in {os.path.join(args.out, 'runs')}")


def bench(args):
    torch.set_num_threads(args.threads)
    suite = yaml.safe_load(open(os.path.join(ROOT, "suites", args.task + ".yaml")))
    reg = next(r for r in suite["regularizers"] if r["name"] == args.regularizer)
    inputs, outputs = (784, 10) if args.task != "polynomial" else (1, 1)
    net, _ = build(suite, reg, inputs, outputs, 1)
    opt = optimizer(suite, net, reg, False)
    x = torch.rand(args.batch, inputs)
    y = torch.arange(args.batch) % outputs if outputs > 1 else x.clone()
    lossf = torch.nn.CrossEntropyLoss() if outputs > 1 else torch.nn.MSELoss()

    def step():
        opt.zero_grad()
        loss = lossf(net(x), y)
        loss.backward()
        if reg["kind"] == "l1":
            for n, p in net.named_parameters():
                if n.endswith("weight"):
                    p.grad.add_(torch.sign(p.detach()), alpha=float(reg["lambda"]))
        opt.step()

    for _ in range(30):
        step()
    rates = []
    for _ in range(args.iterations):
        t, n = time.perf_counter(), 0
        while time.perf_counter() - t < args.seconds:
            step()
            n += 1
        rates.append(n * args.batch / (time.perf_counter() - t))
    rates.sort()
    print(json.dumps({"framework": "pytorch " + torch.__version__, "task": args.task, "regularizer": args.regularizer,
                      "batchSize": args.batch, "intraOpThreads": args.threads,
                      "blasThreads": int(os.environ["OPENBLAS_NUM_THREADS"]),
                      "examplesPerSecondMedian": rates[len(rates) // 2], "examplesPerSecond": rates}))


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("train")
    t.add_argument("--suite", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--seeds")
    t.add_argument("--only")
    t.add_argument("--epochs", type=int)
    t.add_argument("--train-size", type=int)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--data-dir", default=os.environ.get("REGBENCH_DATA", os.path.join(ROOT, "datasets/data")))
    b = sub.add_parser("bench")
    b.add_argument("--task", default="mnist")
    b.add_argument("--regularizer", default="none")
    b.add_argument("--batch", type=int, default=128)
    b.add_argument("--threads", type=int, default=1)
    b.add_argument("--seconds", type=float, default=2.0)
    b.add_argument("--iterations", type=int, default=5)
    args = p.parse_args()
    (train if args.mode == "train" else bench)(args)


if __name__ == "__main__":
    main()
