"""The analyser: reads a blunt draft into facts (a brief), deterministically.

`read` is the core and returns plain records; `parting.analyze` wraps it in the
pydantic `Brief`. Values the user gives always win over what the draft says.
"""

from __future__ import annotations

from datetime import date

from .. import language
from ..errors import InputError
from ..textinput import validate
from ..types import REASONS
from . import dates, people, reason, referral
from .facts import Evidence, Facts
from .text import quarantine

__all__ = ["read", "Facts", "Evidence", "UNSET"]

# "Not given by the user": the draft decides. (None given by the user means "none".)
UNSET: object = object()


def _ev(field: str, text: str, span: tuple[int, int] | None) -> Evidence:
    if span is None:
        return Evidence(field, "default")
    return Evidence(field, "draft", span[0], span[1], text[span[0] : span[1]])


def read(
    draft: str,
    *,
    lang: str | None = None,
    today: date | None = None,
    customer: str | None | object = UNSET,
    reason_: str | None = None,
    referral_: str | None | object = UNSET,
    sender: str | None | object = UNSET,
    effective: date | None = None,
) -> Facts:
    """The facts of DRAFT. Overrides: pass a value (None clears customer, referral, sender)."""
    text = validate(draft, "draft")
    if reason_ is not None and reason_ not in REASONS:
        raise InputError(f"unknown reason {reason_!r}; use one of: {', '.join(REASONS)}")
    today = today or date.today()
    clean, ignored = quarantine(text)
    ev: list[Evidence] = []

    lang = language.resolve(clean if clean.strip() else text, lang)
    ev.append(Evidence("lang", "draft" if lang else "default"))

    sig = people.signature(clean)
    # A signature at the foot ends the part where the customer can be named; one at
    # the top ("Hi, it's Fiona", "From: Greg") does not.
    at_foot = sig is not None and sig[1] > len(clean) // 2 and clean[sig[1]:].count("\n") <= 3
    sig_start = sig[1] if sig is not None and at_foot else len(clean)
    if sender is UNSET:
        sender_v = sig[0] if sig else None
        ev.append(_ev("sender", clean, (sig[1], sig[2]) if sig else None))
    else:
        sender_v = sender  # type: ignore[assignment]
        ev.append(Evidence("sender", "user", text=str(sender or "")))

    ref_name, ref_span = referral.find(clean, None, sender_v)
    avoid = [ref_span] if ref_span else []
    if customer is UNSET:
        opening = len(text) - len(text.lstrip())
        found = people.customer(clean, sig_start, avoid, opening)
        if not found and ignored:
            # Named only inside an instruction to the tool: the name is still a fact.
            found = people.customer(text, sig_start, avoid + [(0, 0)])
            found = found if found and any(p.start <= found[1] < p.end for p in ignored) else None
        customer_v = found[0] if found else None
        ev.append(_ev("customer", clean, (found[1], found[2]) if found else None))
    else:
        customer_v = customer  # type: ignore[assignment]
        ev.append(Evidence("customer", "user", text=str(customer or "")))

    if referral_ is UNSET:
        if ref_name and customer_v and ref_name.lower() == str(customer_v).lower():
            ref_name, ref_span = None, None
        referral_v = ref_name
        ev.append(_ev("referral", clean, ref_span if ref_name else referral.refused(clean)))
    else:
        referral_v = referral_  # type: ignore[assignment]
        ev.append(Evidence("referral", "user", text=str(referral_ or "")))

    if reason_ is None:
        reason_v, span = reason.classify(clean)
        ev.append(_ev("reason", clean, span))
    else:
        reason_v = reason_
        ev.append(Evidence("reason", "user", text=reason_))

    if effective is None:
        chosen = _effective(clean, today)
        eff = chosen.when if chosen else today
        from_draft = bool(chosen and not chosen.today_word)
        ev.append(_ev("effective", clean, (chosen.start, chosen.end) if chosen else None))
    else:
        eff, from_draft = effective, True
        ev.append(Evidence("effective", "user", text=effective.isoformat()))

    return Facts(
        lang=lang,
        customer=(str(customer_v).strip() or None) if customer_v else None,
        reason=reason_v,
        referral=(str(referral_v).strip() or None) if referral_v else None,
        sender=(str(sender_v).strip() or None) if sender_v else None,
        effective=eff,
        effective_from_draft=from_draft,
        evidence=tuple(ev),
        ignored=tuple(Evidence("ignored", "draft", p.start, p.end, p.text.strip()) for p in ignored),
    )


def _effective(text: str, today: date) -> dates.Found | None:
    """The date the end takes effect: one beside 'last'/'letzte' first, then one beside
    'from'/'ab'/'zum', then any. Dates in the past are not end dates."""
    found = [f for f in dates.find_dates(text, today) if f.when >= today]
    if not found:
        return None

    def weight(f: dates.Found) -> int:
        if f.today_word:
            return 2
        before = text[max(0, f.start - 40) : f.start].lower()
        if any(w in before for w in ("last", "final", "letzte", "letzter", "letztes", "letzten")):
            return 3
        if any(w in before[-16:] for w in ("from", "effective", "as of", "starting", "ab ", "zum", "end", "until", "bis", "per ", "deadline", "stop")):
            return 2
        return 1

    return max(found, key=lambda f: (weight(f), -f.start))
