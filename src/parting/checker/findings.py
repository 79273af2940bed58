"""The checker's own plain records. The pydantic models in report.py are built from
them at the API boundary; the `parting check` command uses these directly, because
importing pydantic's model machinery costs more than checking a letter. NamedTuples,
not dataclasses, for the same reason: the dataclasses module is slow to import."""

from __future__ import annotations

from typing import NamedTuple


class Context(NamedTuple):
    lang: str
    reason: str | None = None
    customer: str | None = None
    referral: str | None = None


class Finding(NamedTuple):
    rule: str
    severity: str
    message: str
    hint: str
    start: int
    end: int
    line: int
    column: int
    excerpt: str


class Outcome(NamedTuple):
    context: Context
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    def as_dict(self) -> dict:
        """The same shape as Report.model_dump(mode='json')."""
        return {"ok": self.ok, "violations": [f._asdict() for f in self.findings], "context": self.context._asdict()}
