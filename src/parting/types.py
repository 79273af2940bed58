"""Small vocabularies shared by every stage of the pipeline."""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["de", "en"]
Reason = Literal["conduct", "capacity", "time", "other"]
Severity = Literal["error", "warning"]

LANGS: tuple[str, ...] = get_args(Lang)
REASONS: tuple[str, ...] = get_args(Reason)
