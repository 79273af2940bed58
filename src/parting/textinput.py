"""Reading a letter or a draft from a file or stdin, refusing what is not text."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from .errors import InputError

# A letter or a draft is a page or two; a megabyte is far past any real one and keeps
# a pasted log file or a mis-aimed binary from being worked on.
MAX_BYTES = 1_000_000

_CONTROL = {c for c in range(32)} - {9, 10, 12, 13}


def decode(data: bytes, source: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM) only, no binary, not too large."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{source} is larger than the limit of {MAX_BYTES:,} bytes")
    if b"\x00" in data:
        raise InputError(f"{source} looks binary (it contains NUL bytes); give a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not valid UTF-8 (byte {exc.start}); save it as UTF-8 and try again"
        ) from None
    controls = sum(1 for ch in text if ord(ch) in _CONTROL)
    if controls > max(3, len(text) // 100):
        raise InputError(f"{source} looks binary (control characters); give a text file")
    return validate(text.replace("\r\n", "\n").replace("\r", "\n"), source)


def validate(text: str, source: str = "text") -> str:
    """The checks every entry point shares, for text that arrives as a str."""
    if not isinstance(text, str):
        raise InputError(f"{source} must be a string, not {type(text).__name__}")
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(f"{source} is larger than the limit of {MAX_BYTES:,} bytes")
    if not text.strip():
        raise InputError(f"{source} is empty")
    return text.lstrip("\ufeff")


def read_source(path: str | None, *, what: str = "input") -> str:
    """Text from PATH, or from stdin when PATH is None or '-'."""
    if path in (None, "-"):
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        return decode(data, f"{what} on stdin")
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with p.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, path)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    if value.strip().lower() in ("today", "heute", "now"):
        return date.today()
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"date {value!r} is not a date; use YYYY-MM-DD or 'today'") from None
