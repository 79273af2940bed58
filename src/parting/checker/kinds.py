"""The few kinds of check. Each is a pure function of the letter, one section of a rule
file and the context, and returns hits; what to look for is data, not code here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from .. import lexicon
from ..patterns import Matcher, compile_spec, compile_terms
from .doc import Doc
from .findings import Context as CheckContext


class Hit(NamedTuple):
    start: int
    end: int
    message: str
    hint: str


Spec = dict[str, Any]
Kind = Callable[[Doc, Spec, CheckContext], list[Hit]]


def region(doc: Doc, scope: str) -> tuple[int, int]:
    """The part of the letter a check looks at."""
    b_start, b_end = doc.body
    if scope == "all":
        return 0, len(doc.text)
    if scope == "letter":
        # Everything after the salutation, the sign-off and any P.S. included.
        return b_start, len(doc.text)
    if scope == "closing":
        # The wish belongs to the letter's end: its last half, valediction line included.
        return b_start + (b_end - b_start) // 2, len(doc.text)
    return b_start, b_end


def negations(lang: str) -> Matcher | None:
    return compile_terms(tuple(lexicon.load(lang, "words").get("negations", ())))


def matcher(spec: Spec, terms_key: str = "terms", regex_key: str = "regex"):  # type: ignore[no-untyped-def]
    """The compiled matcher of one list in a section, kept on the section itself."""
    key = f"_m:{terms_key}:{regex_key}"
    try:
        return spec[key]
    except KeyError:
        spec[key] = compile_spec(spec, terms_key, regex_key)
        return spec[key]


def _excused(doc: Doc, spec: Spec, lang: str, start: int, end: int) -> bool:
    """Antipatterns: phrases around a hit, or in its sentence, that make it harmless."""
    s_start, s_end = doc.sentence_at(start)
    sentence = doc.masked[s_start:s_end]
    exc = matcher(spec, "exceptions", "exception_regex")
    if exc is not None:
        for m in exc.finditer(doc.masked, s_start, s_end):
            if m.start() <= start and m.end() >= end:
                return True
    unless = matcher(spec, "unless_sentence", "unless_sentence_regex")
    if unless is not None and unless.search(sentence):
        return True
    return False


def _negated(doc: Doc, lang: str, start: int, end: int) -> bool:
    c_start, c_end = doc.clause_at(start)
    neg = negations(lang)
    return neg is not None and neg.search(doc.masked, c_start, c_end) is not None


def find(doc: Doc, spec: Spec, lang: str, scope: str | None = None) -> Iterator[tuple[int, int]]:
    """Matches of a section's terms in its scope, antipatterns and negations applied."""
    lo, hi = region(doc, scope or spec.get("scope", "letter" if spec.get("kind") == "forbid" else "body"))
    text = doc.text if spec.get("unmasked") else doc.masked
    # One scan for plain and negatable terms together; a hit is then checked against
    # the negatable ones alone ("not your fault" is fine, "your fault" is not).
    both = _combined(spec)
    if both is None:
        return
    negatable = matcher(spec, "negatable", "negatable_regex")
    sentence_bound = bool(spec.get("in_sentence_with") or spec.get("in_sentence_with_regex"))
    for m in both.finditer(text, lo, hi):
        start, end = m.start(), m.end()
        if end == start or _excused(doc, spec, lang, start, end):
            continue
        if negatable is not None and negatable.match(text, start, end) and _negated(doc, lang, start, end):
            continue
        if sentence_bound and not _sentence_has(doc, spec, start):
            continue
        yield start, end


def _combined(spec: Spec):  # type: ignore[no-untyped-def]
    try:
        return spec["_m:combined"]
    except KeyError:
        spec["_m:combined"] = compile_terms(
            tuple([*spec.get("terms", ()), *spec.get("negatable", ())]),
            tuple([*spec.get("regex", ()), *spec.get("negatable_regex", ())]),
            bool(spec.get("case_sensitive", False)),
        )
        return spec["_m:combined"]


def _sentence_has(doc: Doc, spec: Spec, pos: int) -> bool:
    s_start, s_end = doc.sentence_at(pos)
    pat = matcher(spec, "in_sentence_with", "in_sentence_with_regex")
    return pat is not None and pat.search(doc.masked, s_start, s_end) is not None


def fmt(template: str, **values: str) -> str:
    return template.format(**values) if "{" in template else template


def forbid(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    """Any match is a violation (hedges, blame, placeholders)."""
    return [
        Hit(a, b, fmt(spec["message"], match=doc.text[a:b]), spec["hint"])
        for a, b in find(doc, spec, ctx.lang)
    ]


def anchor(doc: Doc, where: str) -> int:
    if where == "signoff":
        return doc.signoff
    if where == "start":
        return 0
    # The first character of the body's first words.
    b_start, b_end = doc.body
    text = doc.text
    while b_start < b_end and text[b_start].isspace():
        b_start += 1
    return b_start


def require(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    """At least one match must exist; a missing element is anchored where it belongs."""
    for section in [spec, *spec.get("alternatives", ())]:
        if next(find(doc, section, ctx.lang, spec.get("scope", "body")), None) is not None:
            return []
    at = anchor(doc, spec.get("anchor", "body"))
    return [Hit(at, at, spec["message"], spec["hint"])]


KINDS: dict[str, Kind] = {"forbid": forbid, "require": require}


def kind(name: str) -> Callable[[Kind], Kind]:
    """Register a check kind written in its own module."""

    def deco(fn: Kind) -> Kind:
        KINDS[name] = fn
        return fn

    return deco
