#!/usr/bin/python3
"""PyTorch reference for regbench: the independent check that the DL4J numbers are neither slow nor wrong.

Two modes (Debian's python3-torch; not part of `mvn verify`):

  scripts/pytorch-reference.py train --suite suites/mnist-quick.yaml --out results/pytorch-quick
      [--seeds 1,2 | --tune-seeds 1 --eval-seeds 11,12] [--only none,l2] [--epochs N] [--train-size N]
      [--threads N] [--data-dir DIR]
    Runs the suite as regbench does -- its grid, one stage or two (tune every grid point, choose on validation
    loss or error only, evaluate the choice on fresh seeds) -- in PyTorch, with the same data, hyperparameters and
    seed semantics, and writes run files in regbench's schema 2 (reports/SCHEMA.md), so
    `regbench report --results A --results B` puts DL4J and PyTorch side by side. The validation set, the
    training subsets (fixed or per seed), the evaluation subset and the batch order are exactly regbench's
    (java.util.Random, SplitMix seeds and the same Fisher-Yates walks are reimplemented here; checked against
    regbench's files); the initial weights come from PyTorch's generator with the same distributions (He/Xavier
    normal, zero biases), so runs agree in distribution, not bit for bit.

  scripts/pytorch-reference.py bench --task mnist --regularizer none [--batch N] [--threads N] [--seconds 2]
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
        "POLYNOMIAL": 0x5EED0005, "DROPOUT": 0x5EED0006, "VALIDATION": 0x5EED0007, "DATA_DRAW": 0x5EED0008,
        "LABEL_NOISE": 0x5EED0009}


def draw_root(suite, seed):
    """dev.regbench.datasets.DataDraw.root: the data seed itself, or a stream of (data seed, run seed)."""
    data_seed = int(suite.get("dataSeed", 0))
    if suite.get("dataDraw", "fixed") == "fixed":
        return data_seed
    return derive(derive(data_seed, SALT["DATA_DRAW"]), seed)


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


def label_noise(classes, num_classes, fraction, seed):
    """dev.regbench.datasets.LabelNoise.apply: exactly round(f*n) labels, chosen by a seeded permutation, replaced
    by uniform draws over the classes; returns (noisy labels, how many differ from the true ones)."""
    rng = JavaRandom(seed)
    order = list(range(len(classes)))
    shuffle(order, rng)
    noisy = list(classes)
    replaced = int(math.floor(fraction * len(classes) + 0.5))  # Math.round
    changed = 0
    for i in order[:replaced]:
        noisy[i] = rng.next_int(num_classes)
        changed += noisy[i] != classes[i]
    return noisy, changed


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


class ImageTask:
    """dev.regbench.harness.SuiteData for an image dataset: the validation set fixed by the data seed, training
    subsets drawn from the rest of the published training images."""

    def __init__(self, suite, data_dir):
        table = checksums()
        ds = suite["dataset"]
        self.name = ds
        self.tx = read_idx(data_dir, ds, "train-images-idx3-ubyte", table).astype(np.float32) / 255
        self.ty = read_idx(data_dir, ds, "train-labels-idx1-ubyte", table).astype(np.int64)
        self.sx = read_idx(data_dir, ds, "t10k-images-idx3-ubyte", table).astype(np.float32) / 255
        self.sy = read_idx(data_dir, ds, "t10k-labels-idx1-ubyte", table).astype(np.int64)
        self.data_seed = int(suite.get("dataSeed", 0))
        self.suite = suite
        classes = self.ty.tolist()
        size = int(suite.get("validationSize", 10000))
        self.validation = [] if size == 0 else balanced_subset(classes, 10, size,
                                                                derive(self.data_seed, SALT["VALIDATION"]))
        held = set(self.validation)
        self.pool = [i for i in range(len(classes)) if i not in held]

    def run(self, train_size, seed, noise=0.0):
        root = draw_root(self.suite, seed)
        classes = self.ty.tolist()
        if train_size == len(self.pool):
            idx = list(self.pool)
        else:
            pool_classes = [classes[i] for i in self.pool]
            chosen = balanced_subset(pool_classes, 10, train_size, derive(root, SALT["TRAIN_SUBSET"]))
            idx = sorted(self.pool[i] for i in chosen)
        tx, ty = self.tx[idx], self.ty[idx]
        true_counts = np.bincount(ty, minlength=10).tolist()
        changed = None
        if noise > 0:  # training labels only; the evaluation subset below is chosen on the true labels
            noisy, changed = label_noise(ty.tolist(), 10, noise, derive(root, SALT["LABEL_NOISE"]))
            true_ty, ty = ty, np.array(noisy, dtype=np.int64)
        else:
            true_ty = ty
        ex, ey = tx, ty
        if len(ty) > len(self.sy):
            sub = balanced_subset(true_ty.tolist(), 10, len(self.sy), derive(root, SALT["EVAL_SUBSET"]))
            ex, ey = tx[sub], ty[sub]
        vx, vy = self.tx[self.validation], self.ty[self.validation]
        counts = lambda y: np.bincount(y, minlength=10).tolist()  # noqa: E731
        info = {"name": self.name, "trainSize": len(ty), "evalTrainSize": len(ey), "validationSize": len(vy),
                "testSize": len(self.sy), "dataSeed": self.data_seed, "draw": self.suite.get("dataDraw", "fixed"),
                "classCounts": {"train": true_counts, "validation": counts(vy) if len(vy) else [],
                                "test": counts(self.sy)}}
        if noise > 0:
            info.update(labelNoise=noise, noisyLabels=changed)
        t = torch.from_numpy
        validation = (t(vx), t(vy)) if len(vy) else None
        return "classification", (t(tx), t(ty)), (t(ex), t(ey)), validation, (t(self.sx), t(self.sy)), info


class PolynomialTask:
    """dev.regbench.datasets.PolynomialTask: coefficients, validation and test from the data seed's stream,
    training points from the run's draw."""

    def __init__(self, suite):
        self.suite = suite

    def run(self, train_size, seed, noise=0.0):
        p = self.suite["polynomial"]
        data_seed = int(self.suite.get("dataSeed", 0))
        task_seed = derive(data_seed, SALT["POLYNOMIAL"])
        train_seed = derive(draw_root(self.suite, seed), SALT["POLYNOMIAL"])
        if "coefficients" in p:
            coef = [float(c) for c in p["coefficients"]]
        else:
            rng = JavaRandom(derive(task_seed, 0))
            coef = [rng.next_double() * 2 - 1 for _ in range(int(p["degree"]) + 1)]
        sigma = float(p["noiseStdDev"])

        def horner(x):
            y = 0.0
            for c in reversed(coef):
                y = y * x + c
            return y

        def sample(n, stream, xsalt, ysalt):
            rx, ry = JavaRandom(derive(stream, xsalt)), JavaRandom(derive(stream, ysalt))
            xs = [rx.next_double() * 2 - 1 for _ in range(n)]
            ys = [horner(x) + sigma * ry.gaussian() for x in xs]
            return xs, ys

        n_validation, n_test = int(p.get("validationPoints", 200)), int(p.get("testPoints", 1000))
        trx, tr_y = sample(train_size, train_seed, 1, 3)
        vax, va_y = sample(n_validation, task_seed, 5, 6)
        tex, te_y = sample(n_test, task_seed, 2, 4)
        col = lambda v: torch.tensor(v, dtype=torch.float32).reshape(-1, 1)  # noqa: E731
        info = {"name": "polynomial", "trainSize": train_size, "evalTrainSize": train_size,
                "validationSize": n_validation, "testSize": n_test, "dataSeed": data_seed,
                "draw": self.suite.get("dataDraw", "fixed"),
                "polynomial": {"coefficients": coef, "noiseStdDev": sigma, "trainX": trx, "trainY": tr_y}}
        validation = (col(vax), col(va_y)) if n_validation else None
        return "regression", (col(trx), col(tr_y)), (col(trx), col(tr_y)), validation, (col(tex), col(te_y)), info


