"""One explicit policy per letter, derived from the brief.

The composer, the checker's context and the model's prompt all read their
expectations from here, so they cannot disagree about what the letter must do."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal, NamedTuple

from .analysis.facts import Facts

ReferralRule = Literal["forbidden", "required", "allowed"]


class Policy(NamedTuple):
    lang: str
    reason: str
    customer: str | None
    sender: str | None
    effective: date
    effective_is_today: bool
    referral: ReferralRule
    referral_name: str | None  # the business to name (required or allowed), else None
    refused_referral: str | None  # the business the owner named but the guide forbids
    best_wishes: bool = True

    def check_context(self) -> dict[str, Any]:
        """The checker's context: for conduct, the refused business, so naming it fails."""
        return {
            "lang": self.lang,
            "reason": self.reason,
            "customer": self.customer,
            "referral": self.refused_referral if self.referral == "forbidden" else self.referral_name,
        }

    def as_dict(self) -> dict:
        d = self._asdict()
        d["effective"] = self.effective.isoformat()
        return d


def derive(facts: Facts, today: date | None = None) -> Policy:
    """Conduct forbids any referral; capacity with a named business requires it;
    time and other allow the named one, if any."""
    if facts.reason == "conduct":
        rule: ReferralRule = "forbidden"
    elif facts.reason == "capacity" and facts.referral:
        rule = "required"
    else:
        rule = "allowed"
    return Policy(
        lang=facts.lang,
        reason=facts.reason,
        customer=facts.customer,
        sender=facts.sender,
        effective=facts.effective,
        effective_is_today=facts.effective <= (today or date.today()),
        referral=rule,
        referral_name=None if rule == "forbidden" else facts.referral,
        refused_referral=facts.referral if rule == "forbidden" else None,
    )
