"""Who the letter is to (the customer) and who signs it (the sender)."""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon, recache
from ..patterns import term_regex
from .text import matcher

_NAME = r"[A-ZÄÖÜ][\w'’]*(?:-[A-ZÄÖÜ][\w'’]*)?"


@cache
def _common() -> dict:
    return lexicon.load("common", "analysis")


@cache
def _titled() -> re.Pattern[str]:
    titles = "|".join(sorted((re.escape(t) for t in _common()["titles"]), key=len, reverse=True))
    return recache.compile(rf"(?<![\w.])(?i:({titles}))(?!\w)\.?[ \t]+((?:{_NAME}[ \t]+){{0,2}}{_NAME})")


@cache
def _titled_lower() -> re.Pattern[str]:
    """'mr dunmore', 'herrn schulte': a lower-case title may carry a lower-case name."""
    titles = "|".join(sorted((re.escape(t) for t in _common()["titles"] if t.islower()), key=len, reverse=True))
    return recache.compile(rf"(?<![\w.])({titles})(?!\w)\.?[ \t]+([a-zäöüß][\w'’-]{{2,}}(?:[ \t]+[a-zäöüß][\w'’-]{{2,}}(?=\s*(?:[,.;:–—-]|$)))?)")


@cache
def _inverted() -> re.Pattern[str]:
    """'Brandl, Herr.' and 'Gruber, Herr -': surname first, as in a file or a list."""
    titles = "|".join(sorted((re.escape(t) for t in _common()["titles"]), key=len, reverse=True))
    return recache.compile(rf"(?<![\w])({_NAME}),[ \t]*(?i:({titles}))(?!\w)\.?")


def stopwords() -> frozenset[str]:
    """Words that start a sentence or a note but are never part of a name."""
    return frozenset(_common()["name_stopwords"])


def function_word(word: str) -> bool:
    """A German or English function word (data/common/languages.toml)."""
    from ..language import _table

    return word.lower() in _table()


def normal_title(title: str) -> str:
    return _common()["titles"].get(title.lower(), title)


def _proper(name: str) -> str:
    """MRS HOLLOWAY and mrs holloway become Holloway; O'Neill and Delacroix-Finch stay."""
    return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in name.split())


def _is_staff(text: str, start: int) -> bool:
    """'my receptionist Priya', 'meine Kollegin Anna': a name after a staff word."""
    before = text[max(0, start - 40) : start].lower()
    staff = [w.lower() for lang in ("en", "de") for w in lexicon.load(lang, "analysis")["customer"]["staff"]]
    return any(re.search(rf"\b{re.escape(w)}\s*$", before) for w in staff)


def _third_party(text: str, start: int) -> bool:
    third = matcher("reason", "third_party")
    sentence_start = max(text.rfind(".", 0, start), text.rfind("\n", 0, start), text.rfind("–", 0, start),
                         text.rfind(" - ", 0, start))
    return third is not None and third.search(text, max(0, sentence_start), start) is not None


def customer(text: str, signature_start: int, avoid: list[tuple[int, int]],
             opening: int = 0) -> tuple[str, int, int] | None:
    """The customer's name as the letter should use it, and where it stands."""
    def usable(a: int, b: int) -> bool:
        return a < signature_start and not any(x <= a < y for x, y in avoid)

    titled = []
    for m in _titled().finditer(text):
        words = [w for w in m.group(2).split() if w not in stopwords()]
        if words:
            # "Frau Anna Quandtmeyer" is addressed as "Frau Quandtmeyer"; in capitals
            # ("MRS HOLLOWAY WE'RE FINISHED") only the first word is surely the name.
            name = words[0] if all(w.isupper() for w in words) else words[-1]
            titled.append((m.start(), m.end(), m.group(1), name))
    for m in _titled_lower().finditer(text):
        # "frau elke hartmann, ich kann": the last word before a function word is the surname.
        words = [w for w in m.group(2).split()]
        if len(words) == 2 and function_word(words[1]):
            words = words[:1]
        if words[0].capitalize() not in stopwords() and not function_word(words[0]):
            titled.append((m.start(), m.end(), m.group(1), words[-1].capitalize()))
    for m in _inverted().finditer(text):
        if m.group(1) not in stopwords():
            titled.append((m.start(), m.end(), m.group(2), m.group(1)))
    for a, b, title, name in sorted(titled):
        if not usable(a, b) or _is_staff(text, a) or _third_party(text, a):
            continue
        name = re.sub(r"['’]s$", "", name)
        return f"{normal_title(title.rstrip('.'))} {_proper(name)}", a, b
    found = _after_cue(text, usable)
    if found:
        return found
    return _leading_name(text, usable, opening)


