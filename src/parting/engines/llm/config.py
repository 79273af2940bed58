"""How to reach the model: options first, then the environment, like the OpenAI SDK."""

from __future__ import annotations

import os
from typing import NamedTuple

DEFAULT_MODEL = "gpt-4o-mini"


class LLMConfig(NamedTuple):
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = None
    temperature: float | None = None  # sent only when set: some servers reject it
    timeout: float = 60.0  # per request, seconds
    deadline: float = 300.0  # for the whole rewrite, seconds
    max_attempts: int = 3  # letters asked for, first one included
    fallback: str = "compose"  # or "none"
    retries: int = 3  # extra requests for one attempt after a transient failure
    backoff: float = 1.0  # first wait between those, doubling
    max_wait: float = 30.0  # longest single wait, Retry-After included

    def __repr__(self) -> str:  # never show the key
        shown = self._replace(api_key="***" if self.api_key else None)
        return "LLMConfig(" + ", ".join(f"{k}={v!r}" for k, v in shown._asdict().items()) + ")"

    @classmethod
    def from_env(cls, **given: object) -> LLMConfig:
        """Given values win; then PARTING_MODEL, OPENAI_BASE_URL and OPENAI_API_KEY."""
        values = {k: v for k, v in given.items() if v is not None}
        values.setdefault("model", os.environ.get("PARTING_MODEL") or DEFAULT_MODEL)
        if os.environ.get("OPENAI_BASE_URL"):
            values.setdefault("base_url", os.environ["OPENAI_BASE_URL"])
        if os.environ.get("OPENAI_API_KEY"):
            values.setdefault("api_key", os.environ["OPENAI_API_KEY"])
        return cls(**values)  # type: ignore[arg-type]

    @property
    def configured(self) -> bool:
        """A key or a server to talk to: what --engine auto looks for."""
        return bool(self.api_key or self.base_url)
