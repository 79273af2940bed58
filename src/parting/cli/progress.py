"""The batch progress bar and summary table (rich), kept out of the check path."""

from __future__ import annotations

from typing import Any


class Tally:
    def __init__(self) -> None:
        self.done = self.passed = self.fallbacks = self.errors = self.attempts = self.tokens = 0

    def add(self, record: dict[str, Any]) -> None:
        self.done += 1
        if record.get("status") != "ok":
            self.errors += 1
            return
        self.passed += bool(record["report"]["ok"])
        self.fallbacks += bool(record["fallback"])
        self.attempts += len(record["attempts"])
        self.tokens += record["usage"]["total_tokens"]


class Progress:
    """A rich progress bar on stderr showing the tally; does nothing when quiet."""

    def __init__(self, total: int, skipped: int, quiet: bool) -> None:
        self.tally = Tally()
        self.quiet = quiet
        self._bar: Any = None
        if quiet:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as Bar

        self.console = Console(stderr=True)
        if skipped:
            self.console.print(f"resuming: {skipped} row(s) already in the output are skipped")
        self._bar = Bar(TextColumn("[bold]letters"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("passed {task.fields[passed]} · fallbacks {task.fields[fallbacks]} · "
                                   "errors {task.fields[errors]} · attempts {task.fields[attempts]} · "
                                   "tokens {task.fields[tokens]}"),
                        TimeElapsedColumn(), console=self.console, transient=False)
        self._task = self._bar.add_task("batch", total=total, passed=0, fallbacks=0, errors=0, attempts=0, tokens=0)

    def __enter__(self) -> Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def update(self, record: dict[str, Any]) -> None:
        self.tally.add(record)
        if self._bar is not None:
            t = self.tally
            self._bar.update(self._task, advance=1, passed=t.passed, fallbacks=t.fallbacks, errors=t.errors,
                             attempts=t.attempts, tokens=t.tokens)

    def summary(self, out: str) -> None:
        if self.quiet:
            return
        from rich.table import Table

        t = self.tally
        table = Table(title=f"batch → {out}", show_header=True)
        for col in ("rows done", "passed", "fallbacks", "errors", "attempts", "tokens"):
            table.add_column(col, justify="right")
        table.add_row(*(str(v) for v in (t.done, t.passed, t.fallbacks, t.errors, t.attempts, t.tokens)))
        self.console.print(table)