# ---- the suite's grid (dev.regbench.suites.suite: Sweep, Variant, Point, RunPlan) ----------------------------
KIND_PARAMETERS = {"none": [], "l1": ["lambda"], "l2": ["lambda"], "l1-l2": ["l1", "l2"], "weight-decay": ["lambda"],
                   "max-norm": ["maxNorm"], "dropout": ["inputRetain", "hiddenRetain"],
                   "dropout-l2": ["inputRetain", "hiddenRetain", "lambda"],
                   "dropout-max-norm": ["inputRetain", "hiddenRetain", "maxNorm"],
                   "composite": ["l1", "l2", "weightDecay", "maxNorm", "inputRetain", "hiddenRetain"]}


PRESETS = {"none": {}, "l1": {"l1": "lambda"}, "l2": {"l2": "lambda"}, "l1-l2": {"l1": "l1", "l2": "l2"},
           "weight-decay": {"weightDecay": "lambda"}, "max-norm": {"maxNorm": "maxNorm"},
           "dropout": {"inputRetain": "inputRetain", "hiddenRetain": "hiddenRetain"},
           "dropout-l2": {"inputRetain": "inputRetain", "hiddenRetain": "hiddenRetain", "l2": "lambda"},
           "dropout-max-norm": {"inputRetain": "inputRetain", "hiddenRetain": "hiddenRetain", "maxNorm": "maxNorm"}}


