"""Runs a Jupyter notebook's code cells in order, in one namespace, as a kernel would.

The tests of Latih's .ipynb export use it where Jupyter itself is not installed: only Python
with pandas and scikit-learn is needed. Usage: python3 scripts/run_ipynb.py notebook.ipynb
"""
import json
import sys

notebook = json.load(open(sys.argv[1], encoding="utf-8"))
code = "\n".join("".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code")
exec(compile(code, sys.argv[1], "exec"), {"__name__": "__main__"})
