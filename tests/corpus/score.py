"""Score the checker and the analyser against the labelled corpora in this folder.

    python tests/corpus/score.py            # both tables, as Markdown
    python tests/corpus/score.py --misses   # also list every disagreement

The tests run the same functions, so the README's tables and CI agree.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
ERROR_RULES = ["finality", "effective-date", "blame", "referral-policy", "best-wishes", "salutation", "placeholder", "language"]


def load(name: str) -> list[dict]:
    path = HERE / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def letters() -> list[dict]:
    return load("letters_en.jsonl") + load("letters_de.jsonl")


def score_letters(rows: list[dict]) -> tuple[dict, list[str]]:
    """Per rule and language: true positives, false positives, false negatives."""
    from parting import check

    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    for row in rows:
        report = check(row["letter"], lang=row["lang"], reason=row.get("reason"),
                       customer=row.get("customer"), referral=row.get("referral"))
        got, want = report.broken(), set(row["errors"])
        corpus_lang = row["id"].split("-")[0]
        for rule in ERROR_RULES:
            c = counts[(rule, corpus_lang)]
            if rule in got and rule in want:
                c[0] += 1
            elif rule in got:
                c[1] += 1
                misses.append(f"{row['id']} false {rule}: " + "; ".join(v.excerpt for v in report.errors if v.rule == rule))
            elif rule in want:
                c[2] += 1
                misses.append(f"{row['id']} missed {rule} ({row.get('note', '')})")
    return counts, misses


def prf(tp: int, fp: int, fn: int) -> tuple[float, float]:
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def letters_table(counts: dict) -> str:
    out = ["| rule | en precision | en recall | de precision | de recall | violations (en/de) |", "|---|---|---|---|---|---|"]
    for rule in ERROR_RULES:
        cells = []
        support = []
        for lang in ("en", "de"):
            tp, fp, fn = counts[(rule, lang)]
            p, r = prf(tp, fp, fn)
            cells += [f"{p:.2f}", f"{r:.2f}"]
            support.append(str(tp + fn))
        out.append(f"| {rule} | " + " | ".join(cells) + f" | {'/'.join(support)} |")
    return "\n".join(out)


def score_drafts(rows: list[dict]) -> tuple[dict, list[str]]:
    from datetime import date

    from parting import analyze

    fields = ["lang", "customer", "reason", "referral", "sender", "effective"]
    right: dict[str, int] = defaultdict(int)
    misses = []
    for row in rows:
        brief = analyze(row["draft"], today=date(2026, 11, 26))
        exp = row["expected"]
        for f in fields:
            got = getattr(brief, f)
            want = exp.get(f)
            if f == "effective":
                got = None if got == date(2026, 11, 26) and not brief.effective_from_draft else got.isoformat()
            if _same(got, want):
                right[f] += 1
            else:
                misses.append(f"{row['id']} {f}: got {got!r}, want {want!r}")
    return {f: right[f] / len(rows) for f in fields}, misses


def _same(got: object, want: object) -> bool:
    if got is None or want is None:
        return got is None and want is None
    norm = lambda s: " ".join(str(s).lower().replace(".", "").split())
    return norm(got) == norm(want)


def main() -> None:
    show = "--misses" in sys.argv
    for title, rows in (("letters_en.jsonl + letters_de.jsonl", letters()),
                        ("holdout_letters.jsonl", [{**r, "id": r["id"][2:]} for r in load("holdout_letters.jsonl")]),
                        ("blind_letters.jsonl", [{**r, "id": r["id"][2:]} for r in load("blind_letters.jsonl")])):
        counts, misses = score_letters(rows)
        print(f"Checker on {len(rows)} labelled letters ({title}):\n")
        print(letters_table(counts) + "\n")
        if show and misses:
            print("\n".join(misses) + "\n")
    if "--letters" in sys.argv:
        return
    results = {name: score_drafts(load(name)) for name in ("drafts.jsonl", "holdout_drafts.jsonl", "blind_drafts.jsonl")}
    sizes = {name: len(load(name)) for name in results}
    print("Analyser, field accuracy:\n")
    print("| field | " + " | ".join(f"{n} ({sizes[n]})" for n in results) + " |")
    print("|---|" + "---|" * len(results))
    for f in results["drafts.jsonl"][0]:
        print(f"| {f} | " + " | ".join(f"{results[n][0][f]:.2f}" for n in results) + " |")
    if show:
        for n in results:
            print("\n" + "\n".join(results[n][1]))


if __name__ == "__main__":
    main()
