#!/usr/bin/env python3
"""Fits the answer confidence model (logistic regression, L2) on features dumped by
`eval_qa --dump-features OUT.jsonl` and prints the weights for
src/iskra/answer/confidence_model.cpp, with the expected calibration error (10 bins) in-sample
and in 2-fold cross-validation.  No dependencies beyond the standard library.

    python3 bench/fit_confidence.py xquad-features.jsonl [other-set-features.jsonl ...]
The first file is fitted; the others are only scored with the fitted weights.

    python3 bench/fit_confidence.py --pool [--balance] a.jsonl b.jsonl ...
fits one model on all files pooled (with --balance, each file weighing the same) and reports
5-fold cross-validated ECE per file."""
import json, math, sys

def load(path):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    return [r["x"] for r in rows], [r["y"] for r in rows]

def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30, min(30, z))))

def fit(X, Y, l2=0.01, steps=4000, lr=0.5, weights=None):
    """weights: one per row (default 1); the loss is their weighted mean."""
    w = [0.0] * len(X[0])
    weights = weights or [1.0] * len(X)
    total = sum(weights)
    for _ in range(steps):
        g = [l2 * wi for wi in w]
        g[0] = 0.0
        for x, y, rw in zip(X, Y, weights):
            p = sigmoid(sum(a * b for a, b in zip(w, x)))
            for i, xi in enumerate(x):
                g[i] += rw * (p - y) * xi / total
        w = [wi - lr * gi for wi, gi in zip(w, g)]
    return w


def file_weights(sizes, balance):
    """Row weights that make every file count equally when `balance`, else 1 for every row."""
    if not balance:
        return None
    total = sum(sizes)
    return [total / (len(sizes) * n) for n in sizes for _ in range(n)]

def ece(w, X, Y, bins=10):
    conf = [0.0] * bins; acc = [0.0] * bins; cnt = [0] * bins
    for x, y in zip(X, Y):
        p = sigmoid(sum(a * b for a, b in zip(w, x)))
        b = min(bins - 1, int(p * bins))
        conf[b] += p; acc[b] += y; cnt[b] += 1
    return sum(abs(conf[b] - acc[b]) for b in range(bins)) / max(1, len(X))

def report_cv(files, k=5, balance=False):
    """k-fold cross-validated ECE of the pooled fit, per file (fold = row index mod k)."""
    pooled = [(x, y, f) for f in files for x, y in zip(*load(f))]
    sizes = {f: sum(1 for r in pooled if r[2] == f) for f in files}
    preds = [None] * len(pooled)
    for fold in range(k):
        train = [r for i, r in enumerate(pooled) if i % k != fold]
        rw = [len(pooled) / (len(files) * sizes[r[2]]) for r in train] if balance else None
        wf = fit([r[0] for r in train], [r[1] for r in train], weights=rw)
        for i, r in enumerate(pooled):
            if i % k == fold:
                preds[i] = wf
    for f in files:
        rows = [(preds[i], r) for i, r in enumerate(pooled) if r[2] == f]
        conf = [0.0] * 10; acc = [0.0] * 10
        for wf, (x, y, _) in rows:
            p = sigmoid(sum(a * b for a, b in zip(wf, x)))
            b = min(9, int(p * 10)); conf[b] += p; acc[b] += y
        e = sum(abs(conf[b] - acc[b]) for b in range(10)) / max(1, len(rows))
        print(f"  {f}: n={len(rows)} ECE {k}-fold cross-validated (pooled fit)={e:.3f}")

if sys.argv[1] == "--pool":
    # Fit one model on every file pooled; report its in-sample and cross-validated ECE per file.
    # --balance: every file weighs the same in the fit (a small set is not drowned by a large one).
    balance = "--balance" in sys.argv
    files = [a for a in sys.argv[2:] if a != "--balance"]
    X, Y, sizes = [], [], []
    for f in files:
        Xf, Yf = load(f); X += Xf; Y += Yf; sizes.append(len(Xf))
    w = fit(X, Y, weights=file_weights(sizes, balance))
    print("weights:", "{" + ", ".join(f"{v:.4f}" for v in w) + "}")
    for f in files:
        Xf, Yf = load(f)
        print(f"{f}: n={len(Xf)} accuracy={sum(Yf)/len(Yf):.3f} ECE in-sample={ece(w, Xf, Yf):.3f}")
    report_cv(files, balance=balance)
    sys.exit(0)

X, Y = load(sys.argv[1])
w = fit(X, Y)
print("weights:", "{" + ", ".join(f"{v:.4f}" for v in w) + "}")
print(f"{sys.argv[1]}: n={len(X)} accuracy={sum(Y)/len(Y):.3f} ECE in-sample={ece(w, X, Y):.3f}")
half = len(X) // 2
folds = [(list(range(0, half)), list(range(half, len(X)))), (list(range(half, len(X))), list(range(0, half)))]
cv = []
for train, test in folds:
    wf = fit([X[i] for i in train], [Y[i] for i in train])
    cv.append(ece(wf, [X[i] for i in test], [Y[i] for i in test]) * len(test))
print(f"  ECE 2-fold cross-validated={sum(cv)/len(X):.3f}")
for path in sys.argv[2:]:
    Xo, Yo = load(path)
    print(f"{path}: n={len(Xo)} accuracy={sum(Yo)/len(Yo):.3f} ECE with these weights={ece(w, Xo, Yo):.3f}")
