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
    from ..batch import Runner, finished, read_rows
    from .progress import Progress

    if concurrency < 1:
        raise InputError("--concurrency must be at least 1")
    engine, cfg = opt.llm_config(engine, model, base_url, temperature, timeout, deadline, max_attempts, fallback)
    rows = read_rows(input)
    skipped = len(finished(Path(out)) & {r.key for r in rows})
    with Progress(total=len(rows) - skipped, skipped=skipped, quiet=quiet) as progress:
        runner = Runner(engine, cfg, concurrency, on_record=progress.update)
        from ..batch import run_batch

        run_batch(input, out, runner)
    progress.summary(out)
    # The exit code speaks for the whole output, earlier runs included, so a resumed
    # batch reports the same as one that ran through.
    import json

    keys = {r.key for r in rows}
    records = [json.loads(line) for line in Path(out).read_text(encoding="utf-8").splitlines()]
    good = all(r["status"] == "ok" and r["report"]["ok"] for r in records if r["key"] in keys)
    return EXIT_OK if good else EXIT_RULE_BROKEN
