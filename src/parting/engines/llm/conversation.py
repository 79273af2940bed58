"""The re-ask loop, in one place: ask, clean, check, and on failure continue the same
conversation with the failed letter and precise feedback, a bounded number of times.
The sync and async drivers in pipeline.py only make the calls."""

from __future__ import annotations

import time

from ...analysis.facts import Facts
from ...checker import evaluate
from ...checker.findings import Finding
from ...errors import InputError
from ...policy import Policy
from ...records import Attempt
from . import prompts
from .clean import clean
from .client import Reply
from .config import LLMConfig


def _synthetic(rule: str, message: str, hint: str) -> Finding:
    return Finding(rule, "error", message, hint, 0, 0, 1, 1, "")


_TRUNCATED = _synthetic("truncated", "The reply was cut off before the letter ended (finish_reason=length).",
                        "Write the complete letter again, shorter (at most 180 words), ending with the wish and the sign-off.")
_EMPTY = _synthetic("empty", "The reply was empty.", "Reply with the complete letter.")


class Conversation:
    def __init__(self, draft: str, facts: Facts, policy: Policy, cfg: LLMConfig) -> None:
        self.policy = policy
        self.cfg = cfg
        self.messages = [
            {"role": "system", "content": prompts.system(policy)},
            {"role": "user", "content": prompts.user(draft, policy)},
        ]
        self.attempts: list[Attempt] = []
        self.passed: Attempt | None = None
        self.stop_reason: str | None = None

    @property
    def wants_more(self) -> bool:
        return self.stop_reason is None and len(self.attempts) < self.cfg.max_attempts

    def take(self, reply: Reply) -> Attempt:
        """Judge one reply; on failure, add the feedback turn for the next one."""
        letter = clean(reply.text)
        if reply.finish_reason == "length":
            findings: tuple[Finding, ...] = (_TRUNCATED,)
        elif not letter.strip():
            findings = (_EMPTY,)
        else:
            try:
                findings = evaluate(letter, **self.policy.check_context()).findings
            except InputError as exc:  # e.g. a reply in a language we do not judge
                findings = (_synthetic("language", exc.message, "Write the whole letter in the expected language."),)
        errors = [f for f in findings if f.severity == "error"]
        attempt = Attempt(len(self.attempts) + 1, "llm", letter, not errors, tuple(findings), reply.usage,
                          reply.latency_ms, reply.finish_reason, None)
        previous = self.attempts[-1] if self.attempts else None
        self.attempts.append(attempt)
        if not errors:
            self.passed = attempt
            self.stop_reason = "passed"
        elif previous is not None and (letter == previous.letter or _key(errors) == _key(_errors(previous))):
            self.stop_reason = "repeated"  # the model is not moving; asking again wastes time
        else:
            self.messages.append({"role": "assistant", "content": letter or reply.text or "(empty)"})
            self.messages.append({"role": "user", "content": prompts.feedback(errors, self.policy)})
        if self.stop_reason is None and len(self.attempts) >= self.cfg.max_attempts:
            self.stop_reason = "max-attempts"
        return attempt

    def out_of_time(self, deadline_at: float) -> bool:
        """Past the rewrite's deadline: the conversation ends here, and says why."""
        if time.monotonic() < deadline_at:
            return False
        self.fail(f"the deadline of {self.cfg.deadline:g} s passed", "deadline")
        return True

    def fail(self, error: str, reason: str = "model-unavailable") -> None:
        self.attempts.append(Attempt(len(self.attempts) + 1, "llm", "", False, (), error=error))
        self.stop_reason = reason

    def best(self) -> Attempt | None:
        """The attempt with a letter and the fewest errors (the earliest among equals)."""
        lettered = [a for a in self.attempts if a.letter]
        return min(lettered, key=lambda a: len(_errors(a))) if lettered else None


def _errors(a: Attempt) -> list[Finding]:
    return [f for f in a.findings if f.severity == "error"]


def _key(errors: list[Finding]) -> frozenset[tuple[str, str]]:
    return frozenset((f.rule, f.excerpt) for f in errors)