@cache
def _cue_patterns() -> tuple[re.Pattern[str], frozenset[str]]:
    """Cue words from analysis.toml (both languages), then the name that follows."""
    strong, weak = [], []
    for lang in ("en", "de"):
        node = lexicon.load(lang, "analysis")["customer"]
        strong += node.get("cues", [])
        weak += node.get("weak_cues", [])
    cues = "|".join(term_regex(c, boundary=False) for c in sorted(strong + weak, key=len, reverse=True))
    pattern = recache.compile(
        rf"(?i:(?<!\w)(?P<cue>{cues}))\s*[:\-–]?\s+(?:(?:die|der|den|the)\s+)?(?:Firma\s+)?"
        rf"(?P<name>(?:{_NAME}|&)(?:[ \t]+(?:{_NAME}|&|GmbH|Ltd\.?|AG|KG|Inc\.?|LLC)){{0,3}})"
    )
    return pattern, frozenset(w.lower() for w in weak)


def _after_cue(text: str, usable) -> tuple[str, int, int] | None:  # type: ignore[no-untyped-def]
    pattern, weak = _cue_patterns()
    for m in pattern.finditer(text):
        a, b = m.start("name"), m.end("name")
        if not usable(a, b) or _is_staff(text, a) or _third_party(text, a):
            continue
        words = m.group("name").split()
        while words and (words[0] in stopwords() or words[0] == "&"):
            words = words[1:]
        while words and (words[-1] in stopwords() or words[-1] == "&"):
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        if re.match(r"[-–]?\d", text[b : b + 2]) or (name.isupper() and len(name) <= 3):
            continue  # "account WB-07": a reference, not a name
        # A German noun after "für" or "an" is not a name: after a weak cue a name
        # needs a second capitalised word or a business word.
        if m.group("cue").lower() in weak and len(words) < 2 and not is_business(name):
            continue
        return _proper(name), a, b
    return None


_LEAD = recache.compile(rf"^\s*[-*•]?\s*(?:(?:Die|The)\s+)?(?:Firma\s+)?({_NAME})(?:[ \t]+({_NAME}))?(?=['’]s\b|[ \t]*(?:[:,–—(.-]|\s+(?:keeps|wants|will|is|has|hat|ist|always|never|again|immer|ständig|schon|braucht|needs)\b))")


def _leading_name(text: str, usable, opening: int) -> tuple[str, int, int] | None:  # type: ignore[no-untyped-def]
    """'Tom keeps calling me at 10pm', 'Jürgen will, dass ...': a name opening the draft."""
    m = _LEAD.match(text)
    if not m or not usable(m.start(1), m.end()) or m.start() > opening:
        return None
    words = [w for w in (m.group(1), m.group(2)) if w]
    if any(w in stopwords() for w in words) or is_business(" ".join(words)) and len(words) == 1:
        return None
    return _proper(" ".join(words)), m.start(1), m.end()


@cache
def _business_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _common()["business_words"])


def is_business(name: str) -> bool:
    """Whether NAME reads as a business (a business word, '&', 'by')."""
    words = set(re.findall(r"[\w&]+|&", name.lower())) | ({"&"} if "&" in name else set())
    return bool(words & _business_words()) or " by " in f" {name.lower()} "


_SIG_LINE = recache.compile(r"^\s*(?:[-–—]{1,2}|~)\s*(.+?)\s*$")
_VALEDICTION = recache.compile(
    r"^\s*(?:thanks|thank you|cheers|regards|best|kind regards|best regards|many thanks|love|ta|sincerely|"
    r"gruß|grüße|gruss|gruesse|viele grüße|liebe grüße|beste grüße|herzliche grüße|lg|vg|mfg|danke|bis dann)\b[,!.]?\s*(.*)$",
    re.IGNORECASE)
_SIGN_AS = recache.compile(r"(?i:\b(?:sign (?:it |off )?(?:as )?|signed|unterschreiben (?:mit|als)|absender\s*:|sender\s*:|signature\s*:))\s*(.+)$", re.MULTILINE)
_FROM = recache.compile(rf"(?i:\bfrom|\bvon)\s+((?:{_NAME})(?:\s+(?:at|@|bei|von)\s+.+)?)\s*$", re.MULTILINE)


_KEYED = recache.compile(r"^\s*[-*•]?\s*(?i:from|sign(?:ed)?(?: as)?|sender|signature|von|absender|gez\.?|unterschrift)\s*:\s*(.+?)\s*$", re.MULTILINE)
_TRAILING = recache.compile(r"(?:[.!?]|\s[-–—]{1,2}|^)\s*((?:[A-ZÄÖÜ][\w'’&.-]*|&)(?:[ \t]+(?:[A-ZÄÖÜ][\w'’&.-]*|&|by|von)){0,3})\s*\.?\s*$")
_DASHED = recache.compile(r"\s[-–—]{1,2}\s?([A-Za-zÄÖÜäöüß][\w'’&.,() -]{0,50})\s*$")


