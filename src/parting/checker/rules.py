"""Rule definitions (data/<lang>/rules/*.toml) bound to the check kinds that run them."""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from .. import lexicon
from . import special  # noqa: F401  (registers the special kinds)
from .doc import Doc
from .findings import Context, Finding
from .kinds import KINDS, Hit


class Rule(NamedTuple):
    id: str
    severity: str
    summary: str
    checks: tuple[dict[str, Any], ...]
    examples: dict[str, Any]
    source: str


def _applies(when: dict[str, Any] | None, ctx: Context) -> bool:
    """A check's `when` table: every key must hold for the context."""
    if not when:
        return True
    for key, wanted in when.items():
        value = getattr(ctx, key)
        if isinstance(wanted, bool):
            if bool(value) != wanted:
                return False
        elif value not in wanted:
            return False
    return True


def _resolve_refs(files: tuple[dict[str, Any], ...]) -> list[dict[str, Any]]:
    """`in_sentence_with_rule = "finality"` borrows the terms of that rule's first
    check, so that one list of end statements serves every rule that needs it."""
    by_id = {f["id"]: f for f in files}

    def resolve(section: dict[str, Any]) -> dict[str, Any]:
        section = dict(section)
        ref = section.pop("in_sentence_with_rule", None)
        if ref:
            borrowed = by_id[ref]["check"][0]
            section["in_sentence_with"] = [*section.get("in_sentence_with", ()), *borrowed.get("terms", ())]
            section["in_sentence_with_regex"] = [*section.get("in_sentence_with_regex", ()), *borrowed.get("regex", ())]
        if "alternatives" in section:
            section["alternatives"] = [resolve(a) for a in section["alternatives"]]
        return section

    return [{**f, "check": [resolve(c) for c in f.get("check", ())]} for f in files]


@cache
def rules(lang: str) -> tuple[Rule, ...]:
    out = []
    for data in _resolve_refs(lexicon.rule_files(lang)):
        checks = tuple(data.get("check", ()))
        for c in checks:
            if c.get("kind") not in KINDS:
                raise ValueError(f"{data['_file']}: unknown check kind {c.get('kind')!r}")
        out.append(
            Rule(
                id=data["id"],
                severity=data.get("severity", "error"),
                summary=data.get("summary", ""),
                checks=checks,
                examples=data.get("examples", {}),
                source=data["_file"],
            )
        )
    return tuple(out)


def rule_ids(lang: str = "en") -> list[str]:
    return [r.id for r in rules(lang)]


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    """The hit itself, or for a missing element the line it is anchored to."""
    if end > start:
        snippet = text[start:end]
    else:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        snippet = text[line_start : line_end if line_end != -1 else len(text)]
    snippet = " ".join(snippet.split())
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


def run(doc: Doc, ctx: Context, only: set[str] | None = None, words_lang: str | None = None) -> list[Finding]:
    """Every rule of WORDS_LANG (default: the context's language) over DOC."""
    out: list[Finding] = []
    for rule in rules(words_lang or ctx.lang):
        if only is not None and rule.id not in only:
            continue
        # Hits of one rule at the same place are one violation.
        seen: set[tuple[int, int]] = set()
        for spec in rule.checks:
            if not _applies(spec.get("when"), ctx):
                continue
            hits: list[Hit] = KINDS[spec["kind"]](doc, spec, ctx)
            for h in hits:
                if (h.start, h.end) in seen:
                    continue
                seen.add((h.start, h.end))
                line, col = doc.line_col(h.start)
                out.append(
                    Finding(
                        rule=spec.get("id", rule.id),
                        severity=spec.get("severity", rule.severity),
                        message=h.message,
                        hint=h.hint,
                        start=h.start,
                        end=h.end,
                        line=line,
                        column=col,
                        excerpt=excerpt(doc.text, h.start, h.end),
                    )
                )
    out.sort(key=lambda v: (v.start, v.rule))
    return out
