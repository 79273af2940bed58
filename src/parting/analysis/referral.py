"""The business the owner wants to recommend, if any.

A name counts when a recommending word stands right before it ("recommend X",
"Empfehlung: X", "point her to X") or right after it ("X has space", "X empfehlen").
A refusal anywhere ("no referral", "keine Tipps") or a withdrawal in the same or the
next sentence ("forget that", "lass das weg") leaves none."""

from __future__ import annotations

from .. import recache
from .people import function_word, is_business, normal_title, stopwords
from .text import matcher, pieces

_WORD = r"[A-ZÄÖÜ][\w'’.]*(?:-[A-ZÄÖÜ0-9][\w'’]*)?"
# Small words that may stand inside a business name: Harlow & Sons, Hair by Lauren.
_JOIN = r"(?:&|and|und|by|of|the|am|an der|im|zur|zum|de|la)"
_NAME_RUN = recache.compile(rf"{_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_WORD}){{0,4}}")
_LEAD_IN = recache.compile(r"(?i:[ \t]*(?:(?:ihr|ihm|ihnen|ihn|sie|die|den|der|das|dem|to|the|them|her|him|at|towards|over|along|on|es|bei|mit|zu|zur|zum|an|doch|mal|gern|gerne|an die|auf|der|einfach|lieber|sie|ihnen)\b|[:=\-–]))*[ \t]*")


def _clean(name: str) -> str | None:
    words = name.split()
    while words and (words[0] in stopwords() or words[0] in ("&", "and", "und")):
        words = words[1:]
    while words and words[-1] in ("&", "and", "und", "by", "of", "the", "am", "im"):
        words = words[:-1]
    # "Physiotherapie am Park" keeps its "am"; "Friseur Haarmonie am Markt" does not.
    for i, w in enumerate(words):
        if w in ("am", "im", "an") and i >= 2:
            words = words[:i]
            break
    name = " ".join(words).strip(" .,;:")
    return name or None


_LOWER_RUN = recache.compile(r"[a-zäöüß][\w'’&-]*(?:[ \t]+[a-zäöüß&][\w'’&-]*){0,3}")
_PLACE = recache.compile(r"(?i:\b(?:st|street|road|rd|lane|ave|avenue|way|close|drive|straße|strasse|str|weg|platz|allee|gasse)\.?)$")


def _lower_business(text: str, pos: int, end: int) -> tuple[str, int, int] | None:
    """'send him to northgate electrical': a lower-case run that names a business."""
    m = _LOWER_RUN.match(text, pos, end)
    if not m:
        return None
    words = []
    for w in m.group().split():
        if function_word(w) or w in ("on", "in", "at", "am", "im", "near", "bei"):
            break
        words.append(w)
    name = " ".join(w.capitalize() for w in words)
    if words and is_business(name):
        return name, m.start(), m.start() + len(" ".join(words))
    return None


def _forward(text: str, at: int, end: int) -> tuple[str, int, int] | None:
    lead = _LEAD_IN.match(text, at, end)
    pos = lead.end() if lead else at
    m = _NAME_RUN.match(text, pos, end)
    if not m:
        return _lower_business(text, pos, end)
    name = _clean(m.group())
    return (name, m.start(), m.end()) if name else None


def _backward(text: str, at: int, start: int) -> tuple[str, int, int] | None:
    """The name right before the cue ("X has space"), or a business named earlier in
    the sentence ("Studio X macht gute Fotos, das kann man ihr empfehlen")."""
    chunk = text[start:at].rstrip()
    best = None
    for m in _NAME_RUN.finditer(chunk):
        if _PLACE.search(m.group()):
            continue  # "on Castle St" is where, not who
        if is_business(m.group()) or (m.end() >= len(chunk) - 12 and (best is None or not is_business(best.group()))):
            best = m
    if not best:
        return None
    name = _clean(best.group())
    return (name, start + best.start(), start + best.end()) if name else None


def find(text: str, customer: str | None, sender: str | None) -> tuple[str | None, tuple[int, int] | None]:
    refusal = matcher("referral", "refusal")
    withdrawal = matcher("referral", "withdrawal")
    before = matcher("referral", "before")
    after = matcher("referral", "after")
    parts = pieces(text)
    skip = {x.lower() for x in (customer, sender) if x}
    for i, p in enumerate(parts):
        if refusal is not None and refusal.search(text, p.start, p.end):
            continue
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        taken_back = withdrawal is not None and (
            withdrawal.search(text, p.start, p.end) or (nxt and withdrawal.search(text, nxt.start, nxt.end)))
        if taken_back:
            continue
        candidates = []
        for m in (before.finditer(text, p.start, p.end) if before else ()):
            got = _forward(text, m.end(), p.end)
            if got:
                candidates.append(got)
        for m in (after.finditer(text, p.start, p.end) if after else ()):
            got = _backward(text, m.start(), p.start)
            if got:
                candidates.append(got)
        for name, a, b in candidates:
            if normal_title(name.split()[0].rstrip(".")) != name.split()[0].rstrip(".") or name.split()[0] in ("Mr", "Mrs", "Ms", "Herr", "Frau"):
                continue  # a titled person is the customer or staff, not a business
            if name.lower() in skip or any(name.lower() in s or s.endswith(name.lower()) for s in skip):
                continue
            if len(name) < 3:
                continue
            return name, (a, b)
    return None, None


def refused(text: str) -> tuple[int, int] | None:
    r = matcher("referral", "refusal")
    m = r.search(text) if r else None
    return (m.start(), m.end()) if m else None
