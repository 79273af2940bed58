"""The records a rewrite produces: each attempt and the result. Plain NamedTuples
(see checker/findings.py for why); parting.models mirrors them for the API."""

from __future__ import annotations

from typing import Any, NamedTuple

from .analysis.facts import Facts
from .checker.findings import Finding, Outcome
from .policy import Policy


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
    model: str | None = None
    prompt_version: str | None = None
    stop_reason: str | None = None

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
            "model": self.model,
            "prompt_version": self.prompt_version,
            "stop_reason": self.stop_reason,
        }
