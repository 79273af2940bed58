"""Options shared by several commands, and their validation."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ..errors import InputError
from ..types import LANGS, REASONS

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
