"""The Python API: parting.check, parting.analyze, parting.rewrite."""

from __future__ import annotations

from datetime import date
from typing import Any

from . import pipeline
from .checker import check
from .engines.llm.config import LLMConfig
from .errors import InputError
from .models import Brief, RewriteResult

__all__ = ["check", "analyze", "rewrite", "arewrite"]


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


_LLM_OPTIONS = ("model", "base_url", "api_key", "temperature", "timeout", "deadline", "max_attempts", "fallback",
                "retries", "backoff", "max_wait")


def _split(overrides: dict[str, Any]) -> tuple[dict[str, Any], LLMConfig]:
    if "date" in overrides:
        overrides["effective"] = overrides.pop("date")
    llm = {k: overrides.pop(k) for k in _LLM_OPTIONS if k in overrides}
    if llm.get("fallback") not in (None, "compose", "none"):
        raise InputError(f"unknown fallback {llm['fallback']!r}; use compose or none")
    return overrides, LLMConfig.from_env(**llm)


def rewrite(draft: str, *, engine: str = "auto", today: date | None = None, **options: Any) -> RewriteResult:
    """Turn DRAFT into a letter that follows the guide.

    Overrides as for analyze (lang, customer, reason, referral, sender, date). engine:
    'auto' (the model when OPENAI_API_KEY or a base URL is set, else the composer),
    'llm' or 'compose'. Model options: model, base_url, api_key, temperature, timeout,
    deadline, max_attempts, fallback ('compose' or 'none'), retries, backoff, max_wait."""
    overrides, cfg = _split(dict(options))
    result = pipeline.run(draft, today=today, engine=engine, llm=cfg, **overrides)
    return RewriteResult.model_validate(result.as_dict())


async def arewrite(draft: str, *, engine: str = "auto", today: date | None = None, **options: Any) -> RewriteResult:
    """rewrite(), for asyncio code: the model is called through the async client."""
    overrides, cfg = _split(dict(options))
    result = await pipeline.arun(draft, today=today, engine=engine, llm=cfg, **overrides)
    return RewriteResult.model_validate(result.as_dict())
