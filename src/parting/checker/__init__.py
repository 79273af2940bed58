"""The checker: judges a letter rule by rule against the guide.

`evaluate` is the pure core (plain records); `check` is the public API and returns
the pydantic `Report`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import language
from ..errors import InputError
from ..textinput import validate
from ..types import LANGS, REASONS
from .doc import Doc
from .findings import Context, Outcome
from .rules import rule_ids, rules, run

if TYPE_CHECKING:
    from .report import CheckContext, Report, Violation

__all__ = ["check", "evaluate", "CheckContext", "Report", "Violation", "rule_ids", "rules"]


def evaluate(
    letter: str,
    *,
    lang: str | None = None,
    reason: str | None = None,
    customer: str | None = None,
    referral: str | None = None,
    only: set[str] | None = None,
) -> Outcome:
    """Judge LETTER against every rule and return plain records."""
    text = validate(letter, "letter")
    if reason is not None and reason not in REASONS:
        raise InputError(f"unknown reason {reason!r}; use one of: {', '.join(REASONS)}")
    counts = language.scores(text)  # counted once: for lang=None and for the language rule
    ctx = Context(
        lang=language.resolve(text, lang, counts),
        reason=reason,
        customer=(customer or "").strip() or None,
        referral=(referral or "").strip() or None,
    )
    doc = Doc(text, customer=ctx.customer, extra_names=(ctx.referral,) if ctx.referral else (), scores=counts)
    # A letter in the wrong language breaks the language rule once; its content is
    # still judged, in the language it is actually written in.
    actual = language.detect_from(counts)
    findings = run(doc, ctx, only, words_lang=actual if actual in LANGS else ctx.lang)
    return Outcome(context=ctx, findings=tuple(findings))


def check(
    letter: str,
    *,
    lang: str | None = None,
    reason: str | None = None,
    customer: str | None = None,
    referral: str | None = None,
    only: set[str] | None = None,
) -> Report:
    """Judge LETTER against every rule; ``lang=None`` detects the language."""
    from .report import Report

    outcome = evaluate(letter, lang=lang, reason=reason, customer=customer, referral=referral, only=only)
    return Report.model_validate(outcome.as_dict())


def __getattr__(name: str) -> Any:
    if name in ("CheckContext", "Report", "Violation"):
        from . import report

        return getattr(report, name)
    raise AttributeError(name)
