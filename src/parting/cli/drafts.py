"""Reading a draft (from a file, a pipe or a paste) and the override options."""

from __future__ import annotations

import sys
from typing import Any

from ..errors import InputError
from ..textinput import decode, parse_date, read_source
from . import options as opt


def read_draft(file: str | None) -> str:
    """The draft from FILE, a pipe, or pasted into the terminal."""
    if file in (None, "-") and sys.stdin.isatty():
        sys.stderr.write("Paste the draft, then press Ctrl-D on an empty line (Ctrl-Z then Enter on Windows):\n")
        sys.stderr.flush()
        try:
            data = sys.stdin.buffer.read()
        except KeyboardInterrupt:
            raise InputError("interrupted before a draft was read") from None
        return decode(data, "pasted draft")
    return read_source(file, what="draft")


def overrides(lang: str | None, customer: str | None, reason: str | None, referral: str | None,
              no_referral: bool, sender: str | None, when: str | None) -> dict[str, Any]:
    """The user's values for the pipeline; they always win over the draft."""
    if no_referral and referral:
        raise InputError("--referral and --no-referral contradict each other")
    return {
        "lang": opt.lang(lang),
        "customer": customer,
        "reason": opt.reason(reason),
        "referral": "" if no_referral else referral,
        "sender": sender,
        "effective": parse_date(when),
    }
