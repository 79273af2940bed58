"""A letter's shape: where the salutation, body and sign-off are, its sentences, and a
copy with people's names blanked out so that a customer called Streit is not a quarrel."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, cached_property

from .. import language, lexicon, recache
from ..types import LANGS

_WORD = recache.compile(r"\w+")
_SENT_END = recache.compile(r"[.!?]+[\"”’')\]]*(?=\s)|\n(?:\s*\n|(?<=[,:;]\n)|(?=[ \t]*(?:[-*•]|\d+[.)]\s)))")
_PROPER = recache.compile(r"[A-ZÄÖÜ][\w'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-ZÄÖÜ][\w'’.-]*)+")
_CLAUSE_BREAK = recache.compile(
    r"[,;:()–—]|(?<!\w)(?:but|however|yet|although|though|aber|sondern|jedoch|doch|obwohl)(?!\w)",
    re.IGNORECASE,
)


@cache
def letter_words() -> dict[str, tuple[str, ...]]:
    merged: dict[str, list[str]] = {}
    for lang in LANGS:
        for key, values in lexicon.load(lang, "letter").items():
            merged.setdefault(key, []).extend(values)
    return {k: tuple(v) for k, v in merged.items()}


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    words = letter_words()
    openers = "|".join(sorted((re.escape(o).replace(r"\ ", r"\s+") for o in words["salutation_openers"]), key=len, reverse=True))
    vals = "|".join(sorted((re.escape(v).replace(r"\ ", r"\s+") for v in words["valedictions"]), key=len, reverse=True))
    titles = "|".join(re.escape(t) for t in words["titles"])
    fold = lambda s: s.replace("ü", "(?:ü|ue)").replace("ß", "(?:ß|ss)").replace("ö", "(?:ö|oe)").replace("ä", "(?:ä|ae)")
    return {
        "salutation": recache.compile(rf"^[ \t]*(?:{fold(openers)})(?!\w)", re.IGNORECASE | re.MULTILINE),
        "valediction": recache.compile(rf"^[ \t]*(?:{fold(vals)})[ \t]*[,.!]?[ \t]*$", re.IGNORECASE | re.MULTILINE),
        "titled_name": recache.compile(
            # No look-behind in front, so the engine can skip to a title's first letter;
            # the word boundary before the title is checked in Python.
            rf"(?:{titles})\.?[ \t]+((?:[A-ZÄÖÜ][\w'’-]*\.?[ \t]+){{0,2}}[A-ZÄÖÜ][\w'’-]*)"
        ),
    }


class Doc:
    """The letter as the rules see it. Offsets always refer to ``text``."""

    def __init__(self, text: str, customer: str | None = None, extra_names: tuple[str, ...] = (),
                 scores: Counter[str] | None = None) -> None:
        self.text = text
        self.customer = customer
        self.extra_names = extra_names
        if scores is not None:
            self.language_scores = scores  # counted by the caller already

    @cached_property
    def language_scores(self) -> Counter[str]:
        return language.scores(self.text)

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        out, pos = [], 0
        for line in self.text.split("\n"):
            out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return out

    @cached_property
    def salutation(self) -> tuple[int, int] | None:
        """The salutation line, looked for among the letter's opening lines."""
        pat = _patterns()["salutation"]
        seen = 0
        for start, end in self.lines:
            line = self.text[start:end]
            if not line.strip():
                continue
            seen += 1
            if pat.match(line):
                return start, end
            # Past the letterhead: a long line of prose means the body has begun.
            if seen >= 12 or len(_WORD.findall(line)) > 25:
                return None
        return None

    @cached_property
    def signoff(self) -> int:
        """Where the closing block (valediction, name, signature) starts."""
        pat = _patterns()["valediction"]
        body_start = self.body_start
        tail_from = body_start + (len(self.text) - body_start) // 3
        found = None
        for m in pat.finditer(self.text):
            if m.start() >= tail_from:
                found = m.start()
                break
        if found is None:
            return len(self.text.rstrip())
        return found

    @cached_property
    def body_start(self) -> int:
        sal = self.salutation
        return sal[1] if sal else 0

    @property
    def body(self) -> tuple[int, int]:
        return self.body_start, max(self.body_start, self.signoff)

    @cached_property
    def masked(self) -> str:
        """The text with people's names blanked (same length, so offsets hold)."""
        chars = list(self.text)

        def blank(a: int, b: int) -> None:
            chars[a:b] = _NOT_SPACE.sub("_", self.text[a:b])

        for m in _patterns()["titled_name"].finditer(self.text):
            if m.start() == 0 or not self.text[m.start() - 1].isalnum():
                blank(m.start(1), m.end(1))
        # The sender's own names (letterhead, signature) are not words of the letter:
        # "Fresh Start Cleaning" is no promise of a fresh start.
        for own in self.own_names:
            at = self.text.find(own)
            while at != -1:
                blank(at, at + len(own))
                at = self.text.find(own, at + len(own))
        text = self.text
        for name in (self.customer, *self.extra_names):
            for token in name_tokens(name):
                # A name is capitalised, so only capitalised occurrences are masked:
                # "your late payments" stays visible for Mr Late. Plain string search,
                # in both spellings (Müller, Mueller): compiling a pattern per customer
                # would cost more than the rest of the masking.
                for variant in {token[:1].upper() + token[1:], _spelled_out(token[:1].upper() + token[1:])}:
                    at = text.find(variant)
                    while at != -1:
                        end = at + len(variant)
                        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                            blank(at, end)
                        at = text.find(variant, end)
        return "".join(chars)

    @cached_property
    def own_names(self) -> tuple[str, ...]:
        """Proper names of two or more words in the letterhead and the signature."""
        outside = self.text[: self.body_start] + "\n" + self.text[self.signoff :]
        return tuple(set(_PROPER.findall(outside)))

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for m in _SENT_END.finditer(self.text):
            if m.group().startswith(".") and not _ends_sentence(self.text, m.start(), m.end()):
                continue
            if self.text[start : m.end()].strip():
                out.append((start, m.end()))
            start = m.end()
        if self.text[start:].strip():
            out.append((start, len(self.text)))
        return out

    def sentence_at(self, pos: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)

    def clause_at(self, pos: int) -> tuple[int, int]:
        s_start, s_end = self.sentence_at(pos)
        start, end = s_start, s_end
        for m in _CLAUSE_BREAK.finditer(self.text, s_start, s_end):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    def salutation_opener(self, line: str) -> int:
        """Where the addressee starts in a salutation line."""
        m = _patterns()["salutation"].match(line)
        return m.end() if m else 0

    def line_col(self, pos: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, pos) + 1
        col = pos - (self.text.rfind("\n", 0, pos) + 1) + 1
        return line, col


