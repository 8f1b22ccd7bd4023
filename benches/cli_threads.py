#!/usr/bin/env python3
"""`latih run` on every core against one thread, and against scikit-learn with n_jobs=-1, side by
side in one run on the same files: a random forest (the notebook's split, 48 trees of depth at
most 12, sqrt of the features per split) on make_classification data of 100,000 rows x 50
columns and of 1,000,000 rows x 10 columns. Prints ratios (the machines are shared and noisy),
and whether one thread and every core gave the same output. Run with `make bench`, or alone:
python3 benches/cli_threads.py path/to/release/latih
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

REPEATS = 2
TREES = 48
DEPTH = 12
FILES = [(100_000, 49), (1_000_000, 9)]  # rows, features (and the label: 50 and 10 columns)


def notebook():
    return {
        "version": 1,
        "cells": [
            {"kind": "dataset", "dataset": "bench", "target": "y"},
            {"kind": "split", "test_fraction": 0.25, "stratify": True, "seed": 42},
            {"kind": "train", "model": "random_forest", "n_estimators": TREES,
             "max_depth": DEPTH, "min_samples_split": 2, "max_features": "sqrt",
             "bootstrap": True, "seed": 42},
            {"kind": "evaluate"},
        ],
    }


def write_csv(path, rows, features):
    x, y = make_classification(n_samples=rows, n_features=features, n_informative=features // 2,
                               n_redundant=features // 4, random_state=0)
    with open(path, "w") as f:
        f.write(",".join([f"f{i}" for i in range(features)] + ["y"]) + "\n")
        for start in range(0, rows, 50_000):
            block = np.column_stack([x[start:start + 50_000], y[start:start + 50_000]])
            np.savetxt(f, block, delimiter=",", fmt=["%.5f"] * features + ["%d"])
    return x, y


def median_seconds(run):
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        out = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main(latih):
    cores = os.cpu_count()
    print(f"random forest of {TREES} trees (depth at most {DEPTH}) on make_classification, "
          f"{cores} cores, median of {REPEATS} runs each")
    print("| file | Latih: speed-up of every core over 1 thread | scikit-learn: speed-up of "
          "n_jobs=-1 over 1 | Latih every core / scikit-learn n_jobs=-1 | accuracy Latih | "
          "accuracy scikit-learn | same output on 1 thread and every core |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        nb = pathlib.Path(folder) / "bench.latih.json"
        nb.write_text(json.dumps(notebook()))
        for rows, features in FILES:
            csv = pathlib.Path(folder) / "bench.csv"
            x, y = write_csv(csv, rows, features)

            def latih_run(threads):
                return subprocess.run(
                    [latih, "run", str(nb), "--data", f"bench={csv}", "--json", "--yes",
                     "--threads", str(threads)],
                    check=True, capture_output=True, text=True).stdout

            one, out_one = median_seconds(lambda: latih_run(1))
            every, out_every = median_seconds(lambda: latih_run(cores))
            accuracy = json.loads(out_every)["cells"][3]["accuracy"]

            x_train, x_test, y_train, y_test = train_test_split(
                x, y, test_size=0.25, stratify=y, random_state=42)

            def sklearn_fit(jobs):
                model = RandomForestClassifier(n_estimators=TREES, max_depth=DEPTH,
                                               max_features="sqrt", random_state=42, n_jobs=jobs)
                model.fit(x_train, y_train)
                return model.score(x_test, y_test)

            # scikit-learn is timed on the fit and score alone; Latih's run also reads and
            # parses the CSV, so the ratio flatters scikit-learn.
            sk_one, _ = median_seconds(lambda: sklearn_fit(1))
            sk_every, sk_accuracy = median_seconds(lambda: sklearn_fit(-1))
            same = "yes" if out_one == out_every else "NO"
            print(f"| {rows:,} x {features + 1} | {one / every:.2f} | {sk_one / sk_every:.2f} | "
                  f"{every / sk_every:.2f} | {accuracy:.4f} | {sk_accuracy:.4f} | {same} |")
            if out_one != out_every:
                sys.exit("the number of threads changed the output")


if __name__ == "__main__":
    main(sys.argv[1])
