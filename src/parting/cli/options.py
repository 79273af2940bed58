"""Options shared by several commands, and their validation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import InputError
from ..types import LANGS, REASONS

if TYPE_CHECKING:
    from ..engines.llm.config import LLMConfig

FileArg = Annotated[Optional[str], typer.Argument(help="File to read; '-' or nothing reads stdin.", show_default=False)]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language: de or en (default: detected).", show_default=False)]
ReasonOpt = Annotated[Optional[str], typer.Option("--reason", help="Why the customer is let go: conduct, capacity, time or other.", show_default=False)]
CustomerOpt = Annotated[Optional[str], typer.Option("--customer", help="How the letter addresses the customer, e.g. 'Frau Quandtmeyer'.", show_default=False)]
ReferralOpt = Annotated[Optional[str], typer.Option("--referral", help="A business to recommend (capacity letters must name it).", show_default=False)]
NoReferralOpt = Annotated[bool, typer.Option("--no-referral", help="Recommend no one, whatever the draft says.")]
SenderOpt = Annotated[Optional[str], typer.Option("--sender", help="Who signs the letter (a person or the business).", show_default=False)]
DateOpt = Annotated[Optional[str], typer.Option("--date", help="When the end takes effect: YYYY-MM-DD or 'today'.", show_default=False)]
FormatOpt = Annotated[str, typer.Option("--format", help="Output format: text or json.")]

def choice(value: str | None, allowed: tuple[str, ...], what: str) -> str | None:
    if value is None:
        return None
    value = value.strip().lower()
    if value not in allowed:
        raise InputError(f"unknown {what} {value!r}; use one of: {', '.join(allowed)}")
    return value


def lang(value: str | None) -> str | None:
    return choice(value, LANGS, "language")


def reason(value: str | None) -> str | None:
    return choice(value, REASONS, "reason")


def fmt(value: str, allowed: tuple[str, ...] = ("text", "json")) -> str:
    return choice(value, allowed, "format") or allowed[0]


# The model engine's options, shared by rewrite, batch and eval.
EngineOpt = Annotated[str, typer.Option("--engine", help="auto (the model when OPENAI_API_KEY or a base URL is set, else the composer), llm or compose.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", help="Model name (env PARTING_MODEL; default gpt-4o-mini).", show_default=False)]
BaseUrlOpt = Annotated[Optional[str], typer.Option("--base-url", help="OpenAI-compatible server, e.g. http://localhost:11434/v1 (env OPENAI_BASE_URL).", show_default=False)]
TempOpt = Annotated[Optional[float], typer.Option("--temperature", help="Sampling temperature; sent only when given.", show_default=False)]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds per model request.")]
DeadlineOpt = Annotated[float, typer.Option("--deadline", help="Seconds for the whole rewrite.")]
AttemptsOpt = Annotated[int, typer.Option("--max-attempts", help="Letters to ask the model for, in total.")]
FallbackOpt = Annotated[str, typer.Option("--fallback", help="When no attempt passes: compose (the composer's letter) or none (the best attempt, exit 1).")]


def llm_config(engine: str, model: str | None, base_url: str | None, temperature: float | None, timeout: float,
               deadline: float, max_attempts: int, fallback: str) -> tuple[str, LLMConfig]:
    """The engine name and the model configuration, validated, environment applied."""
    from ..engines.llm.config import LLMConfig

    engine = choice(engine, ("auto", "llm", "compose"), "engine") or "auto"
    fallback = choice(fallback, ("compose", "none"), "fallback") or "compose"
    if max_attempts < 1 or timeout <= 0 or deadline <= 0:
        raise InputError("--max-attempts must be at least 1, --timeout and --deadline above 0")
    return engine, LLMConfig.from_env(model=model, base_url=base_url, temperature=temperature, timeout=timeout,
                                      deadline=deadline, max_attempts=max_attempts, fallback=fallback)
