#!/usr/bin/env python3
"""The worker pool's speed-up: one hyperparameter search (a grid of 24 random-forest candidates,
5-fold cross-validation on 10,000 training rows of make_classification with 20 features) run by
a pool of 1 and of 2 workers (Node worker threads running the engine's wasm, sharing the
candidates out as the app's Web Worker pool does). Prints the ratio and whether the results are
identical. Run with `make bench`; needs Node and scikit-learn.
"""
import json
import pathlib
import statistics
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.datasets import make_classification

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPEATS = 2


def main(module_dir):
    x, y = make_classification(
        n_samples=12_500, n_features=20, n_informative=10, n_redundant=5, random_state=0
    )
    header = ",".join([f"f{i}" for i in range(20)] + ["y"])
    rows = [",".join([*(f"{v:.6f}" for v in xs), f"c{c}"]) for xs, c in zip(x, y)]
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write(header + "\n" + "\n".join(rows) + "\n")
        csv_path = f.name
    out = subprocess.run(
        ["node", str(ROOT / "benches/pool.cjs"), csv_path, module_dir, str(REPEATS)],
        check=True, capture_output=True, text=True,
    )
    result = json.loads(out.stdout)
    one, two = statistics.median(result["one"]), statistics.median(result["two"])
    print(f"search of 24 candidates x 5 folds (random forest, 10,000 training rows), "
          f"median of {REPEATS} runs each")
    print("| pool | time relative to 1 worker | speed-up | identical results |")
    print("|---|---|---|---|")
    print(f"| 1 worker | 1.00 | 1.00 | |")
    print(f"| 2 workers | {two / one:.2f} | {one / two:.2f} | {'yes' if result['identical'] else 'NO'} |")
    if not result["identical"]:
        sys.exit("the pool's size changed the results")


if __name__ == "__main__":
    main(sys.argv[1])
