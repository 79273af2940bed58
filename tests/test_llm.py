"""The model engine against recorded replies (cassettes/test_llm/), and against the
scripted server itself for a reply that is too slow."""

import asyncio
from datetime import date
from pathlib import Path

import pytest

from parting import arewrite, rewrite
from parting.errors import ModelError

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 26)
DRAFT_EN = (ROOT / "examples" / "draft_en.txt").read_text(encoding="utf-8")
DRAFT_DE = (ROOT / "examples" / "draft_de.txt").read_text(encoding="utf-8")
DRAFT_INJECTION = (ROOT / "examples" / "draft_injection_en.txt").read_text(encoding="utf-8")
KEY = "test-key-do-not-log-7731"


def run(server, scenario, draft=DRAFT_EN, **options):
    options = {"engine": "llm", "model": f"scripted/{scenario}", "base_url": server, "api_key": KEY,
               "backoff": 0.01, "max_wait": 0.05, "timeout": 10, "today": TODAY, **options}
    return rewrite(draft, **options)


def requests_made(cassette):
    """HTTP requests the test made: played back when replaying, recorded when recording."""
    return cassette.play_count or len(cassette)


def errors(attempt):
    return {v.rule for v in attempt.violations if v.severity == "error"}


@pytest.mark.vcr
def test_first_attempt_passes(model_server):
    r = run(model_server, "first-pass")
    assert r.engine == "llm" and not r.fallback and r.report.ok
    assert len(r.attempts) == 1 and r.attempts[0].ok and r.stop_reason == "passed"
    assert r.usage.total_tokens > 0 and r.attempts[0].finish_reason == "stop"
    assert r.letter.startswith("Dear Mr Abernethy,") and r.prompt_version


@pytest.mark.vcr
def test_blame_is_fixed_on_the_second_attempt(model_server):
    r = run(model_server, "blame-then-fixed")
    assert [a.ok for a in r.attempts] == [False, True]
    assert "blame" in errors(r.attempts[0])
    assert "Sure!" not in r.letter and "Note:" not in r.letter, "preface and afterword are cleaned away"
    assert r.usage.cached_tokens == 128


@pytest.mark.vcr
def test_hedging_is_fixed(model_server):
    r = run(model_server, "hedge-then-fixed")
    assert errors(r.attempts[0]) >= {"finality"} and r.attempts[1].ok and r.report.ok


@pytest.mark.vcr
def test_conduct_letter_recommending_a_competitor_is_fixed(model_server):
    r = run(model_server, "competitor-then-fixed")
    assert errors(r.attempts[0]) == {"referral-policy"} and r.attempts[1].ok
    assert "Hillside" not in r.letter


@pytest.mark.vcr
def test_fences_and_preamble_are_stripped(model_server):
    r = run(model_server, "fenced")
    assert r.attempts[0].ok and r.letter.startswith("Dear Mr Abernethy,") and "```" not in r.letter
    assert "Let me know" not in r.letter


@pytest.mark.vcr
def test_every_attempt_fails_and_the_composer_takes_over(model_server):
    r = run(model_server, "always-fails")
    assert [a.engine for a in r.attempts] == ["llm", "llm", "llm", "compose"]
    assert r.fallback and r.engine == "compose" and r.report.ok and r.stop_reason == "max-attempts"


@pytest.mark.vcr
def test_every_attempt_fails_without_fallback_returns_the_best(model_server):
    r = run(model_server, "always-fails", fallback="none")
    assert not r.fallback and r.engine == "llm" and not r.report.ok
    assert r.letter == min((a for a in r.attempts), key=lambda a: len(errors(a))).letter


@pytest.mark.vcr
def test_a_repeated_reply_stops_early(model_server):
    r = run(model_server, "repeats", max_attempts=5)
    assert len([a for a in r.attempts if a.engine == "llm"]) == 2 and r.stop_reason == "repeated"


@pytest.mark.vcr
def test_rate_limit_then_success(model_server, vcr):
    r = run(model_server, "rate-limited")
    assert r.attempts[0].ok and requests_made(vcr) == 2


