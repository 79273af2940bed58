"""A small pattern language for the data files, compiled to regular expressions.

A term is a phrase as a person writes it:
- words match case-insensitively and whole (``rude`` does not match ``prudent``);
- ``*`` continues a word, for inflections and compounds (``fordernd*``, ``*verzug``);
- `` ... `` stands for a gap of up to eight words (``no longer ... serve``);
- ``ä ö ü ß`` also match ``ae oe ue ss``, since German is often typed without them;
- any space matches any run of white space, `` ?`` an optional one; an apostrophe matches ' and ’;
- ``( | )``, ``?`` and backslash escapes such as ``\\d`` keep their regex meaning;
- a leading ``=`` makes the term case-sensitive (``=fresh start`` is an idiom,
  ``Fresh Start Cleaning`` a business name).

Python's regex engine tries every branch of a large alternation at every position,
which is slow for word lists of hundreds of terms. A ``Matcher`` therefore finds the
places where some term can start (a look-ahead trie of the terms' first words, through
the second word where the first is as common as "your" or "the") and tries there only
the terms that begin with that letter; terms that can begin anywhere (``*verzug``, raw
regexes) are scanned as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import recache

_FOLD = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)",
         "Ä": "(?:Ä|Ae)", "Ö": "(?:Ö|Oe)", "Ü": "(?:Ü|Ue)"}
_GAP = r"(?:\W+\w+){0,8}?\W+"


def _phrase(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "\\" and i + 1 < len(part):
            out.append(part[i : i + 2])
            i += 2
            continue
        if ch == "[":  # a character class is copied as it stands
            close = part.find("]", i + 1)
            if close != -1:
                out.append(part[i : close + 1])
                i = close + 1
                continue
        if ch in _FOLD:
            out.append(_FOLD[ch])
        elif ch.isspace():
            while i + 1 < len(part) and part[i + 1].isspace():
                i += 1
            if i + 1 < len(part) and part[i + 1] == "?":
                i += 1  # "any ?more": the space itself is optional
                out.append(r"\s*")
            else:
                out.append(r"\s+")
        elif ch == "*":
            out.append(r"\w*")
        elif ch in "'’":
            out.append("['’]")
        elif ch == "-":
            out.append("[-‐‑–]")
        elif ch == ".":
            out.append(r"\.")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def term_regex(term: str, boundary: bool = True) -> str:
    """One term of the pattern language as a regex source string."""
    term = term.strip()
    if term.startswith("="):
        return f"(?-i:{term_regex(term[1:], boundary)})"
    parts = [p for p in re.split(r"\s*\.\.\.\s*", term) if p]
    if any(p.count("(") != p.count(")") for p in parts):
        raise ValueError(f"term {term!r}: '...' may only stand between whole parts, not inside ( )")
    body = _GAP.join(f"(?:{_phrase(p)})" for p in parts)
    head = r"(?<!\w)" if boundary and not term.startswith("*") else ""
    tail = "" if term.endswith(("*", ".", "]")) else r"(?!\w)"
    return f"{head}(?:{body}){tail}"


def _split_top(group: str) -> list[str]:
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in group:
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur.append(ch)
    out.append("".join(cur))
    return out


def _group_end(term: str) -> int:
    """Index of the parenthesis that closes the group TERM starts with."""
    depth = 0
    for end, ch in enumerate(term):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return end
    return len(term) - 1


def first_letters(term: str) -> list[str] | None:
    """Lower-case prefixes that any match of TERM starts with; None when it can start
    anywhere. Prefixes stop before umlauts, so 'Grüße' and 'Gruesse' share 'gr'."""
    term = term.lstrip("=").strip()
    if not term or term[0] in "*\\[.":
        return None
    if term[0] in "'’":
        return ["'", "’"]
    if term[0].lower() in "äöüß":
        return {"ä": ["ä", "ae"], "ö": ["ö", "oe"], "ü": ["ü", "ue"], "ß": ["ß", "ss"]}[term[0].lower()]
    if term[0] == "(":
        end = _group_end(term)
        if term[end + 1 : end + 2] in ("?", "*"):
            return None
        out: list[str] = []
        for alt in _split_top(term[1:end]):
            sub = first_letters(alt)
            if sub is None:
                return None
            out += sub
        return out
    prefix = []
    for i, ch in enumerate(term):
        if not (ch.isascii() and ch.isalnum()):
            break
        if term[i + 1 : i + 2] == "?":
            break
        prefix.append(ch.lower())
    return ["".join(prefix)] if prefix else None


_PURE = re.compile(r"[a-z0-9 ]+", re.IGNORECASE)  # umlauts and apostrophes have variants in text


def _first_element(term: str) -> tuple[list[str] | None, str]:
    """The literal alternatives of a term's first element and the rest of the term;
    None when the first element is not plain words ("(an)?gebrüllt", "fordernd*")."""
    if term.startswith("("):
        end = _group_end(term)
        alts, rest = _split_top(term[1:end]), term[end + 1 :]
    else:
        m = re.match(r"[^\s(]+", term)
        if not m:
            return None, term
        alts, rest = [m.group()], term[m.end() :]
    if rest[:1] in ("?", "*") or not all(_PURE.fullmatch(a) for a in alts):
        return None, term
    return [a.lower() for a in alts], rest


def lead_words(term: str) -> list[str] | None:
    """Like first_letters, but through a second word when the first is plain words:
    "(your|his) (tone|manner)" gives "your tone", "your manner", … so that the scan
    skips "your garden" without trying any term there."""
    term = term.lstrip("=").strip()
    first, rest = _first_element(term)
    if first is None:
        return first_letters(term)
    if rest.startswith(" ") and not rest.startswith(" ..."):
        second = first_letters(rest[1:])
        if second and len(first) * len(second) <= 400:
            return [f"{a} {b}" for a in first for b in second]
    return first_letters(term)


def _trie_regex(words: list[str]) -> str:
    """A regex for 'any of WORDS as a prefix', shaped as a trie so the engine rejects
    a position after one or two characters instead of trying every word."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        if "" in node:
            return ""  # a shorter prefix already matches
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


