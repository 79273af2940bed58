"""The pipeline: draft -> brief (facts) -> policy -> engine -> check -> result.

Plain records throughout, so the CLI starts fast; parting.api wraps the result in
pydantic models. The model engine's re-ask loop plugs in at `write`."""

from __future__ import annotations

import time
from datetime import date
from typing import Any, NamedTuple

from .analysis import UNSET, read
from .analysis.facts import Facts
from .checker import evaluate
from .checker.findings import Finding, Outcome
from .engines.compose import compose
from .policy import Policy, derive


class Attempt(NamedTuple):
    number: int
    engine: str
    letter: str
    ok: bool
    findings: tuple[Finding, ...]
    usage: dict[str, int] | None = None
    latency_ms: float = 0.0
    finish_reason: str | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        d = self._asdict()
        d["violations"] = [f._asdict() for f in d.pop("findings")]
        return d


class Result(NamedTuple):
    letter: str
    facts: Facts
    policy: Policy
    outcome: Outcome
    engine: str
    attempts: tuple[Attempt, ...]
    fallback: bool

    @property
    def usage(self) -> dict[str, int]:
        total = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0, "cached_tokens": 0}
        for a in self.attempts:
            for k, v in (a.usage or {}).items():
                total[k] = total.get(k, 0) + (v or 0)
        return total

    def as_dict(self) -> dict[str, Any]:
        """The same shape as RewriteResult.model_dump(mode='json')."""
        return {
            "letter": self.letter,
            "brief": self.facts.as_dict(),
            "policy": self.policy.as_dict(),
            "report": self.outcome.as_dict(),
            "engine": self.engine,
            "attempts": [a.as_dict() for a in self.attempts],
            "fallback": self.fallback,
            "usage": self.usage,
        }


_UNSET: Any = UNSET


def brief(draft: str, *, lang: str | None = None, customer: Any = _UNSET, reason: str | None = None,
          referral: Any = _UNSET, sender: Any = _UNSET, effective: date | None = None,
          today: date | None = None) -> Facts:
    """The facts of DRAFT, the user's values winning. For customer, referral and
    sender, None means 'not given' and '' means 'none'."""
    def given(v: Any) -> Any:
        return _UNSET if v is None or v is _UNSET else (v or None)

    return read(draft, lang=lang, today=today, customer=given(customer), reason_=reason,
                referral_=given(referral), sender=given(sender), effective=effective)


def composed(policy: Policy, number: int = 1) -> Attempt:
    start = time.perf_counter()
    letter = compose(policy)
    outcome = evaluate(letter, **policy.check_context())
    return Attempt(number, "compose", letter, outcome.ok, outcome.findings,
                   latency_ms=(time.perf_counter() - start) * 1000)


def run(draft: str, *, today: date | None = None, **overrides: Any) -> Result:
    """Rewrite DRAFT with the built-in composer."""
    facts = brief(draft, today=today, **overrides)
    policy = derive(facts, today=today)
    attempt = composed(policy)
    outcome = evaluate(attempt.letter, **policy.check_context())
    return Result(attempt.letter, facts, policy, outcome, "compose", (attempt,), fallback=False)
