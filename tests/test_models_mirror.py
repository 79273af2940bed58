"""The plain records inside and the pydantic models at the API edge carry the same fields."""

from parting import models
from parting.analysis.facts import Evidence, Facts
from parting.checker.findings import Context, Finding
from parting.pipeline import Attempt
from parting.policy import Policy


def fields(model):
    return set(model.model_fields)


def test_records_and_models_agree():
    assert fields(models.Brief) == set(Facts._fields)
    assert fields(models.Evidence) == set(Evidence._fields)
    assert fields(models.Policy) == set(Policy._fields)
    assert fields(models.Violation) == set(Finding._fields)
    assert fields(models.CheckContext) == set(Context._fields)
    assert fields(models.Attempt) == (set(Attempt._fields) - {"findings"}) | {"violations"}