def components(reg):
    """dev.regbench.suites.network.RegularizerKind: the components a kind's parameters stand for, keyed l1, l2
    (penalties before the updater), weightDecay (decoupled, after it), maxNorm, inputRetain, hiddenRetain; a
    composite names them directly (a missing retain probability is 1). Absent components are left out."""
    if reg["kind"] == "composite":
        c = {k: float(reg[k]) for k in KIND_PARAMETERS["composite"] if k in reg}
        if "inputRetain" in c or "hiddenRetain" in c:
            c.setdefault("inputRetain", 1.0)
            c.setdefault("hiddenRetain", 1.0)
        return c
    return {component: float(reg[key]) for component, key in PRESETS[reg["kind"]].items()}


RANGES = {"lambda": "strength", "l1": "strength", "l2": "strength", "weightDecay": "strength",
          "inputRetain": "probability", "hiddenRetain": "probability", "maxNorm": "norm"}


def check_regularizer(reg, suite_file):
    """Refuses, in one line naming the suite file and the field, what regbench's suite parser refuses
    (dev.regbench.suites.network.RegularizerKind): an unknown kind, a missing or unknown parameter, a value out
    of its range (strengths finite >= 0, retain probabilities in (0, 1], norms finite > 0), and a composite with
    both l2 and weightDecay."""
    name = reg.get("name", "?")
    where = f"{suite_file}: regularizer {name}"
    kind = reg.get("kind")
    if kind not in KIND_PARAMETERS:
        sys.exit(f"{where}: unknown kind {kind!r}; one of {', '.join(KIND_PARAMETERS)}")
    allowed = set(KIND_PARAMETERS[kind]) | {"name", "kind"}
    unknown = [k for k in reg if k not in allowed]
    if unknown:
        sys.exit(f"{where}: unknown parameter(s) {', '.join(unknown)} for kind {kind}")
    missing = [k for k in KIND_PARAMETERS[kind] if k not in reg] if kind != "composite" else []
    if missing:
        sys.exit(f"{where}: missing parameter(s) {', '.join(missing)} for kind {kind}")
    if kind == "composite" and "l2" in reg and "weightDecay" in reg:
        sys.exit(f"{where}: l2 and weightDecay are two ways of applying the same penalty; use one of them")
    for key in KIND_PARAMETERS[kind]:
        if key not in reg:
            continue
        try:
            values = sweep(reg[key])
        except (TypeError, ValueError, KeyError):
            sys.exit(f"{where}: {key} must be a number, a list or a logspace/linspace range, was {reg[key]!r}")
        for v in values:
            r = RANGES[key]
            ok = (math.isfinite(v) and v >= 0 if r == "strength" else 0 < v <= 1 if r == "probability"
                  else math.isfinite(v) and v > 0)
            if not ok:
                rule = {"strength": "a finite number >= 0", "probability": "a retain probability in (0, 1]",
                        "norm": "a finite number > 0"}[r]
                sys.exit(f"{where}: {key} must be {rule}, was {v}")


