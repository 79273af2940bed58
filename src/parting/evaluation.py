"""How well a model and prompt do on a corpus: the numbers `parting eval` reports."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

FIELDS = ("lang", "customer", "reason", "referral", "sender")


def _norm(value: Any) -> str | None:
    return None if value in (None, "") else " ".join(str(value).lower().replace(".", "").split())


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def metrics(records: list[dict[str, Any]], expected: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """Pass rates, attempts, violations by rule, tokens, latency and analysis accuracy.

    RECORDS are batch records (status ok or error); EXPECTED maps a record's key to the
    facts the analyser should have read (any of lang, customer, reason, referral, sender)."""
    ok = [r for r in records if r.get("status") == "ok"]
    n = len(ok)
    first_rules: Counter[str] = Counter()
    final_rules: Counter[str] = Counter()
    attempts_hist: Counter[int] = Counter()
    first_pass = 0
    for r in ok:
        model_attempts = [a for a in r["attempts"] if a["engine"] == "llm"] or r["attempts"]
        first = model_attempts[0]
        first_pass += bool(first["ok"])
        first_rules.update({v["rule"] for v in first["violations"] if v["severity"] == "error"})
        final_rules.update({v["rule"] for v in r["report"]["violations"] if v["severity"] == "error"})
        attempts_hist[len(model_attempts)] += 1
    accuracy: dict[str, dict[str, float | int]] = {}
    if expected:
        for field in FIELDS:
            pairs = [(r["brief"][field], expected[r["key"]][field]) for r in ok
                     if r["key"] in expected and field in expected[r["key"]]]
            if pairs:
                right = sum(_norm(got) == _norm(want) for got, want in pairs)
                accuracy[field] = {"accuracy": right / len(pairs), "n": len(pairs)}
    latencies = [r.get("seconds", 0.0) for r in ok]
    tokens = [r["usage"]["total_tokens"] for r in ok]
    return {
        "rows": len(records),
        "letters": n,
        "errors": len(records) - n,
        "first_attempt_pass_rate": first_pass / n if n else 0.0,
        "final_pass_rate": sum(1 for r in ok if r["report"]["ok"]) / n if n else 0.0,
        "fallback_rate": sum(1 for r in ok if r["fallback"]) / n if n else 0.0,
        "mean_attempts": sum(k * c for k, c in attempts_hist.items()) / n if n else 0.0,
        "attempts_per_letter": {str(k): attempts_hist[k] for k in sorted(attempts_hist)},
        "violations_first_attempt": dict(first_rules.most_common()),
        "violations_final": dict(final_rules.most_common()),
        "tokens_per_letter": statistics.mean(tokens) if tokens else 0.0,
        "latency_p50": _pct(latencies, 0.5),
        "latency_p95": _pct(latencies, 0.95),
        "analysis_accuracy": accuracy,
        "engines": dict(Counter(r["engine"] for r in ok)),
    }
