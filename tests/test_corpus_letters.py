"""The labelled letters under tests/corpus: each letter's errors must be exactly its label."""

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
import score  # noqa: E402

from parting import check  # noqa: E402

ROWS = score.letters()
# Every labelled letter, the later sets included: each must be judged exactly as labelled.
ALL = ROWS + score.load("holdout_letters.jsonl") + score.load("blind_letters.jsonl")


def test_corpus_is_large_and_covers_every_rule():
    assert len(ROWS) >= 150
    broken = Counter(rule for row in ROWS for rule in row["errors"])
    for rule in score.ERROR_RULES:
        assert broken[rule] >= 10, rule
    assert {row["lang"] for row in ROWS} == {"en", "de"}
    assert sum(1 for row in ROWS if not row["errors"]) >= 50


@pytest.mark.parametrize("row", ALL, ids=[r["id"] for r in ALL])
def test_labelled_letter(row):
    report = check(row["letter"], lang=row["lang"], reason=row.get("reason"),
                   customer=row.get("customer"), referral=row.get("referral"))
    assert report.broken() == set(row["errors"]), [(v.rule, v.excerpt) for v in report.errors]
