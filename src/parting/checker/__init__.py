"""The checker: judges a letter rule by rule against the guide."""

from __future__ import annotations

from .. import language
from ..errors import InputError
from ..textinput import validate
from ..types import LANGS, REASONS
from .doc import Doc
from .report import CheckContext, Report, Violation
from .rules import rule_ids, rules, run

__all__ = ["check", "CheckContext", "Report", "Violation", "rule_ids", "rules"]


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
    text = validate(letter, "letter")
    if reason is not None and reason not in REASONS:
        raise InputError(f"unknown reason {reason!r}; use one of: {', '.join(REASONS)}")
    ctx = CheckContext(
        lang=language.resolve(text, lang),  # type: ignore[arg-type]
        reason=reason,  # type: ignore[arg-type]
        customer=(customer or "").strip() or None,
        referral=(referral or "").strip() or None,
    )
    doc = Doc(text, customer=ctx.customer, extra_names=(ctx.referral,) if ctx.referral else ())
    # A letter in the wrong language breaks the language rule once; its content is
    # still judged, in the language it is actually written in.
    actual = language.detect_from(doc.language_scores)
    violations = run(doc, ctx, only, words_lang=actual if actual in LANGS else ctx.lang)
    return Report(ok=not any(v.severity == "error" for v in violations), violations=violations, context=ctx)
