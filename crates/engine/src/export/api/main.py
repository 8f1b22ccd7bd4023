"""A prediction API for the model trained in Latih: the cleaning steps and the model, as
model.onnx, behind FastAPI. What it expects and gives is in schema.json.

Run it:   uvicorn main:app --reload      (then open http://127.0.0.1:8000/docs)
Test it:  pytest                          (golden rows predicted by Latih itself)
"""

import json
import math
from pathlib import Path
from typing import Optional

import numpy as np
import onnxruntime as ort
from fastapi import FastAPI, HTTPException
from pydantic import ConfigDict, Field, create_model

HERE = Path(__file__).parent
SCHEMA = json.loads((HERE / "schema.json").read_text(encoding="utf-8"))
SESSION = ort.InferenceSession(str(HERE / "model.onnx"), providers=["CPUExecutionProvider"])
INPUTS = SCHEMA["inputs"]

# One optional field per input column, named as the column (a missing value is null: the
# cleaning steps may fill it in). Anything else in a request is refused, and so are NaN and
# infinity; a number sent for a category (a class 3 for "3") is read as its text.
Row = create_model(
    "Row",
    __config__=ConfigDict(extra="forbid", allow_inf_nan=False, coerce_numbers_to_str=True),
    **{
        f"column_{i}": (
            Optional[float] if column["kind"] == "number" else Optional[str],
            Field(default=None, alias=column["name"]),
        )
        for i, column in enumerate(INPUTS)
    },
)
Batch = create_model("Batch", rows=(list[Row], ...))

app = FastAPI(
    title=f"Predict {SCHEMA['target']}",
    description=f"A {SCHEMA['model']} trained in Latih. Its notebook: {SCHEMA['notebook']}",
)


def predict_rows(rows: list) -> list:
    """Each row's prediction, as the notebook predicts it."""
    values = [row.model_dump(by_alias=True) for row in rows]
    feeds = {}
    for column in INPUTS:
        name = column["name"]
        if column["kind"] == "number":
            numbers = [math.nan if v[name] is None else float(v[name]) for v in values]
            feeds[name] = np.array(numbers, dtype=np.float64).reshape(-1, 1)
        else:
            texts = ["" if v[name] is None else str(v[name]).strip() for v in values]
            feeds[name] = np.array(texts, dtype=object).reshape(-1, 1)
    names = [output.name for output in SESSION.get_outputs()]
    out = dict(zip(names, SESSION.run(None, feeds)))
    incomplete = [i for i, c in enumerate(out["complete"]) if c < 1.0]
    if incomplete:
        raise HTTPException(
            status_code=422,
            detail=f"rows {incomplete}: a value the model needs is missing, and no cleaning "
            "step fills it in",
        )
    if SCHEMA["task"] == "numbers":
        return [{"prediction": float(p[0])} for p in out["prediction"]]
    classes = SCHEMA["classes"]
    return [
        {
            "class": classes[int(label)],
            "probabilities": {c: float(p) for c, p in zip(classes, probabilities)},
        }
        for label, probabilities in zip(out["label"], out["probabilities"])
    ]


@app.get("/health")
def health() -> dict:
    return {
        "status": "ok",
        "model": SCHEMA["model"],
        "target": SCHEMA["target"],
        "test_scores": SCHEMA["test_scores"],
    }


@app.post("/predict")
def predict(row: Row) -> dict:
    return predict_rows([row])[0]


@app.post("/predict/batch")
def predict_batch(batch: Batch) -> list:
    return predict_rows(batch.rows)
