"""Check kinds that need more than a word list: who the letter is addressed to, whether
the referral is named, which language it is in, and plain style measures."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from .. import language
from ..analysis.people import is_business
from ..patterns import compile_terms, literal_regex
from .doc import Doc, letter_words, name_tokens, title_gender
from .findings import Context as CheckContext
from .kinds import Hit, Spec, anchor, find, fmt, kind, region

_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def fold(word: str) -> str:
    """Lower case, umlauts spelt out, accents dropped: Müller, Mueller and MÜLLER agree."""
    word = word.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _same_name(a: str, b: str) -> bool:
    a, b = fold(a), fold(b)
    if a == b:
        return True
    # "the Hendersons" and "Mr Henderson", "Annas" and "Anna"
    return min(len(a), len(b)) >= 4 and (a.rstrip("s") == b.rstrip("s"))


@cache
def _generic():  # type: ignore[no-untyped-def]
    return compile_terms(tuple(letter_words()["generic_addressees"]))


@kind("salutation")
def salutation(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    sal = doc.salutation
    if sal is None:
        return [Hit(0, 0, spec["missing_message"], spec["missing_hint"])]
    start, end = sal
    line = doc.text[start:end]
    opener = doc.salutation_opener(line)
    addressee = line[opener:].strip(" \t,.:;!")
    generic = _generic()
    is_generic = not addressee or (generic is not None and generic.match(addressee) is not None)
    if not ctx.customer:
        return []
    wanted = name_tokens(ctx.customer)
    given = [w for w in _WORDS.findall(addressee)]
    named = any(_same_name(w, g) for w in wanted for g in given)
    if is_generic and not named:
        return [Hit(start, end, fmt(spec["generic_message"], customer=ctx.customer), fmt(spec["hint"], customer=ctx.customer))]
    if not named:
        return [Hit(start, end, fmt(spec["other_message"], customer=ctx.customer, found=addressee), fmt(spec["hint"], customer=ctx.customer))]
    want_g, got_g = title_gender(ctx.customer), title_gender(addressee)
    if want_g and got_g and want_g != got_g:
        return [Hit(start, end, fmt(spec["other_message"], customer=ctx.customer, found=addressee), fmt(spec["hint"], customer=ctx.customer))]
    return []


_GENERIC = {
    "gmbh", "ag", "kg", "ohg", "ug", "ek", "ltd", "llc", "inc", "plc", "co", "limited", "und", "and", "the", "die", "der",
    "das", "of", "von", "sons", "söhne", "partner", "partners", "services", "service", "group", "company", "firma",
}


def _named(name: str, text: str) -> list[tuple[int, int]]:
    """Where TEXT names the business NAME: the whole name, or enough of its distinctive
    words ("Hargreaves Piano Services Ltd" is named by "Hargreaves Pianos"): at least
    half of them, its proper name among them, each possibly inflected (Piano, Pianos)."""
    whole = [(m.start(), m.end()) for m in literal_regex(name).finditer(text)]
    if whole:
        return whole
    words = [w for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", name) if fold(w) not in _GENERIC and len(w) > 2]
    if not words:
        return []
    spans = {w: [(m.start(), m.end()) for m in _prefix_regex(w).finditer(text)] for w in words}
    present = [w for w in words if spans[w]]
    # The proper name must be there: the first word, or after a trade word
    # ("Malerbetrieb Schuster & Söhne") the first word that is not one.
    key = next((w for w in words if not is_business(w)), words[0])
    if not spans[key] or len(present) * 2 < len(words):
        return []
    return sorted(s for w in present for s in spans[w])


def _prefix_regex(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}\w{{0,3}}(?!\w)", re.IGNORECASE)


@kind("referral-name")
def referral_name(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    """Conduct: the business the owner suggested must not appear. Capacity: it must."""
    if not ctx.referral:
        return []
    lo, hi = region(doc, "body")
    found = [(a, b) for a, b in _named(ctx.referral, doc.text) if lo <= a < hi]
    if ctx.reason == "conduct":
        return [Hit(a, b, fmt(spec["conduct_message"], referral=doc.text[a:b]), spec["conduct_hint"]) for a, b in found]
    if ctx.reason == "capacity" and not found:
        at = anchor(doc, "signoff")
        return [Hit(at, at, fmt(spec["capacity_message"], referral=ctx.referral), fmt(spec["capacity_hint"], referral=ctx.referral))]
    return []


@kind("other-business")
def other_business(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    """A business named in the body, in a sentence that points the customer to it.
    Names that also stand in the letterhead or signature are the sender's own."""
    own = fold(doc.text[: doc.body_start] + " " + doc.text[doc.signoff :])
    hits = []
    for a, b in find(doc, spec, ctx.lang):
        name = doc.text[a:b]
        if fold(name) in own:
            continue
        hits.append(Hit(a, b, fmt(spec["message"], match=name), spec["hint"]))
    return hits


@kind("language")
def language_kind(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    counts = doc.language_scores
    total = sum(counts.values())
    if total < spec.get("min_function_words", 4):
        return []
    if counts[ctx.lang] / total >= spec.get("min_share", 0.6):
        return []
    # Anchor at the first sentence that is in another language.
    for a, b in doc.sentences:
        found = language.detect(doc.text[a:b])
        if found and found != ctx.lang:
            break
    else:
        a = b = anchor(doc, "body")
    msg = fmt(spec["message"], expected=language.name(ctx.lang))
    return [Hit(a, b, msg, fmt(spec["hint"], expected=language.name(ctx.lang)))]


@kind("sentence-length")
def sentence_length(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    lo, hi = region(doc, "body")
    limit = spec["max_words"]
    hits = []
    for a, b in doc.sentences:
        if a >= lo and b <= hi + 1:
            n = len(_WORDS.findall(doc.text[a:b]))
            if n > limit:
                a += len(doc.text[a:b]) - len(doc.text[a:b].lstrip())
                hits.append(Hit(a, b, fmt(spec["message"], words=str(n), limit=str(limit)), spec["hint"]))
    return hits


@kind("letter-length")
def letter_length(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    n = len(_WORDS.findall(doc.text))
    if n <= spec["max_words"]:
        return []
    return [Hit(0, 0, fmt(spec["message"], words=str(n), limit=str(spec["max_words"])), spec["hint"])]


@kind("shouting")
def shouting(doc: Doc, spec: Spec, ctx: CheckContext) -> list[Hit]:
    lo, hi = region(doc, "body")
    hits = []
    for m in re.finditer(rf"\b[A-ZÄÖÜ]{{{spec.get('min_letters', 4)},}}\b", doc.masked[lo:hi]):
        word = m.group()
        if word in spec.get("allowed", ()):
            continue
        hits.append(Hit(lo + m.start(), lo + m.end(), fmt(spec["message"], match=word), spec["hint"]))
    return hits