def sweep(value):
    """A number, a list, or {logspace|linspace: [a, b], points: n} -> the values (Sweep.logspace/linspace)."""
    if isinstance(value, dict):
        (scale, bounds), = [(k, v) for k, v in value.items() if k in ("logspace", "linspace")]
        a, b, n = float(bounds[0]), float(bounds[1]), int(value["points"])
        if scale == "logspace":
            la, lb = math.log10(a), math.log10(b)
            return [a if i == 0 else b if i == n - 1 else 10 ** (la + (lb - la) * i / (n - 1)) for i in range(n)]
        return [a if i == 0 else b if i == n - 1 else a + (b - a) * i / (n - 1) for i in range(n)]
    if isinstance(value, list):
        return [float(v) for v in value]
    return [float(value)]


def fmt(v):
    """dev.regbench.suites.suite.Sweep.format: at most 4 significant digits, shortest form."""
    from decimal import Context, Decimal, ROUND_HALF_UP
    if v == 0:
        return "0"
    d = Context(prec=4, rounding=ROUND_HALF_UP).create_decimal(Decimal(v)).normalize()
    if 1e-3 <= abs(float(d)) < 1e6:
        return format(d, "f")
    exponent = d.adjusted()
    return format(d.scaleb(-exponent).normalize(), "f") + "e" + str(exponent)


def points(reg):
    """Every grid point of a regularizer entry, first parameter slowest: (all values, swept values)."""
    keys = [k for k in KIND_PARAMETERS[reg["kind"]] if k in reg]  # a composite names only the parts it uses
    values = {k: sweep(reg[k]) for k in keys}
    combos = [{}]
    for k in keys:
        combos = [dict(c, **{k: v}) for c in combos for v in values[k]]
    swept = [k for k in keys if len(values[k]) > 1]
    return [(c, {k: c[k] for k in swept}) for c in combos]


def point_id(name, swept):
    return name + "".join(f"-{k}={fmt(v)}" for k, v in swept.items())


def label_noises(suite):
    return sweep(suite["labelNoise"]) if "labelNoise" in suite else [0.0]


def train_sizes(suite):
    if suite["dataset"] == "polynomial":
        raw = suite["polynomial"].get("trainPoints", 30)
        default = None
    else:
        raw = suite.get("trainSize")
        default = 60000 - int(suite.get("validationSize", 10000))
    if raw is None:
        return [default]
    return [int(round(v)) for v in sweep(raw)]


def choose_epoch(selection, curve):
    """dev.regbench.reports.select.SelectionPolicy.chooseEpoch on [(epoch, loss, accuracy)]."""
    rule = selection.get("epoch", "final")
    metric = selection.get("metric", "validation-loss")
    value = (lambda p: p[1]) if metric == "validation-loss" else (lambda p: 1 - p[2])
    if rule == "final":
        return curve[-1][0], value(curve[-1])
    best, since = 0, 0
    for i in range(1, len(curve)):
        if value(curve[i]) < value(curve[best]):
            best, since = i, 0
        elif rule == "patience":
            since += 1
            if since >= int(selection["patience"]):
                break
    return curve[best][0], value(curve[best])


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
    parts = components(reg)
    for i in range(1, len(sizes)):
        retain = parts.get("inputRetain", 1.0) if i == 1 else parts.get("hiddenRetain", 1.0)
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
    lam2 = components(reg).get("l2", 0.0)  # PyTorch's weight_decay adds lambda*w to the gradient: DL4J's l2
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
    """What DL4J adds to the score: l1*sum|w| + (l2 + weightDecay)/2*sum(w^2) (its WeightDecay scores like L2)."""
    c = components(reg)
    total = 0.0
    for n, p in net.named_parameters():
        if n.endswith("weight") or penalize_biases:
            total += c.get("l1", 0.0) * p.detach().abs().double().sum().item()
            total += 0.5 * (c.get("l2", 0.0) + c.get("weightDecay", 0.0)) * p.detach().double().pow(2).sum().item()
    return total


def after_gradient(net, reg, lr, penalize_biases):
    """The components PyTorch's optimizers do not apply: L1's lambda*sign(w) into the gradient, and decoupled
    weight decay w -= lr*lambda*w (DL4J WeightDecay, applyLR = true: subtracted from the pre-step weights, as
    AdamW does; the optimizer's step does not read w, so scaling w first is the same)."""
    c = components(reg)
    with torch.no_grad():
        for n, p in net.named_parameters():
            if n.endswith("weight") or penalize_biases:
                if c.get("l1"):
                    p.grad.add_(torch.sign(p), alpha=c["l1"])
                if c.get("weightDecay"):
                    p.mul_(1 - lr * c["weightDecay"])


