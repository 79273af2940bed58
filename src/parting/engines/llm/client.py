"""Talking to an OpenAI-compatible chat endpoint through the openai SDK.

Only one layer retries: the SDK's own retries are switched off (max_retries=0) and
tenacity retries transient failures (timeouts, connection errors, 429, 5xx), honouring
Retry-After, within the rewrite's deadline. Permanent failures (401, 403, 404, 400)
fail at once with a message that names the fix. The API key never appears in a message."""

from __future__ import annotations

import re
import time
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, NamedTuple

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_any,
)
from tenacity.stop import stop_base

from ...errors import ModelError
from .config import LLMConfig

_KEYLIKE = re.compile(r"(sk|key|bearer)[-_ ]?[A-Za-z0-9_\-*]{8,}", re.IGNORECASE)


class Reply(NamedTuple):
    text: str
    finish_reason: str | None
    usage: dict[str, int] | None
    latency_ms: float
    requests: int


class ModelUnavailable(Exception):
    """Transient failures outlasted the retries or the deadline."""


def _scrub(message: str) -> str:
    return _KEYLIKE.sub("[redacted]", " ".join(str(message).split()))[:200]


def _status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def is_transient(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    status = _status(exc)
    return isinstance(exc, openai.APIStatusError) and status is not None and (status in (408, 409, 429) or status >= 500)


def permanent_message(exc: BaseException, cfg: LLMConfig) -> str:
    """One line naming the fix, for failures that retrying cannot mend."""
    import openai

    where = cfg.base_url or "the OpenAI API"
    status = _status(exc)
    if isinstance(exc, openai.AuthenticationError) or status == 401:
        return f"{where} refused the API key (HTTP 401): set OPENAI_API_KEY to a valid key"
    if isinstance(exc, openai.PermissionDeniedError) or status == 403:
        return f"{where} denied access (HTTP 403): check that the key may use model {cfg.model!r}"
    if isinstance(exc, openai.NotFoundError) or status == 404:
        return (f"model {cfg.model!r} not found at {where} (HTTP 404): check --model (PARTING_MODEL) "
                "and --base-url (OPENAI_BASE_URL)")
    if isinstance(exc, openai.APIStatusError):
        detail = _scrub(getattr(exc, "message", "") or "")
        return f"{where} rejected the request (HTTP {status}: {detail}): check --model and --temperature"
    if isinstance(exc, openai.OpenAIError):
        return f"the model client failed: {_scrub(str(exc))}: check OPENAI_API_KEY and --base-url"
    return f"the model call failed: {_scrub(str(exc))}"


def _retry_after(exc: BaseException) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return float(ms) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError):
            return None


class _Deadline(stop_base):
    """Stop retrying once the rewrite's deadline has passed."""

    def __init__(self, at: float) -> None:
        self.at = at

    def __call__(self, retry_state: RetryCallState) -> bool:
        return time.monotonic() >= self.at


def _policy(cfg: LLMConfig, deadline_at: float) -> dict[str, Any]:
    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc) if exc else None
        delay = hinted if hinted is not None else cfg.backoff * 2 ** (state.attempt_number - 1)
        return max(0.0, min(delay, cfg.max_wait, deadline_at - time.monotonic()))

    return {
        "stop": stop_any(stop_after_attempt(cfg.retries + 1), _Deadline(deadline_at)),
        "wait": wait,
        "retry": retry_if_exception(is_transient),
        "reraise": True,
    }


def _params(cfg: LLMConfig, messages: list[dict[str, str]], deadline_at: float) -> dict[str, Any]:
    params: dict[str, Any] = {"model": cfg.model, "messages": messages,
                              "timeout": max(0.1, min(cfg.timeout, deadline_at - time.monotonic()))}
    if cfg.temperature is not None:
        params["temperature"] = cfg.temperature
    return params


def _reply(resp: Any, started: float, requests: int) -> Reply:
    choice = resp.choices[0] if getattr(resp, "choices", None) else None
    text = (choice.message.content or "") if choice is not None and choice.message is not None else ""
    usage = None
    if getattr(resp, "usage", None) is not None:
        u = resp.usage
        details = getattr(u, "prompt_tokens_details", None)
        usage = {
            "prompt_tokens": u.prompt_tokens or 0,
            "completion_tokens": u.completion_tokens or 0,
            "total_tokens": u.total_tokens or 0,
            "cached_tokens": (getattr(details, "cached_tokens", None) or 0) if details is not None else 0,
        }
    return Reply(text, getattr(choice, "finish_reason", None), usage, (time.perf_counter() - started) * 1000, requests)


def make_client(cfg: LLMConfig, asynchronous: bool = False) -> Any:
    """An SDK client with its own retries off. Sync clients are kept per endpoint and
    key: building one loads the CA certificates, which costs more than an attempt."""
    if asynchronous:
        import openai

        return openai.AsyncOpenAI(api_key=cfg.api_key or "not-needed", base_url=cfg.base_url,
                                  timeout=cfg.timeout, max_retries=0)
    return _sync_client(cfg.base_url, cfg.api_key, cfg.timeout)


@lru_cache(maxsize=8)
def _sync_client(base_url: str | None, api_key: str | None, timeout: float) -> Any:
    import openai

    # Local servers (Ollama, llama.cpp) take any key; the SDK insists on one.
    return openai.OpenAI(api_key=api_key or "not-needed", base_url=base_url, timeout=timeout, max_retries=0)


def _unavailable(exc: BaseException, requests: int, cfg: LLMConfig) -> ModelUnavailable:
    status = _status(exc)
    what = f"HTTP {status}" if status else type(exc).__name__.replace("API", "").replace("Error", " error").strip()
    return ModelUnavailable(f"{cfg.base_url or 'the OpenAI API'} did not answer usably after {requests} "
                            f"request(s) ({what})")


def call(client: Any, cfg: LLMConfig, messages: list[dict[str, str]], deadline_at: float) -> Reply:
    started, count = time.perf_counter(), 0
    try:
        for attempt in Retrying(**_policy(cfg, deadline_at)):
            with attempt:
                count += 1
                resp = client.chat.completions.create(**_params(cfg, messages, deadline_at))
    except Exception as exc:  # noqa: BLE001 - sorted into transient and permanent below
        if is_transient(exc):
            raise _unavailable(exc, count, cfg) from None
        raise ModelError(permanent_message(exc, cfg)) from None
    return _reply(resp, started, count)


async def acall(client: Any, cfg: LLMConfig, messages: list[dict[str, str]], deadline_at: float,
                gate: Any = None) -> Reply:
    """call(), async. With a shared GATE (ratelimit.Gate), a 429 pauses every task that
    uses the gate for the time the server asked, not just this one."""
    started, count = time.perf_counter(), 0
    try:
        async for attempt in AsyncRetrying(**_policy(cfg, deadline_at)):
            with attempt:
                if gate is not None:
                    await gate.wait()
                count += 1
                try:
                    resp = await client.chat.completions.create(**_params(cfg, messages, deadline_at))
                except Exception as exc:
                    if gate is not None and _status(exc) == 429:
                        gate.pause(min(_retry_after(exc) or cfg.backoff, cfg.max_wait))
                    raise
    except Exception as exc:  # noqa: BLE001
        if is_transient(exc):
            raise _unavailable(exc, count, cfg) from None
        raise ModelError(permanent_message(exc, cfg)) from None
    return _reply(resp, started, count)