_SELF = recache.compile(r"(?:\b(?:Ich|Wir|I|We|Me|Us)\s*\(([^()\n]{3,60})\)|(?i:\b(?:this is|it's|hier ist|hier spricht)\s+)([A-ZÄÖÜ][\w'’-]+(?:,? [A-ZÄÖÜ][\w'’-]+){0,2}))")


def signature(text: str) -> tuple[str, int, int] | None:
    """The sender named at the foot of the draft ('- Ray, Ray's Garage', 'Gruß, Bäckerei
    Sommer', 'sign as Harbourside Physio'), the business preferred over the person."""
    m = _SIGN_AS.search(text) or _KEYED.search(text)
    if m:
        picked = _pick(m.group(1))
        if picked:
            return picked, m.start(1), m.end(1)
    lines = text.rstrip().split("\n")
    bulleted = sum(1 for line in lines[-3:] if _SIG_LINE.match(line)) >= 2
    pos = len(text.rstrip())
    for back, line in enumerate(reversed(lines[-3:])):
        start = pos - len(line)
        pos = start - 1
        if not line.strip():
            continue
        sig = _SIG_LINE.match(line)
        val = _VALEDICTION.match(line)
        rest = None
        if val:
            rest = val.group(1).strip()
            if not rest and back > 0:
                continue
            if not rest:
                # "Thanks," on its own: the name is on the line below.
                below = text[start + len(line) :].strip().split("\n")[0].strip()
                rest = below
        elif sig and len(sig.group(1).split()) <= 10 and not bulleted and ":" not in sig.group(1):
            rest = sig.group(1)
        elif back == 0 and len(lines) > 1 and 1 <= len(line.split()) <= 4 and not line.rstrip().endswith((".", "!", "?", ":", ",")) \
                and all(w[:1].isupper() or w == "&" for w in line.split()) and not any(w in stopwords() for w in line.split()):
            rest = line.strip()  # a last line that is only a name: "Reitstall Lindenhof"
        if rest:
            name = _pick(rest)
            if name:
                return name, start, start + len(line)
        if back == 0:
            # "... Ab erstem Januar. Konrad." / "... they do weekends -mark"
            t = _DASHED.search(line) or _TRAILING.search(line)
            if t and t.start(1) > 0 and t.group(1).split()[0] not in stopwords() and not t.group(1).isupper():
                name = _pick(t.group(1))
                if name and (len(t.group(1).split()) <= 3):
                    return name[:1].upper() + name[1:], start + t.start(1), start + t.end(1)
    m = _FROM.search(text) or _SELF.search(text)
    if m:
        group = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i))
        picked = _pick(m.group(group))
        if picked:
            return picked, m.start(group), m.end(group)
    return None


def _pick(raw: str) -> str | None:
    """'Sam (Paws & Go)' -> 'Paws & Go'; 'Lauren @ Hair by Lauren' -> 'Hair by Lauren'."""
    raw = raw.strip().strip(",.;:!")
    raw = re.split(r"\.\s", raw)[0]  # "Klartext Webdesign. Bitte auf Deutsch"
    raw = re.sub(r"^(?i:from|von|der|die|the)\s+", "", raw)
    parts = [p.strip(" ,.;:()") for p in re.split(r"\s*(?:[,(/@|]|\)|\s[-–—]\s|\sat\s|\sfrom\s|\sbei\s|\svon\s|\svom\s|\sder\s)\s*", raw) if p.strip(" ,.;:()")]
    if not parts:
        return None
    for p in parts:
        if is_business(p):
            return p
    parts = [re.sub(r"^(?:LG|VG|MfG|Gruß|Grüße|Thanks|Cheers|Best|Regards)\s+", "", p) for p in parts]
    people = [p for p in parts if p.split()[0] not in stopwords()]
    if not people:
        return None
    # "Dana, Greenway Gardens": a name of several capitalised words after a single
    # first name is the business.
    multi = [p for p in people if len(p.split()) >= 2 and all(w[:1].isupper() for w in p.split())]
    name = multi[-1] if len(people) > 1 and len(people[0].split()) == 1 and multi else people[0]
    name = re.sub(r"^(Dr|Prof)\.\s*", r"\1 ", name)
    if name.islower():
        name = name.title()  # "gruesse, petra lang"
    return name if name[:1].isupper() else None

