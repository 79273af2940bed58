"""What the checker returns: pydantic models, since reports cross into JSON and the model loop."""

from __future__ import annotations

from pydantic import BaseModel, Field

from ..types import Lang, Reason, Severity


class CheckContext(BaseModel):
    """What the letter is judged against."""

    lang: Lang
    reason: Reason | None = None
    customer: str | None = None
    referral: str | None = None


class Violation(BaseModel):
    rule: str
    severity: Severity
    message: str
    hint: str = Field(description="One instruction a person or a model can act on.")
    start: int = Field(description="Offset of the first character, in code points.")
    end: int = Field(description="Offset after the last character; equal to start for a missing element.")
    line: int
    column: int
    excerpt: str

    @property
    def missing(self) -> bool:
        return self.start == self.end


class Report(BaseModel):
    ok: bool
    violations: list[Violation]
    context: CheckContext

    @property
    def errors(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "error"]

    @property
    def warnings(self) -> list[Violation]:
        return [v for v in self.violations if v.severity == "warning"]

    def broken(self) -> set[str]:
        """Ids of the rules with at least one error."""
        return {v.rule for v in self.errors}
