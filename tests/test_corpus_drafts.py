"""The labelled drafts under tests/corpus, read by the analyser. Field accuracy over
each corpus must stay at or above the floors below (the README reports the figures)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
import score  # noqa: E402

FLOORS = {"lang": 0.95, "customer": 0.9, "reason": 0.9, "referral": 0.9, "sender": 0.8, "effective": 0.9}


@pytest.mark.parametrize("corpus", ["drafts.jsonl", "holdout_drafts.jsonl", "blind_drafts.jsonl"])
def test_field_accuracy(corpus):
    rows = score.load(corpus)
    accuracy, misses = score.score_drafts(rows)
    low = {f: round(a, 3) for f, a in accuracy.items() if a < FLOORS[f]}
    assert not low, (low, misses)


def test_corpus_covers_what_the_issue_asks():
    rows = score.load("drafts.jsonl")
    assert len(rows) >= 60
    langs = {r["expected"]["lang"] for r in rows}
    reasons = {r["expected"]["reason"] for r in rows}
    assert langs == {"en", "de"} and reasons == {"conduct", "capacity", "time", "other"}
    assert sum(1 for r in rows if r["expected"]["referral"]) >= 15
    assert sum(1 for r in rows if any(w in r["draft"].lower() for w in ("ai", "ki:", "ignore", "ignoriere"))) >= 5
