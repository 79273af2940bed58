"""`parting eval --html`: one self-contained page (no external files, no network) with
the numbers and two charts drawn as inline SVG."""

from __future__ import annotations

from html import escape
from typing import Any

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem}
.sub{color:#666;margin-top:0} .cards{display:flex;flex-wrap:wrap;gap:.8rem}
.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:9rem}
.card b{display:block;font-size:1.4rem} table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;font-size:14px}
.ok{color:#1a7f37} .bad{color:#b42318} svg text{font:12px system-ui,sans-serif}
"""


def _bars(series: dict[str, tuple[int, int]], labels: tuple[str, str]) -> str:
    """Paired horizontal bars: violations by rule, first attempt and final."""
    if not series:
        return "<p>No rule was broken.</p>"
    top = max(max(a, b) for a, b in series.values()) or 1
    row_h, width, left = 34, 640, 150
    height = row_h * len(series) + 30
    parts = [f'<svg role="img" aria-label="violations by rule" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for i, (rule, (first, final)) in enumerate(series.items()):
        y = 10 + i * row_h
        w1, w2 = (width - left - 60) * first / top, (width - left - 60) * final / top
        parts.append(f'<text x="0" y="{y + 14}">{escape(rule)}</text>')
        parts.append(f'<rect x="{left}" y="{y}" width="{w1:.1f}" height="12" fill="#f0a202"><title>{labels[0]}: {first}</title></rect>')
        parts.append(f'<text x="{left + w1 + 4:.1f}" y="{y + 11}">{first}</text>')
        parts.append(f'<rect x="{left}" y="{y + 14}" width="{w2:.1f}" height="12" fill="#b42318"><title>{labels[1]}: {final}</title></rect>')
        parts.append(f'<text x="{left + w2 + 4:.1f}" y="{y + 25}">{final}</text>')
    y = height - 12
    parts.append(f'<rect x="{left}" y="{y - 9}" width="10" height="10" fill="#f0a202"/><text x="{left + 14}" y="{y}">{labels[0]}</text>')
    parts.append(f'<rect x="{left + 140}" y="{y - 9}" width="10" height="10" fill="#b42318"/><text x="{left + 154}" y="{y}">{labels[1]}</text>')
    return "".join(parts) + "</svg>"


def _histogram(counts: dict[str, int]) -> str:
    if not counts:
        return "<p>No letters.</p>"
    top = max(counts.values()) or 1
    bar_w, gap, height = 48, 18, 180
    width = len(counts) * (bar_w + gap) + gap
    top_pad = 22  # room for the count above the tallest bar
    parts = [f'<svg role="img" aria-label="attempts per letter" width="{width}" height="{height + top_pad + 40}" '
             f'viewBox="0 0 {width} {height + top_pad + 40}">']
    for i, (k, v) in enumerate(counts.items()):
        h = height * v / top
        x = gap + i * (bar_w + gap)
        y = top_pad + height - h
        parts.append(f'<rect x="{x}" y="{y:.1f}" width="{bar_w}" height="{h:.1f}" fill="#2f6fbd"><title>{v} letter(s) took {k} attempt(s)</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2}" y="{y - 6:.1f}" text-anchor="middle">{v}</text>')
        parts.append(f'<text x="{x + bar_w / 2}" y="{top_pad + height + 18}" text-anchor="middle">{escape(k)} attempt{"s" if k != "1" else ""}</text>')
    return "".join(parts) + "</svg>"


def render(m: dict[str, Any], records: list[dict[str, Any]], title: str) -> str:
    rules = sorted(set(m["violations_first_attempt"]) | set(m["violations_final"]))
    series = {r: (m["violations_first_attempt"].get(r, 0), m["violations_final"].get(r, 0)) for r in rules}
    cards = [
        ("letters", f'{m["letters"]} of {m["rows"]}'), ("first attempt passes", f'{m["first_attempt_pass_rate"]:.0%}'),
        ("final letter passes", f'{m["final_pass_rate"]:.0%}'), ("fallbacks", f'{m["fallback_rate"]:.0%}'),
        ("mean attempts", f'{m["mean_attempts"]:.2f}'), ("tokens per letter", f'{m["tokens_per_letter"]:.0f}'),
        ("latency p50", f'{m["latency_p50"]:.2f} s'), ("latency p95", f'{m["latency_p95"]:.2f} s'),
    ]
    acc_rows = "".join(f"<tr><td>{escape(f)}</td><td>{v['accuracy']:.0%}</td><td>{v['n']}</td></tr>"
                       for f, v in m["analysis_accuracy"].items()) or '<tr><td colspan="3">No expected facts in the corpus.</td></tr>'
    row_html = []
    for r in records:
        if r.get("status") != "ok":
            row_html.append(f'<tr><td>{escape(str(r["key"]))}</td><td colspan="4" class="bad">{escape(str(r.get("error")))}</td></tr>')
            continue
        first = r["attempts"][0]
        rules_first = ", ".join(sorted({v["rule"] for v in first["violations"] if v["severity"] == "error"})) or "–"
        ok = r["report"]["ok"]
        row_html.append(
            f'<tr><td>{escape(str(r["key"]))}</td><td>{escape(r["engine"])}{" (fallback)" if r["fallback"] else ""}</td>'
            f'<td>{len(r["attempts"])}</td><td class="{"ok" if ok else "bad"}">{"passes" if ok else "breaks a rule"}</td>'
            f'<td>{escape(rules_first)}</td></tr>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head>
<body>
<h1>{escape(title)}</h1>
<p class="sub">engines: {escape(", ".join(f"{k} × {v}" for k, v in m["engines"].items()) or "–")}; rows with errors: {m["errors"]}</p>
<div class="cards">{"".join(f"<div class='card'><b>{escape(v)}</b>{escape(k)}</div>" for k, v in cards)}</div>
<h2>Violations by rule</h2>
{_bars(series, ("first attempt", "final letter"))}
<h2>Attempts per letter</h2>
{_histogram(m["attempts_per_letter"])}
<h2>Analysis accuracy</h2>
<table><tr><th>field</th><th>accuracy</th><th>rows</th></tr>{acc_rows}</table>
<h2>Letters</h2>
<table><tr><th>row</th><th>engine</th><th>attempts</th><th>final</th><th>first attempt broke</th></tr>{"".join(row_html)}</table>
<script>document.body.dataset.ready = "yes";</script>
</body></html>
"""
