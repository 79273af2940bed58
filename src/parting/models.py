"""Pydantic models for everything that crosses the API boundary. They mirror the
plain records the pipeline uses inside (a test keeps the two in step)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from .checker.report import CheckContext, Report, Violation
from .types import Lang, Reason

__all__ = ["Evidence", "Brief", "Policy", "Usage", "Attempt", "RewriteResult", "Report", "Violation", "CheckContext"]


class Evidence(BaseModel):
    """Why a field of the brief has its value."""

    field: str
    source: Literal["draft", "user", "default"]
    start: int = 0
    end: int = 0
    text: str = ""


class Brief(BaseModel):
    """What the analyser read from the draft (user overrides applied)."""

    lang: Lang
    customer: str | None
    reason: Reason
    referral: str | None
    sender: str | None
    effective: date
    effective_from_draft: bool = Field(description="False when the draft named no date and today applies.")
    evidence: list[Evidence]
    ignored: list[Evidence] = Field(description="Text aimed at the tool, set aside as data.")


class Policy(BaseModel):
    """What the letter must do, derived from the brief."""

    lang: Lang
    reason: Reason
    customer: str | None
    sender: str | None
    effective: date
    effective_is_today: bool
    referral: Literal["forbidden", "required", "allowed"]
    referral_name: str | None
    refused_referral: str | None
    best_wishes: bool = True


class Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    cached_tokens: int = 0


class Attempt(BaseModel):
    number: int
    engine: str
    letter: str
    ok: bool
    violations: list[Violation]
    usage: Usage | None = None
    latency_ms: float = 0.0
    finish_reason: str | None = None
    error: str | None = None


class RewriteResult(BaseModel):
    letter: str
    brief: Brief
    policy: Policy
    report: Report
    engine: str
    attempts: list[Attempt]
    fallback: bool = Field(description="True when the letter is the composer's, after the model failed.")
    usage: Usage
    model: str | None = None
    prompt_version: str | None = None
    stop_reason: str | None = Field(None, description="passed, repeated, max-attempts, deadline or model-unavailable.")
