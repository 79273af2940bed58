"""What the analyser reads from a draft, as plain records (see checker/findings.py for
why the CLI path avoids pydantic); parting.models mirrors them for the API."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple


class Evidence(NamedTuple):
    """Why a field has its value: the span of the draft it came from, or the user."""

    field: str
    source: str  # "draft", "user" or "default"
    start: int = 0
    end: int = 0
    text: str = ""


class Facts(NamedTuple):
    lang: str
    customer: str | None
    reason: str
    referral: str | None
    sender: str | None
    effective: date
    effective_from_draft: bool
    evidence: tuple[Evidence, ...]
    ignored: tuple[Evidence, ...]  # text aimed at the tool, set aside

    def as_dict(self) -> dict:
        d = self._asdict()
        d["effective"] = self.effective.isoformat()
        d["evidence"] = [e._asdict() for e in self.evidence]
        d["ignored"] = [e._asdict() for e in self.ignored]
        return d
