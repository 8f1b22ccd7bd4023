#!/usr/bin/env python3
"""Latih's engine (wasm in Node, one thread) against scikit-learn (one thread), side by side in one
run on the same data: 10,000 training and 2,500 test rows of make_classification with 20 features.
Prints a table of fit-time ratios (Latih / scikit-learn: below 1 is faster) and accuracies.

Run with `make bench`, which builds the wasm module first. Needs numpy and scikit-learn.
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

# One thread for scikit-learn's BLAS too (the network's matrix products), as for Latih's wasm.
for variable in ["OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"]:
    os.environ[variable] = "1"

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.datasets import make_classification
from sklearn.ensemble import (  # noqa: E402
    HistGradientBoostingClassifier,
    RandomForestClassifier,
)
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402
from sklearn.tree import DecisionTreeClassifier  # noqa: E402
from threadpoolctl import threadpool_limits  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPEATS = 3
MODELS = {
    "decision_tree": lambda: DecisionTreeClassifier(random_state=0),
    "random_forest": lambda: RandomForestClassifier(n_jobs=1, random_state=0),  # 100 trees, the default
    "gradient_boosting": lambda: HistGradientBoostingClassifier(early_stopping=False,
                                                                random_state=0),
    # Latih's linear model and network standardise their features first, by default.
    "logistic_regression": lambda: make_pipeline(StandardScaler(), LogisticRegression()),
    "mlp": lambda: make_pipeline(StandardScaler(), MLPClassifier(
        hidden_layer_sizes=(64,), max_iter=200, n_iter_no_change=1000, random_state=0)),
}


def main(module_dir):
    # BENCH_MODELS=mlp,logistic_regression times only those (while working on one model).
    only = os.environ.get("BENCH_MODELS")
    if only:
        for name in set(MODELS) - set(only.split(",")):
            del MODELS[name]
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
            with threadpool_limits(1):
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

    for name in MODELS:
        print(f"# {name}: latih {statistics.median(latih[name]['seconds']):.3f} s, "
              f"scikit-learn {statistics.median(sk[name]['seconds']):.3f} s", file=sys.stderr)
    print(f"scikit-learn {sklearn.__version__}, {REPEATS} fits each, median fit time; "
          "10,000 x 20 training rows, 2,500 test rows")
    print("| model | Latih (wasm, Node) / scikit-learn fit time | accuracy Latih | accuracy scikit-learn |")
    print("|---|---|---|---|")
    for name in MODELS:
        ratio = statistics.median(latih[name]["seconds"]) / statistics.median(sk[name]["seconds"])
        print(f"| {name} | {ratio:.2f} | {latih[name]['accuracy']:.4f} | {sk[name]['accuracy']:.4f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/wasm-bench"))
