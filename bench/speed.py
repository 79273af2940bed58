"""How fast parting is: letters checked per second in-process, and the whole-process
time of `parting check` and `parting rewrite` (composer) as a ratio to
`python -c "import typer, pydantic"` measured in the same run.

    python bench/speed.py [--rounds 5] [--startup-runs 21]

Machines here are shared and noisy, so the figures are medians, and start-up is
compared as a ratio of interleaved runs rather than as absolute times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))


def in_process(rounds: int) -> float:
    import score

    from parting import check

    rows = score.letters()
    for row in rows[:20]:  # warm the pattern caches: a long-running caller pays this once
        check(row["letter"], lang=row["lang"], reason=row.get("reason"), customer=row.get("customer"), referral=row.get("referral"))
    rates = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for row in rows:
            check(row["letter"], lang=row["lang"], reason=row.get("reason"), customer=row.get("customer"), referral=row.get("referral"))
        rates.append(len(rows) / (time.perf_counter() - t0))
    return statistics.median(rates)


# As on a user's machine: byte code cached (pip writes it for an installed package;
# some sandboxes set PYTHONDONTWRITEBYTECODE), and no API key, so rewrite composes.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "OPENAI_API_KEY", "OPENAI_BASE_URL")}


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV)
    return time.perf_counter() - t0


def startup(runs: int, command: list[str]) -> tuple[float, float, float]:
    base_cmd = [sys.executable, "-c", "import typer, pydantic"]

    tool_cmd = [sys.executable, "-m", "parting", *command]
    base, tool, ratios = [], [], []
    for _ in range(runs):  # interleaved, so both see the same machine load
        b, t = _time(base_cmd), _time(tool_cmd)
        base.append(b)
        tool.append(t)
        ratios.append(t / b)
    return statistics.median(base), statistics.median(tool), statistics.median(ratios)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--startup-runs", type=int, default=21)
    args = ap.parse_args()
    os.environ.setdefault("NO_COLOR", "1")
    rate = in_process(args.rounds)
    print(f"in-process check: {rate:,.0f} letters/s (median of {args.rounds} passes over the labelled corpus, one core)")
    for command in (["check", str(ROOT / "examples" / "letter_en.txt")],
                    ["rewrite", str(ROOT / "examples" / "draft_en.txt")]):
        b, t, r = startup(args.startup_runs, command)
        print(f"whole process: python -c 'import typer, pydantic' {b * 1000:.0f} ms, parting {command[0]} "
              f"{t * 1000:.0f} ms, ratio {r:.2f} (median of {args.startup_runs} interleaved runs)")


if __name__ == "__main__":
    main()
