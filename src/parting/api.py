"""The Python API: parting.check, parting.analyze, parting.rewrite."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import pipeline
from .checker import check
from .models import Brief, RewriteResult

__all__ = ["check", "analyze", "rewrite"]


def analyze(
    draft: str,
    *,
    lang: str | None = None,
    customer: str | None = None,
    reason: str | None = None,
    referral: str | None = None,
    sender: str | None = None,
    date: date | None = None,
    today: date | None = None,
) -> Brief:
    """Read DRAFT into a brief. Values given here win over the draft; for customer,
    referral and sender, '' means 'none'."""
    facts = pipeline.brief(draft, lang=lang, customer=customer, reason=reason, referral=referral,
                           sender=sender, effective=date, today=today)
    return Brief.model_validate(facts.as_dict())


def rewrite(draft: str, *, today: date | None = None, **overrides: Any) -> RewriteResult:
    """Turn DRAFT into a letter that follows the guide (overrides as for analyze)."""
    if "date" in overrides:
        overrides["effective"] = overrides.pop("date")
    result = pipeline.run(draft, today=today, **overrides)
    return RewriteResult.model_validate(result.as_dict())
