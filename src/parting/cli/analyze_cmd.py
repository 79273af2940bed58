"""parting analyze: what the tool reads from a draft."""

from __future__ import annotations

import json
import sys

from ..errors import EXIT_OK
from . import options as opt
from .drafts import overrides, read_draft
from .style import paint


def run(file: opt.FileArg = None, lang: opt.LangOpt = None, customer: opt.CustomerOpt = None,
        reason: opt.ReasonOpt = None, referral: opt.ReferralOpt = None, no_referral: opt.NoReferralOpt = False,
        sender: opt.SenderOpt = None, date: opt.DateOpt = None, format: opt.FormatOpt = "text") -> int:
    """Read a draft into a brief (language, customer, reason, referral, sender, date)."""
    from .. import pipeline

    out_format = opt.fmt(format)
    draft = read_draft(file)
    facts = pipeline.brief(draft, **overrides(lang, customer, reason, referral, no_referral, sender, date))
    if out_format == "json":
        sys.stdout.write(json.dumps(facts.as_dict(), ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for field in ("lang", "customer", "reason", "referral", "sender", "effective"):
        value = getattr(facts, field)
        ev = next((e for e in facts.evidence if e.field == field), None)
        why = ""
        if ev is not None and ev.source == "draft" and ev.text:
            why = paint(f"  ← “{' '.join(ev.text.split())[:60]}”", "dim")
        elif ev is not None and ev.source == "user":
            why = paint("  ← given", "dim")
        shown = value.isoformat() if field == "effective" else value
        if field == "effective" and not facts.effective_from_draft and (ev is None or ev.source != "user"):
            shown = f"{shown} (today)"
        sys.stdout.write(f"{field:<9} {shown if shown is not None else '-'}{why}\n")
    for ig in facts.ignored:
        sys.stdout.write(paint(f"ignored   “{' '.join(ig.text.split())[:70]}” (an instruction to the tool, not a fact)", "yellow") + "\n")
    return EXIT_OK