@pytest.mark.vcr
def test_truncated_and_empty_replies_get_their_own_feedback(model_server):
    r = run(model_server, "truncated")
    assert errors(r.attempts[0]) == {"truncated"} and r.attempts[0].finish_reason == "length" and r.attempts[1].ok


@pytest.mark.vcr
def test_empty_reply(model_server):
    r = run(model_server, "empty")
    assert errors(r.attempts[0]) == {"empty"} and r.attempts[1].ok


@pytest.mark.vcr
def test_missing_usage_is_tolerated(model_server):
    r = run(model_server, "no-usage")
    assert r.report.ok and r.attempts[0].usage is None and r.usage.total_tokens == 0


@pytest.mark.vcr
def test_unauthorized_fails_at_once_with_the_fix(model_server, vcr):
    with pytest.raises(ModelError) as exc:
        run(model_server, "unauthorized")
    assert "OPENAI_API_KEY" in str(exc.value) and KEY not in str(exc.value)
    assert requests_made(vcr) == 1


@pytest.mark.vcr
def test_unknown_model_names_the_fix(model_server, vcr):
    with pytest.raises(ModelError) as exc:
        run(model_server, "no-such-scenario")
    assert "--model" in str(exc.value) and "404" in str(exc.value) and requests_made(vcr) == 1


@pytest.mark.vcr
def test_a_server_that_always_fails_gets_a_bounded_number_of_requests(model_server, vcr):
    r = run(model_server, "server-error", retries=3)
    assert requests_made(vcr) == 4, "one request and three retries, no more"
    assert r.fallback and r.stop_reason == "model-unavailable"
    assert "4 request(s)" in r.attempts[0].error and "HTTP 500" in r.attempts[0].error
    with pytest.raises(ModelError):
        run(model_server, "server-error", retries=3, fallback="none")


@pytest.mark.vcr
def test_an_injected_draft_still_gets_a_letter_that_obeys_the_policy(model_server):
    r = run(model_server, "injection", draft=DRAFT_INJECTION)
    assert r.brief.ignored and r.policy.referral == "forbidden"
    assert not r.attempts[0].ok and {"blame", "referral-policy"} <= errors(r.attempts[0])
    assert r.report.ok and "Dave" not in r.letter


@pytest.mark.vcr
def test_german(model_server):
    r = run(model_server, "first-pass-de", draft=DRAFT_DE)
    assert r.brief.lang == "de" and r.policy.referral == "required" and r.report.ok
    assert r.letter.startswith("Sehr geehrte Frau Quandtmeyer,")


@pytest.mark.vcr
def test_german_capacity_letter_must_name_the_referral(model_server):
    r = run(model_server, "referral-missing-then-fixed-de", draft=DRAFT_DE)
    assert errors(r.attempts[0]) == {"referral-policy"} and r.attempts[1].ok and "Kranz" in r.letter


@pytest.mark.vcr
def test_async_api(model_server):
    r = asyncio.run(arewrite(DRAFT_EN, engine="llm", model="scripted/blame-then-fixed", base_url=model_server,
                             api_key=KEY, backoff=0.01, max_wait=0.05, today=TODAY))
    assert [a.ok for a in r.attempts] == [False, True] and r.report.ok


def test_a_slow_reply_times_out_and_the_retry_succeeds(live_server):
    r = run(live_server, "slow", timeout=0.5)
    assert r.attempts[0].ok and not r.fallback


def test_cassettes_hold_no_key_and_no_binary_body():
    files = list((ROOT / "cassettes").rglob("*.yaml"))
    assert files, "cassettes are missing"
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert KEY not in text and "Bearer" not in text and "!!binary" not in text, f
        assert "authorization" not in text.lower(), f


def test_the_deadline_ends_the_conversation_and_the_composer_steps_in():
    r = run("http://scripted.invalid/v1", "first-pass", deadline=1e-9)
    assert r.stop_reason == "deadline" and r.fallback and r.report.ok
    assert "deadline" in r.attempts[0].error and r.attempts[0].letter == ""
