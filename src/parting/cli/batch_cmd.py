"""parting batch: many drafts at once, resumable, with progress."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import EXIT_OK, EXIT_RULE_BROKEN, InputError
from . import options as opt

InputArg = Annotated[str, typer.Argument(help="Drafts as JSON Lines or CSV: a 'draft' per row, optional id, customer, reason, referral, sender, lang, date.")]
OutOpt = Annotated[str, typer.Option("--out", help="Results, one JSON line per row, appended as each finishes.")]
ConcurrencyOpt = Annotated[int, typer.Option("--concurrency", "-j", help="Rows in flight at once.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")]


def run(input: InputArg, out: OutOpt, concurrency: ConcurrencyOpt = 8, engine: opt.EngineOpt = "auto",
        model: opt.ModelOpt = None, base_url: opt.BaseUrlOpt = None, temperature: opt.TempOpt = None,
        timeout: opt.TimeoutOpt = 60.0, deadline: opt.DeadlineOpt = 300.0, max_attempts: opt.AttemptsOpt = 3,
        fallback: opt.FallbackOpt = "compose", quiet: QuietOpt = False) -> int:
    """Rewrite every row of INPUT into --out. Run it again to resume: rows already in
    --out are skipped. Exit 0: every row gave a letter that follows the rules; 1: some
    did not, or had errors (see their records); 2: bad input; 3: the model could not be used."""
    from ..batch import Runner, finished, passed, read_rows, run_batch
    from .progress import Progress

    if concurrency < 1:
        raise InputError("--concurrency must be at least 1")
    engine, cfg = opt.llm_config(engine, model, base_url, temperature, timeout, deadline, max_attempts, fallback)
    rows = read_rows(input)
    done = finished(Path(out))
    todo = [r for r in rows if r.key not in done]
    ok_now: list[bool] = []

    def record(rec: dict) -> None:
        ok_now.append(passed(rec))
        progress.update(rec)

    with Progress(total=len(todo), skipped=len(rows) - len(todo), quiet=quiet) as progress:
        run_batch(todo, Path(out), Runner(engine, cfg, concurrency, on_record=record))
    progress.summary(out)
    # The exit code speaks for every row of the input, earlier runs included, so a
    # resumed batch reports the same as one that ran through.
    good = all(ok_now) and all(done[r.key] for r in rows if r.key in done)
    return EXIT_OK if good else EXIT_RULE_BROKEN
