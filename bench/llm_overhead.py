"""parting's own time per model attempt: everything but waiting for the model.

Replays a recorded two-attempt conversation (a blamed letter, then a good one) from
cassettes/test_llm/ with vcrpy, so the model answers at once, and times whole
rewrites. Per attempt it reports the median of
- all the time: prompts, the SDK building and parsing the request, the replay, the
  checks, the feedback (an upper bound on parting's own time), and
- the time outside the model call: the above less each attempt's measured call time.

    python bench/llm_overhead.py [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

import vcr

from parting import rewrite

ROOT = Path(__file__).resolve().parent.parent
CASSETTE = ROOT / "cassettes" / "test_llm" / "test_blame_is_fixed_on_the_second_attempt.yaml"
DRAFT = (ROOT / "examples" / "draft_en.txt").read_text(encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    args = ap.parse_args()
    player = vcr.VCR(match_on=["method", "path", "query", "body"], record_mode="none")
    options = {"engine": "llm", "model": "scripted/blame-then-fixed", "base_url": "http://scripted.invalid/v1",
               "api_key": "bench", "today": date(2026, 11, 26)}
    whole, own = [], []
    with player.use_cassette(str(CASSETTE), allow_playback_repeats=True):
        rewrite(DRAFT, **options)  # warm caches and imports, as a long-running caller would be
        for _ in range(args.runs):
            t0 = time.perf_counter()
            r = rewrite(DRAFT, **options)
            total = (time.perf_counter() - t0) * 1000
            n = len(r.attempts)
            whole.append(total / n)
            own.append((total - sum(a.latency_ms for a in r.attempts)) / n)
    print(f"per attempt, all of it (SDK and replay included): median {statistics.median(whole):.2f} ms")
    print(f"per attempt, outside the model call:              median {statistics.median(own):.2f} ms")
    print(f"({args.runs} rewrites of 2 attempts each)")


if __name__ == "__main__":
    main()