def max_norm_(w, c):
    """DL4J's MaxNormConstraint, exactly: every unit's incoming weights (a row of PyTorch's [out, in] weight) are
    multiplied by min(n, c) / (n + 1e-6), n their L2 norm — units under c shrink by n/(n + 1e-6) too, where
    torch.renorm would leave them untouched."""
    n = w.norm(2, dim=1, keepdim=True)
    w.mul_(n.clamp(max=c) / (n + 1e-6))


def after_step(net, reg):
    """Max-norm after every step (DL4J: MaxNormConstraint(c, 0) on its [in, out] matrix = rows here)."""
    c = components(reg).get("maxNorm")
    if c is None:
        return
    with torch.no_grad():
        for n, p in net.named_parameters():
            if n.endswith("weight"):
                max_norm_(p, c)


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
    ws = [p.detach().double() for n, p in net.named_parameters() if n.endswith("weight")]
    w = torch.cat([x.flatten() for x in ws])
    a = w.abs()
    max_unit = max(x.norm(dim=1).max().item() for x in ws)  # rows of [out, in]: each unit's incoming weights
    return a.sum().item(), math.sqrt((a * a).sum().item()), (a < 1e-3).double().mean().item(), a, max_unit


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
            "nd4jVersion": "-", "gitCommit": "unknown", "nativeBuild": "-"}