class Matcher:
    """Many terms as one matcher with the interface of a compiled regex."""

    def __init__(self, starts: re.Pattern[str] | None, by_letter: dict[str, re.Pattern[str]],
                 loose: re.Pattern[str] | None):
        self._starts = starts
        self._by_letter = by_letter
        self._loose = loose

    def _anchored(self, text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        last = -1
        by_letter = self._by_letter
        for c in self._starts.finditer(text, pos, end):  # type: ignore[union-attr]
            at = c.start()
            if at < last:
                continue
            group = by_letter.get(text[at].lower())
            m = group.match(text, at, end) if group is not None else None
            if m and m.end() > m.start():
                last = m.end()
                yield m

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """Matches in order; lazy, so a caller that needs only the first stops early."""
        end = len(text) if endpos is None else endpos
        if self._loose is None:
            return self._anchored(text, pos, end) if self._starts is not None else iter(())
        if self._starts is None:
            return self._loose.finditer(text, pos, end)
        hits = [*self._anchored(text, pos, end), *self._loose.finditer(text, pos, end)]
        hits.sort(key=lambda m: m.start())
        return iter(hits)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        m = self.search(text, pos, endpos)
        return m if m is not None and m.start() == pos else None


def _sources(terms: tuple[str, ...], regexes: tuple[str, ...]) -> tuple[dict[str, list[str]], str, list[str]]:
    """Regex sources for TERMS: by first letter, the look-ahead of first letters, the rest."""
    groups: dict[str, list[str]] = {}
    prefixes: list[str] = []
    loose = [f"(?:{r})" for r in regexes]
    for t in terms:
        first = lead_words(t)
        if not first:
            loose.append(term_regex(t))
            continue
        prefixes += first
        src = term_regex(t, boundary=False)
        for letter in {p[0].lower() for p in first}:
            groups.setdefault(letter, []).append(src)
    return groups, _trie_regex(sorted(set(p.lower() for p in prefixes))), loose


@lru_cache(maxsize=1024)
def compile_terms(terms: tuple[str, ...], regexes: tuple[str, ...] = (),
                  case_sensitive: bool = False) -> Matcher | None:
    """One matcher for every term and raw regex; None when there are none."""
    # Building the sources is pure Python string work; it is cached with the patterns.
    groups, trie, loose = recache.memo(("terms-v3", terms, regexes), lambda: _sources(terms, regexes))
    flags = re.MULTILINE | (0 if case_sensitive else re.IGNORECASE)
    if not groups and not loose:
        return None
    starts = None
    if groups:
        starts = recache.compile(rf"(?<!\w)(?i:(?={trie}))", re.MULTILINE)
    by_letter = {k: recache.compile("|".join(v), flags) for k, v in groups.items()}
    return Matcher(starts, by_letter, recache.compile("|".join(loose), flags) if loose else None)


def compile_spec(spec: dict, terms_key: str = "terms", regex_key: str = "regex") -> Matcher | None:
    """The matcher for the ``terms`` and ``regex`` lists of one section of a data file."""
    return compile_terms(tuple(spec.get(terms_key, ())), tuple(spec.get(regex_key, ())),
                         bool(spec.get("case_sensitive", False)))


@lru_cache(maxsize=256)
def literal_regex(phrase: str) -> re.Pattern[str]:
    """A user-given name (customer, referral) as a whole-word, fold-aware pattern."""
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    src = r"\s+".join(_phrase(re.escape(w).replace(r"\ ", " ").replace("\\-", "-")) for w in words)
    return re.compile(rf"(?<!\w){src}(?!\w)", re.IGNORECASE)
