"""Many drafts at once: rows from JSON Lines or CSV, rewritten concurrently, each result
appended to the output as one JSON line the moment it is finished.

A crash, a kill or Ctrl-C loses nothing finished, and running the same command again
skips the rows already in the output (by `id`, or by row number where there is none),
so every input row ends up there exactly once. A bad row becomes an error record; it
never stops the batch. Only a permanent model failure (a bad key, an unknown model)
stops it, since every other row would fail the same way."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from . import pipeline
from .engines.llm.config import LLMConfig
from .errors import InputError, ModelError, PartingError
from .textinput import parse_date

OVERRIDES = ("customer", "reason", "referral", "sender", "lang", "date")
MAX_INPUT_BYTES = 200_000_000  # a batch file may hold many drafts


class Row(NamedTuple):
    number: int  # 1-based position in the input
    key: str  # id, or row-N: what resuming matches on
    data: dict[str, Any]
    error: str | None = None


def read_rows(path: str) -> list[Row]:
    """Rows of a JSON Lines or CSV file; a row that cannot be read becomes an error row."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    raw = p.read_bytes()
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"{path} is larger than {MAX_INPUT_BYTES:,} bytes")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path} is not valid UTF-8") from None
    if p.suffix.lower() == ".csv":
        records: list[tuple[dict[str, Any] | None, str | None]] = [
            (dict(r), None) for r in csv.DictReader(io.StringIO(text))]
    else:
        records = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                value = json.loads(line)
                records.append((value, None) if isinstance(value, dict) else (None, "a row must be a JSON object"))
            except json.JSONDecodeError as exc:
                records.append((None, f"unparsable JSON ({exc.msg}, column {exc.colno})"))
    if not records:
        raise InputError(f"{path} holds no rows")
    rows, seen = [], set()
    for n, (data, error) in enumerate(records, start=1):
        data = data or {}
        key = str(data["id"]) if data.get("id") not in (None, "") else f"row-{n}"
        if key in seen:
            error = error or f"duplicate id {key!r}"
            key = f"{key}#row-{n}"
        seen.add(key)
        draft = data.get("draft", data.get("text"))
        if error is None and (not isinstance(draft, str) or not draft.strip()):
            error = "the row has no draft"
        rows.append(Row(n, key, data, error))
    return rows


def passed(record: dict[str, Any]) -> bool:
    """A record whose row gave a letter that follows every rule."""
    return record.get("status") == "ok" and bool(record["report"]["ok"])


def finished(out: Path) -> dict[str, bool]:
    """Keys already in OUT, each with whether it passed. A last line cut off by a kill
    is removed, so that row is redone."""
    if not out.exists():
        return {}
    data = out.read_bytes()
    keys: dict[str, bool] = {}
    good_end = 0
    pos = 0
    for line in data.splitlines(keepends=True):
        pos += len(line)
        if not line.endswith(b"\n"):
            break
        try:
            record = json.loads(line)
            keys[record["key"]] = passed(record)
            good_end = pos
        except (json.JSONDecodeError, KeyError, TypeError):
            break
    if good_end < len(data):
        with out.open("r+b") as fh:
            fh.truncate(good_end)
    return keys


def _overrides(data: dict[str, Any]) -> dict[str, Any]:
    from .types import LANGS, REASONS

    got = {k: data[k] for k in OVERRIDES if data.get(k) not in (None, "")}
    if "reason" in got and got["reason"] not in REASONS:
        raise InputError(f"unknown reason {got['reason']!r}; use one of: {', '.join(REASONS)}")
    if "lang" in got and got["lang"] not in LANGS:
        raise InputError(f"unsupported language {got['lang']!r}; use one of: {', '.join(LANGS)}")
    if "date" in got:
        got["effective"] = parse_date(str(got.pop("date")))
    return got


class Runner:
    """Runs rows with bounded concurrency; `on_record` sees every record as it is written."""

    def __init__(self, engine: str, cfg: LLMConfig, concurrency: int = 8, today: date | None = None,
                 on_record: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.engine = pipeline.choose_engine(engine, cfg)
        self.cfg = cfg
        self.concurrency = max(1, concurrency)
        self.today = today or pipeline.today_from_env()
        self.on_record = on_record
        from .ratelimit import Gate

        self.gate = Gate()

    async def _one(self, row: Row, client: Any) -> dict[str, Any]:
        record: dict[str, Any] = {"key": row.key, "id": row.data.get("id"), "row": row.number}
        started = time.perf_counter()
        if row.error:
            return {**record, "status": "error", "error": row.error}
        try:
            draft = row.data.get("draft", row.data.get("text"))
            result = await pipeline.arun(str(draft), engine=self.engine, llm=self.cfg, client=client, gate=self.gate,
                                         today=self.today, **_overrides(row.data))
        except ModelError:
            raise
        except PartingError as exc:
            return {**record, "status": "error", "error": exc.message}
        return {**record, "status": "ok", "error": None, "seconds": round(time.perf_counter() - started, 3),
                **result.as_dict()}

    async def run(self, rows: list[Row], sink: Callable[[dict[str, Any]], None]) -> None:
        sem = asyncio.Semaphore(self.concurrency)
        client = None
        if self.engine == "llm":
            from .engines.llm.client import make_client

            client = make_client(self.cfg, asynchronous=True)

        async def task(row: Row) -> None:
            async with sem:
                record = await self._one(row, client)
            sink(record)
            if self.on_record:
                self.on_record(record)

        try:
            tasks = [asyncio.create_task(task(r)) for r in rows]
            try:
                await asyncio.gather(*tasks)
            except BaseException:
                for t in tasks:
                    t.cancel()
                raise
        finally:
            if client is not None:
                await client.close()


def run_batch(todo: list[Row], out: Path, runner: Runner) -> None:
    """Rewrite TODO, appending each record to OUT (see `finished` for what to skip)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("a", encoding="utf-8") as fh:
        def sink(record: dict[str, Any]) -> None:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

        asyncio.run(runner.run(todo, sink))
