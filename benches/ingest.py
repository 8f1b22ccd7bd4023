#!/usr/bin/env python3
"""Reading a large CSV and describing it: Latih's engine (wasm, in Node) against pandas, on the
same file, in one run. Usage: python3 benches/ingest.py [wasm-bindgen nodejs dir]

The file is the issue's scale: 100,000 rows × 50 columns (about 40 MB): 44 numeric columns
(some with decimal commas' cousins, missing values), 5 categorical, 1 text. Prints the median
time of each and their ratio, and the wasm memory after the runs against the file's size.
"""
import json
import pathlib
import statistics
import subprocess
import sys
import time

import numpy as np
import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[1]
REPEATS = 3
ROWS, NUMERIC, CATEGORICAL = 100_000, 44, 5


def make_file(path):
    rng = np.random.default_rng(20261128)
    columns = {}
    for i in range(NUMERIC):
        values = rng.normal(100 * i, 10 + i, ROWS).round(4)
        values[rng.random(ROWS) < 0.02] = np.nan
        columns[f"x{i}"] = values
    for i in range(CATEGORICAL):
        columns[f"c{i}"] = rng.choice(["merah", "hijau", "biru", "kuning", "ungu"], ROWS)
    columns["name"] = [f"orang {i}" for i in range(ROWS)]
    pd.DataFrame(columns).to_csv(path, index=False, na_rep="")


def main(module_dir):
    path = ROOT / "target/bench-ingest.csv"
    if not path.exists():
        make_file(path)
    size = path.stat().st_size
    seconds = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        frame = pd.read_csv(path)
        frame.describe()
        seconds.append(time.perf_counter() - start)
    out = subprocess.run(
        ["node", str(ROOT / "benches/ingest.cjs"), str(path), module_dir, str(REPEATS)],
        check=True, capture_output=True, text=True,
    )
    latih = json.loads(out.stdout)
    ours, theirs = statistics.median(latih["seconds"]), statistics.median(seconds)
    print(f"# {frame.shape[0]:,} rows × {frame.shape[1]} columns, {size / 1e6:.1f} MB; "
          f"pandas {pd.__version__}, median of {REPEATS}")
    print("| read + describe | Latih (wasm, Node) | pandas | ratio |")
    print("|---|---|---|---|")
    print(f"| time | {ours:.2f} s | {theirs:.2f} s | {ours / theirs:.2f} |")
    print(f"| Latih's wasm memory after the runs / file size | "
          f"{latih['memory_bytes'] / 1e6:.0f} MB / {size / 1e6:.0f} MB "
          f"| | {latih['memory_bytes'] / size:.1f} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "target/wasm-bench"))
