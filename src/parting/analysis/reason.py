"""Why the customer is let go: conduct, capacity, time or other.

Cues are counted per sentence. Sentences about someone else ("unlike Mr Dowd, who
shouts") or that deny a cue ("that's not the reason") do not count. The customer's
behaviour, once named, is the reason even when the owner is also busy."""

from __future__ import annotations

from .text import matcher, pieces

ORDER = ("capacity", "time", "other")


def classify(text: str) -> tuple[str, tuple[int, int] | None]:
    """The reason and the span of the sentence that settled it (None for the default)."""
    scores: dict[str, int] = {k: 0 for k in ("conduct", *ORDER)}
    first: dict[str, tuple[int, int]] = {}
    denied = matcher("reason", "not_the_reason")
    third = matcher("reason", "third_party")
    for p in pieces(text):
        if third is not None and third.search(text, p.start, p.end):
            continue
        is_denied = denied is not None and denied.search(text, p.start, p.end) is not None
        for kind in scores:
            cues = matcher("reason", kind)
            if cues is None:
                continue
            hits = list(cues.finditer(text, p.start, p.end))
            if not hits:
                continue
            if is_denied and kind == "conduct":
                continue
            scores[kind] += len(hits)
            first.setdefault(kind, (hits[0].start(), hits[0].end()))
    if scores["conduct"]:
        return "conduct", first["conduct"]
    best = max(ORDER, key=lambda k: (scores[k], -ORDER.index(k)))
    if scores[best]:
        return best, first[best]
    return "other", None
