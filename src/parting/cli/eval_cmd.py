"""parting eval: how well an engine, model and prompt do on a corpus."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import EXIT_OK, InputError
from . import options as opt

CorpusArg = Annotated[str, typer.Argument(help="JSON Lines rows as for batch, optionally with 'expected' facts.")]
HtmlOpt = Annotated[Optional[str], typer.Option("--html", help="Also write a self-contained HTML report here.", show_default=False)]
OutOpt = Annotated[Optional[str], typer.Option("--out", help="Also keep every result as JSON Lines here.", show_default=False)]


def run(corpus: CorpusArg, engine: opt.EngineOpt = "auto", model: opt.ModelOpt = None, base_url: opt.BaseUrlOpt = None,
        temperature: opt.TempOpt = None, timeout: opt.TimeoutOpt = 60.0, deadline: opt.DeadlineOpt = 300.0,
        max_attempts: opt.AttemptsOpt = 3, fallback: opt.FallbackOpt = "compose",
        concurrency: Annotated[int, typer.Option("--concurrency", "-j", help="Rows in flight at once.")] = 8,
        format: opt.FormatOpt = "text", html: HtmlOpt = None, out: OutOpt = None) -> int:
    """Rewrite every draft of CORPUS and report pass rates, attempts, violations by rule,
    tokens, latency and (where rows carry 'expected' facts) analysis accuracy."""
    import asyncio

    from ..batch import Runner, read_rows
    from ..evaluation import metrics

    out_format = opt.fmt(format)
    if concurrency < 1:
        raise InputError("--concurrency must be at least 1")
    engine, cfg = opt.llm_config(engine, model, base_url, temperature, timeout, deadline, max_attempts, fallback)
    rows = read_rows(corpus)
    records: list[dict] = []
    asyncio.run(Runner(engine, cfg, concurrency).run(rows, records.append))
    records.sort(key=lambda r: r["row"])
    expected = {r.key: r.data["expected"] for r in rows if isinstance(r.data.get("expected"), dict)}
    m = metrics(records, expected)
    title = f"parting eval: {Path(corpus).name} ({m['letters']} letters, {cfg.model if 'llm' in m['engines'] else 'composer'})"
    if out:
        Path(out).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    if html:
        from ..report_html import render

        try:
            Path(html).write_text(render(m, records, title), encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{html}: cannot write ({exc.strerror})") from None
    if out_format == "json":
        sys.stdout.write(json.dumps(m, ensure_ascii=False, indent=2) + "\n")
    else:
        _table(m, title)
    return EXIT_OK


def _table(m: dict, title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    t = Table(title=title, show_header=True)
    t.add_column("measure")
    t.add_column("value", justify="right")
    for label, value in (
        ("letters (rows with errors)", f"{m['letters']} ({m['errors']})"),
        ("first-attempt pass rate", f"{m['first_attempt_pass_rate']:.0%}"),
        ("final pass rate", f"{m['final_pass_rate']:.0%}"),
        ("fallback rate", f"{m['fallback_rate']:.0%}"),
        ("mean attempts", f"{m['mean_attempts']:.2f}"),
        ("tokens per letter", f"{m['tokens_per_letter']:.0f}"),
        ("latency p50 / p95", f"{m['latency_p50']:.2f} s / {m['latency_p95']:.2f} s"),
    ):
        t.add_row(label, value)
    console.print(t)
    v = Table(title="violations by rule", show_header=True)
    v.add_column("rule")
    v.add_column("first attempt", justify="right")
    v.add_column("final", justify="right")
    for rule in sorted(set(m["violations_first_attempt"]) | set(m["violations_final"])):
        v.add_row(rule, str(m["violations_first_attempt"].get(rule, 0)), str(m["violations_final"].get(rule, 0)))
    console.print(v)
    if m["analysis_accuracy"]:
        a = Table(title="analysis accuracy", show_header=True)
        a.add_column("field")
        a.add_column("accuracy", justify="right")
        a.add_column("rows", justify="right")
        for field, value in m["analysis_accuracy"].items():
            a.add_row(field, f"{value['accuracy']:.0%}", str(value["n"]))
        console.print(a)
