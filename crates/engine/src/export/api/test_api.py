"""The API predicts what Latih predicted: golden.json holds rows of the notebook's test set with
the notebook's own predictions of them. Run: pytest"""

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from main import SCHEMA, app

GOLDEN = json.loads((Path(__file__).parent / "golden.json").read_text(encoding="utf-8"))
client = TestClient(app)
needs_golden = pytest.mark.skipif(
    not GOLDEN, reason="golden.json is empty: no test row had every value the model needs"
)


def same(ours: dict, theirs: dict) -> None:
    if "prediction" in theirs:
        assert ours["prediction"] == pytest.approx(theirs["prediction"], rel=1e-9, abs=1e-9)
        return
    top = sorted(theirs["probabilities"].values(), reverse=True)
    # Two classes equally probable: rounding may pick either, so only the numbers are checked.
    if len(top) < 2 or top[0] - top[1] > 1e-9:
        assert ours["class"] == theirs["class"]
    for name, p in theirs["probabilities"].items():
        assert ours["probabilities"][name] == pytest.approx(p, abs=1e-9)


def test_health():
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["model"] == SCHEMA["model"]


@pytest.mark.parametrize("case", GOLDEN, ids=lambda case: str(case["row"])[:60])
def test_a_row_is_predicted_as_latih_predicted_it(case):
    response = client.post("/predict", json=case["row"])
    assert response.status_code == 200, response.text
    same(response.json(), case["expected"])


@needs_golden
def test_a_batch_is_predicted_row_by_row():
    response = client.post("/predict/batch", json={"rows": [case["row"] for case in GOLDEN]})
    assert response.status_code == 200, response.text
    for ours, case in zip(response.json(), GOLDEN):
        same(ours, case["expected"])


@needs_golden
def test_a_word_in_a_number_field_is_refused():
    numbers = [column["name"] for column in SCHEMA["inputs"] if column["kind"] == "number"]
    if not numbers:
        pytest.skip("the model has no number inputs")
    row = dict(GOLDEN[0]["row"], **{numbers[0]: "not a number"})
    assert client.post("/predict", json=row).status_code == 422


@needs_golden
def test_an_unknown_column_is_refused():
    row = dict(GOLDEN[0]["row"], **{"no such column": 1})
    assert client.post("/predict", json=row).status_code == 422
