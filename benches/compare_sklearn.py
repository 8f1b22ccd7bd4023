#!/usr/bin/env python3
"""Latih's engine (wasm in Node, one thread) against scikit-learn (one thread), side by side in one
run on the same data: 10,000 training and 2,500 test rows of make_classification with 20 features.
Prints a table of fit-time ratios (Latih / scikit-learn: below 1 is faster) and accuracies.

Run with `make bench`, which builds the wasm module first. Needs numpy and scikit-learn.
"""
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.tree import DecisionTreeClassifier

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPEATS = 3
MODELS = {
    "decision_tree": lambda: DecisionTreeClassifier(random_state=0),
    "random_forest": lambda: RandomForestClassifier(n_estimators=100, n_jobs=1, random_state=0),
}


def main(module_dir):
    x, y = make_classification(
        n_samples=12_500, n_features=20, n_informative=10, n_redundant=5, random_state=0
    )
    x_train, x_test, y_train, y_test = x[:10_000], x[10_000:], y[:10_000], y[10_000:]
    sk = {}
    for name, make in MODELS.items():
        seconds = []
        for _ in range(REPEATS):
            model = make()
            start = time.perf_counter()
            model.fit(x_train, y_train)
            seconds.append(time.perf_counter() - start)
        sk[name] = {"seconds": seconds, "accuracy": accuracy_score(y_test, model.predict(x_test))}

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump({
            "models": list(MODELS),
            "x_train": x_train.tolist(), "y_train": y_train.tolist(),
            "x_test": x_test.tolist(), "y_test": y_test.tolist(),
        }, f)
        data_path = f.name
    out = subprocess.run(
        ["node", str(ROOT / "benches/run_wasm.cjs"), data_path, module_dir, str(REPEATS)],
        check=True, capture_output=True, text=True,
    )
    latih = json.loads(out.stdout)

    print(f"scikit-learn {sklearn.__version__}, {REPEATS} fits each, median fit time; "
          "10,000 x 20 training rows, 2,500 test rows")
    print("| model | Latih (wasm, Node) / scikit-learn fit time | accuracy Latih | accuracy scikit-learn |")
    print("|---|---|---|---|")
    for name in MODELS:
        ratio = statistics.median(latih[name]["seconds"]) / statistics.median(sk[name]["seconds"])
        print(f"| {name} | {ratio:.2f} | {latih[name]['accuracy']:.4f} | {sk[name]['accuracy']:.4f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/wasm-bench"))