_LAST_WORD = recache.compile(r"(\w+)$")
_NEXT_WORD = recache.compile(r"\s*(\w+)")
_NOT_SPACE = recache.compile(r"\S")


def _spelled_out(word: str) -> str:
    """Müller -> Mueller, Strauß -> Strauss: how names are typed without umlauts."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
        word = word.replace(a, b)
    return word


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """False for the dots of 'Dr. Patel', 'z. B.' and '31. März'."""
    word = _LAST_WORD.search(text, max(0, dot - 20), dot)
    if not word:
        return True
    token = word.group(1)
    nxt = _NEXT_WORD.match(text, after, after + 30)
    nxt_word = nxt.group(1) if nxt else ""
    if token.lower() in _abbreviations() or len(token) == 1:
        return False
    if token.isdigit() and len(token) <= 2 and (not nxt_word[:1].isupper() or nxt_word.lower()[:3] in _months()):
        return False
    return True


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.replace(".", "").replace(" ", "") for a in letter_words()["abbreviations"])


@cache
def _months() -> frozenset[str]:
    return frozenset(m.lower()[:3] for m in letter_words()["months"])


def name_tokens(name: str | None) -> list[str]:
    """The words of a name without its titles: 'Frau Dr. Anna Quandt' -> Anna, Quandt."""
    if not name:
        return []
    titles = {t.lower() for t in letter_words()["titles"]}
    return [t for t in re.findall(r"[\w'’-]+", name) if t.lower().rstrip(".") not in titles and len(t) > 1]




def title_gender(text: str) -> str | None:
    """'f' or 'm' when TEXT carries a gendered title (Frau, Mr), else None."""
    words = letter_words()
    for token in re.findall(r"\w+", text):
        if token in words["female_titles"]:
            return "f"
        if token in words["male_titles"]:
            return "m"
    return None
