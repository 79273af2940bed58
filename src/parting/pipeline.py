"""The pipeline: draft -> brief (facts) -> policy -> engine -> check -> result.

Plain records throughout, so the CLI starts fast; parting.api wraps the result in
pydantic models. The model engine's re-ask loop lives in engines/llm/conversation.py;
run() and arun() only drive it."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from typing import Any

from .analysis import UNSET, read
from .analysis.facts import Facts
from .checker import evaluate
from .checker.findings import Context, Outcome
from .engines.compose import compose
from .engines.llm.config import LLMConfig
from .errors import InputError, ModelError
from .policy import Policy, derive
from .records import Attempt, Result


def brief(draft: str, *, lang: str | None = None, customer: Any = UNSET, reason: str | None = None,
          referral: Any = UNSET, sender: Any = UNSET, effective: date | None = None,
          today: date | None = None) -> Facts:
    """The facts of DRAFT, the user's values winning. For customer, referral and
    sender, None means 'not given' and '' means 'none'."""
    def given(v: Any) -> Any:
        return UNSET if v is None or v is UNSET else (v or None)

    return read(draft, lang=lang, today=today, customer=given(customer), reason_=reason,
                referral_=given(referral), sender=given(sender), effective=effective)


def today_from_env() -> date | None:
    """PARTING_TODAY=YYYY-MM-DD pins 'today', for reproducible runs and recorded tests."""
    value = os.environ.get("PARTING_TODAY")
    return date.fromisoformat(value) if value else None


def composed(policy: Policy, number: int = 1) -> Attempt:
    start = time.perf_counter()
    letter = compose(policy)
    outcome = evaluate(letter, **policy.check_context())
    return Attempt(number, "compose", letter, outcome.ok, outcome.findings,
                   latency_ms=(time.perf_counter() - start) * 1000)


def choose_engine(engine: str, cfg: LLMConfig) -> str:
    """auto: the model when a key or a server is configured, the composer otherwise."""
    if engine not in ("auto", "llm", "compose"):
        raise InputError(f"unknown engine {engine!r}; use one of: auto, llm, compose")
    if engine == "auto":
        return "llm" if cfg.configured else "compose"
    if engine == "llm" and not cfg.configured:
        raise ModelError("no model configured: set OPENAI_API_KEY, or OPENAI_BASE_URL / --base-url for a "
                         "local OpenAI-compatible server (Ollama: http://localhost:11434/v1)")
    return engine


def _prepare(draft: str, today: date | None, overrides: dict[str, Any]) -> tuple[Facts, Policy]:
    today = today or today_from_env()
    facts = brief(draft, today=today, **overrides)
    return facts, derive(facts, today=today)


def _composed_result(facts: Facts, policy: Policy) -> Result:
    attempt = composed(policy)
    outcome = Outcome(Context(**policy.check_context()), attempt.findings)
    return Result(attempt.letter, facts, policy, outcome, "compose", (attempt,), fallback=False, stop_reason="passed"
                  if outcome.ok else "composer")


def _finish(conv: Any, facts: Facts, policy: Policy, cfg: LLMConfig) -> Result:
    """The first passing attempt; else the composer's letter (marked as a fallback) or,
    with fallback 'none', the best attempt."""
    from .engines.llm import prompts

    meta = {"model": cfg.model, "prompt_version": prompts.version(policy.lang), "stop_reason": conv.stop_reason}
    attempts = tuple(conv.attempts)
    if conv.passed is not None:
        # The passing attempt was checked under this policy already; its findings are the report.
        outcome = Outcome(Context(**policy.check_context()), conv.passed.findings)
        return Result(conv.passed.letter, facts, policy, outcome, "llm", attempts, False, **meta)
    if cfg.fallback == "compose":
        comp = composed(policy, number=len(attempts) + 1)
        outcome = Outcome(Context(**policy.check_context()), comp.findings)
        return Result(comp.letter, facts, policy, outcome, "compose", attempts + (comp,), True, **meta)
    best = conv.best()
    if best is None:
        raise ModelError(attempts[-1].error if attempts and attempts[-1].error else "the model wrote no letter")
    outcome = evaluate(best.letter, **policy.check_context())
    return Result(best.letter, facts, policy, outcome, "llm", attempts, False, **meta)


def run(draft: str, *, today: date | None = None, engine: str = "compose", llm: LLMConfig | None = None,
        on_start: Callable[[str], None] | None = None, on_attempt: Callable[[Attempt], None] | None = None,
        **overrides: Any) -> Result:
    """Rewrite DRAFT: the composer, or the model with checks, feedback and fallback.
    on_start(engine) is called once the draft is read and before the engine runs."""
    cfg = llm or LLMConfig.from_env()
    chosen = choose_engine(engine, cfg)
    facts, policy = _prepare(draft, today, overrides)
    if on_start:
        on_start(chosen)
    if chosen == "compose":
        return _composed_result(facts, policy)
    from .engines.llm.client import ModelUnavailable, call, make_client
    from .engines.llm.conversation import Conversation

    conv = Conversation(draft, facts, policy, cfg)
    client = make_client(cfg)
    deadline_at = time.monotonic() + cfg.deadline
    while conv.wants_more and not conv.out_of_time(deadline_at):
        try:
            reply = call(client, cfg, conv.messages, deadline_at)
        except ModelUnavailable as exc:
            conv.fail(str(exc))
            break
        attempt = conv.take(reply)
        if on_attempt:
            on_attempt(attempt)
    return _finish(conv, facts, policy, cfg)


async def arun(draft: str, *, today: date | None = None, engine: str = "compose", llm: LLMConfig | None = None,
               on_attempt: Callable[[Attempt], None] | None = None, client: Any = None, gate: Any = None,
               **overrides: Any) -> Result:
    """run(), with the model called through the async client. A batch passes its own
    CLIENT (one connection pool) and GATE (one shared pause on 429)."""
    cfg = llm or LLMConfig.from_env()
    chosen = choose_engine(engine, cfg)
    facts, policy = _prepare(draft, today, overrides)
    if chosen == "compose":
        return _composed_result(facts, policy)
    from .engines.llm.client import ModelUnavailable, acall, make_client
    from .engines.llm.conversation import Conversation

    conv = Conversation(draft, facts, policy, cfg)
    own_client = client is None
    client = client if client is not None else make_client(cfg, asynchronous=True)
    deadline_at = time.monotonic() + cfg.deadline
    try:
        while conv.wants_more and not conv.out_of_time(deadline_at):
            try:
                reply = await acall(client, cfg, conv.messages, deadline_at, gate)
            except ModelUnavailable as exc:
                conv.fail(str(exc))
                break
            attempt = conv.take(reply)
            if on_attempt:
                on_attempt(attempt)
    finally:
        if own_client:
            await client.close()
    return _finish(conv, facts, policy, cfg)