def train_run(suite, data, reg, seed, stage, point, args, env, suite_ref):
    """One run, as dev.regbench.suites.harness.Trainer does it; returns its result in schema 2."""
    task, train_set, eval_set, validation_set, test_set, info = data
    inputs, outputs = (1, 1) if task == "regression" else (784, 10)
    penalize_biases = bool(suite.get("penalizeBiases", False))
    lossf = torch.nn.CrossEntropyLoss() if task == "classification" else torch.nn.MSELoss()
    epochs_total, every = int(suite["epochs"]), int(suite.get("evaluateEvery", 1))
    started = datetime.datetime.now(datetime.timezone.utc)
    t0 = time.perf_counter()
    net, sizes = build(suite, reg, inputs, outputs, seed)
    init_sha = hashlib.sha256(torch.cat([p.detach().flatten() for p in net.parameters()]).numpy()
                              .astype("<f4").tobytes()).hexdigest()
    torch.manual_seed(derive(seed, SALT["DROPOUT"]) & 0x7FFFFFFFFFFFFFFF)
    opt = optimizer(suite, net, reg, penalize_biases)
    order = BatchOrder(len(train_set[0]), derive(seed, SALT["SHUFFLE"]))
    epochs, status, diverged_at, failure = [], "completed", None, None
    batch = int(suite["batchSize"])
    lr = float(suite["optimizer"]["learningRate"])
    train_seconds, trained = 0.0, 0
    for epoch in range(epochs_total + 1):
        if epoch > 0:
            idx = torch.tensor(order.epoch())
            start = time.perf_counter()
            for i in range(0, len(idx), batch):
                b = idx[i:i + batch]
                opt.zero_grad()
                loss = lossf(net(train_set[0][b]), train_set[1][b])
                loss.backward()
                after_gradient(net, reg, lr, penalize_biases)
                opt.step()
                after_step(net, reg)
            train_seconds += time.perf_counter() - start
            trained += len(idx)
        if not (epoch % every == 0 or epoch == epochs_total):
            continue
        e0 = time.perf_counter()
        tl, ta = evaluate(net, task, *eval_set)
        vl, va = evaluate(net, task, *validation_set) if validation_set else (None, None)
        sl, sa = evaluate(net, task, *test_set)
        l1, l2, nz, _, max_unit = weight_stats(net)
        pen = penalty(net, reg, penalize_biases)
        if not all(math.isfinite(v) for v in (tl, sl, l2, pen) + ((vl,) if vl is not None else ())):
            status, diverged_at, failure = "diverged", epoch, f"loss or weights not finite after epoch {epoch}"
            break
        split = lambda loss, acc: {"loss": loss, **({"accuracy": acc} if task == "classification" else {})}  # noqa
        m = {"epoch": epoch, "train": split(tl, ta)}
        if vl is not None:
            m["validation"] = split(vl, va)
        m.update(test=split(sl, sa), lossGap=sl - tl)
        if task == "classification":
            m["accuracyGap"] = ta - sa
        m.update(penalty=pen, weightL1=l1, weightL2=l2, nearZeroFraction=nz, maxUnitNorm=max_unit,
                 trainSeconds=train_seconds,
                 evalSeconds=time.perf_counter() - e0)
        if trained:
            m["examplesPerSecond"] = trained / train_seconds
        m["elapsedSeconds"] = time.perf_counter() - t0
        epochs.append(m)
        train_seconds, trained = 0.0, 0
        print(f"{stage} {reg['name']} {point or ''} seed {seed} | epoch {epoch} | train {tl:.4f}"
              + (f" | val {vl:.4f}" if vl is not None else "") + f" | test {sl:.4f}", flush=True)
    completed = status == "completed"
    o = suite["optimizer"]
    selection = suite.get("selection", {})
    result = {
        "schemaVersion": 2, "schemaMinor": 2, "suite": suite_ref, "stage": stage, "point": point, "task": task, "dataset": info,
        "network": {"layerSizes": sizes, "activation": suite["network"].get("activation", "relu"),
                    "weightInit": "pytorch-normal", "output": "softmax-cross-entropy" if task == "classification"
                    else "identity-mse", "parameters": sum(p.numel() for p in net.parameters()),
                    "parametersPerLayer": [sizes[i - 1] * sizes[i] + sizes[i] for i in range(1, len(sizes))],
                    "optimizer": {"type": o["type"], "learningRate": float(o["learningRate"]),
                                  **({"momentum": float(o.get("momentum", 0.9))} if o["type"] == "nesterov" else {})},
                    "batchSize": batch, "epochs": epochs_total},
        "regularizer": regularizer_info(reg, penalize_biases),
        "seed": seed, "status": status, "epochs": epochs, "initialParamsSha256": init_sha,
        "environment": env, "startedAt": started.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "finishedAt": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")}
    if completed:
        curve = [(m["epoch"], m["validation"]["loss"], m["validation"].get("accuracy")) for m in epochs
                 if "validation" in m]
        chosen = choose_epoch(selection, curve)[0] if curve else epochs_total
        result["epochChoice"] = {"rule": selection.get("epoch", "final") if curve else "final",
                                 "metric": selection.get("metric", "validation-loss"),
                                 **({"patience": int(selection["patience"])} if "patience" in selection else {}),
                                 "epoch": chosen}
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
    return result


def regularizer_info(reg, penalize_biases):
    """schema 2.2's regularizer object (dev.regbench.suites.harness.Trainer): the kind's parameters, then the
    components they amount to."""
    c = components(reg)
    params = {k: float(reg[k]) for k in KIND_PARAMETERS[reg["kind"]] if k in reg}
    info = {"name": reg["name"], "kind": reg["kind"], "parameters": params}
    if "lambda" in params:
        info["lambda"] = params["lambda"]
    for key in ("inputRetain", "hiddenRetain", "l1", "l2", "weightDecay", "maxNorm"):
        if key in c:
            info[key] = c[key]
    info.update(penalizeBiases=penalize_biases, dl4j="PyTorch reference (scripts/pytorch-reference.py)")
    return info


def select(suite, tuned):
    """dev.regbench.reports.select.Selector: the point with the lowest mean validation metric (at each run's
    chosen epoch) over the tuning seeds; a point with a diverged run is never chosen; ties go to grid order."""
    selection = suite.get("selection", {})
    by_point = {}
    for swept, r in tuned:
        key = tuple(sorted(swept.items()))
        if r["status"] != "completed":
            by_point.setdefault(key, []).append(None)
            continue
        curve = [(m["epoch"], m["validation"]["loss"], m["validation"].get("accuracy")) for m in r["epochs"]]
        by_point.setdefault(key, []).append(choose_epoch(selection, curve)[1])
    eligible = [(sum(v) / len(v), key) for key, v in by_point.items() if v and None not in v]
    return dict(min(eligible)[1]) if eligible else None


def train(args):
    suite_bytes = open(args.suite, "rb").read()
    suite = yaml.safe_load(suite_bytes)
    overrides = []
    if args.epochs:
        suite["epochs"] = args.epochs
        suite["evaluateEvery"] = min(int(suite.get("evaluateEvery", 1)), args.epochs)
        overrides.append(f"epochs={args.epochs}")
    sizes = [args.train_size] if args.train_size else train_sizes(suite)
    noises = label_noises(suite)
    if args.train_size:
        overrides.append(f"trainSize={args.train_size}")
    if "tuneSeeds" in suite:
        tune = [int(s) for s in args.tune_seeds.split(",")] if args.tune_seeds else [int(s) for s in suite["tuneSeeds"]]
        ev = [int(s) for s in args.eval_seeds.split(",")] if args.eval_seeds else [int(s) for s in suite["evalSeeds"]]
        stages = [("tune", tune), ("eval", ev)]
    else:
        stages = [("single", [int(s) for s in args.seeds.split(",")] if args.seeds else
                   [int(s) for s in suite["seeds"]])]
    regs = [r for r in suite["regularizers"] if not args.only or r["name"] in args.only.split(",")]
    for r in suite["regularizers"]:
        check_regularizer(r, args.suite)
    torch.set_num_threads(args.threads)
    source = PolynomialTask(suite) if suite["dataset"] == "polynomial" else ImageTask(suite, args.data_dir)
    sha = hashlib.sha256(suite_bytes).hexdigest()
    experiment = hashlib.sha256(("pytorch\n" + sha + "\n" + ",".join(overrides)).encode()).hexdigest()
    suite_ref = {"name": suite["name"], "file": args.suite, "sha256": sha, "effectiveSha256": "pytorch",
                 "experimentSha256": experiment, "overrides": overrides}
    env = environment(args.threads)
    chosen = {}
    for stage, seeds in stages:
        tuned = {}
        for size, noise in [(n, f) for n in sizes for f in noises]:
            for seed in seeds:
                data = source.run(size, seed, noise)
                for reg in regs:
                    grid = points(reg)
                    if stage == "eval":
                        want = chosen.get((size, noise, reg["name"]), "none chosen")
                        grid = [(v, sw) for v, sw in grid if sw == want]
                    for values, swept in grid:
                        run_reg = dict(name=reg["name"], kind=reg["kind"], **values)
                        folder = os.path.join(args.out, "runs", *([] if stage == "single" else [stage]),
                                              *([f"trainSize={size}"] if len(sizes) > 1 else []),
                                              *([f"labelNoise={fmt(noise)}"] if len(noises) > 1 else []))
                        path = os.path.join(folder, f"{point_id(reg['name'], swept)}-seed{seed}.json")
                        if os.path.exists(path):
                            result = json.load(open(path))
                        else:
                            result = train_run(suite, data, run_reg, seed, stage, swept, args, env, suite_ref)
                            os.makedirs(folder, exist_ok=True)
                            with open(path + ".partial", "w") as f:
                                json.dump(result, f, indent=1)
                            os.replace(path + ".partial", path)
                        tuned.setdefault((size, noise, reg["name"]), []).append((swept, result))
        if stage == "tune":
            for key, runs in tuned.items():
                chosen[key] = select(suite, runs)
                print(f"chose {key[2]} {chosen[key]} (trainSize {key[0]}, labelNoise {key[1]})", flush=True)
    print(f"done: results in {os.path.join(args.out, 'runs')}")


def stepper(task_name, regularizer, data_dir, batch=0):
    """One training step per call over the suite's real training set, reshuffled every epoch, at the suite's batch
    size (what JMH TrainStep measures for DL4J); returns step(), which returns the examples it trained on."""
    suite = yaml.safe_load(open(os.path.join(ROOT, "suites", task_name + ".yaml")))
    reg = next(r for r in suite["regularizers"] if r["name"] == regularizer)
    reg = dict(name=reg["name"], kind=reg["kind"], **points(reg)[0][0])
    source = PolynomialTask(suite) if suite["dataset"] == "polynomial" else ImageTask(suite, data_dir)
    stage_seeds = suite.get("tuneSeeds", suite.get("seeds"))
    task, (x_all, y_all), *_ = source.run(train_sizes(suite)[0], int(stage_seeds[0]), label_noises(suite)[0])
    inputs, outputs = (784, 10) if task == "classification" else (1, 1)
    net, _ = build(suite, reg, inputs, outputs, 1)
    penalize_biases = bool(suite.get("penalizeBiases", False))
    opt = optimizer(suite, net, reg, penalize_biases)
    lossf = torch.nn.CrossEntropyLoss() if outputs > 1 else torch.nn.MSELoss()
    batch = batch or int(suite["batchSize"])
    order = BatchOrder(len(x_all), 1)
    lr = float(suite["optimizer"]["learningRate"])
    pending = []

    def step():
        nonlocal pending
        if not pending:
            idx = torch.tensor(order.epoch())
            pending = [idx[i:i + batch] for i in range(0, len(idx), batch)]
        b = pending.pop(0)
        opt.zero_grad()
        loss = lossf(net(x_all[b]), y_all[b])
        loss.backward()
        after_gradient(net, reg, lr, penalize_biases)
        opt.step()
        after_step(net, reg)
        return len(b)

    for _ in range(30):
        step()
    step.batch = batch
    return step


def timed(step, seconds):
    """examples/s of steps run for (at least) `seconds`"""
    t, n = time.perf_counter(), 0
    while time.perf_counter() - t < seconds:
        n += step()
    return n / (time.perf_counter() - t)


def bench(args):
    """`iterations` intervals of training steps (see stepper); prints one JSON line."""
    torch.set_num_threads(args.threads)
    step = stepper(args.task, args.regularizer, args.data_dir, args.batch)
    rates = sorted(timed(step, args.seconds) for _ in range(args.iterations))
    print(json.dumps({"framework": "pytorch " + torch.__version__, "task": args.task, "regularizer": args.regularizer,
                      "batchSize": step.batch, "intraOpThreads": args.threads,
                      "blasThreads": int(os.environ.get("OPENBLAS_NUM_THREADS", "0")),
                      "examplesPerSecondMedian": rates[len(rates) // 2], "examplesPerSecond": rates}))


def serve(args):
    """Timed blocks on request, for regbench speed's paired rounds: reads lines "<regularizer> <seconds>" from
    stdin, answers each with one JSON line {"regularizer", "examplesPerSecond"} (networks built on first use and
    kept); ends at end of input. Between requests the process only waits on stdin."""
    torch.set_num_threads(args.threads)
    steps = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        regularizer, seconds = line.split()
        if regularizer not in steps:
            steps[regularizer] = stepper(args.task, regularizer, args.data_dir, args.batch)
        rate = timed(steps[regularizer], float(seconds))
        print(json.dumps({"regularizer": regularizer, "examplesPerSecond": rate}), flush=True)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="mode", required=True)
    t = sub.add_parser("train")
    t.add_argument("--suite", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--seeds")
    t.add_argument("--tune-seeds")
    t.add_argument("--eval-seeds")
    t.add_argument("--only")
    t.add_argument("--epochs", type=int)
    t.add_argument("--train-size", type=int)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--data-dir", default=os.environ.get("REGBENCH_DATA", os.path.join(ROOT, "datasets/data")))
    b = sub.add_parser("bench")
    b.add_argument("--task", default="mnist")
    b.add_argument("--regularizer", default="none")
    b.add_argument("--batch", type=int, default=0, help="examples per step (default: the suite's batchSize)")
    b.add_argument("--data-dir", default=os.environ.get("REGBENCH_DATA", os.path.join(ROOT, "datasets/data")))
    b.add_argument("--threads", type=int, default=1)
    b.add_argument("--seconds", type=float, default=2.0)
    b.add_argument("--iterations", type=int, default=5)
    b.add_argument("--serve", action="store_true",
                   help="answer timing requests '<regularizer> <seconds>' on stdin (regbench speed)")
    args = p.parse_args()
    if args.mode == "train":
        train(args)
    else:
        (serve if args.serve else bench)(args)


if __name__ == "__main__":
    main()
