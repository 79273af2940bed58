"""A small pattern language for the data files, compiled to regular expressions.

A term is a phrase as a person writes it:
- words match case-insensitively and whole (``rude`` does not match ``prudent``);
- ``*`` continues a word, for inflections and compounds (``fordernd*``, ``*verzug``);
- `` ... `` stands for a gap of up to six words (``no longer ... serve``);
- ``ä ö ü ß`` also match ``ae oe ue ss``, since German is often typed without them;
- any space matches any run of white space, `` ?`` an optional one; an apostrophe matches ' and ’;
- ``( | )``, ``?`` and backslash escapes such as ``\\d`` keep their regex meaning;
- a leading ``=`` makes the term case-sensitive (``=fresh start`` is an idiom,
  ``Fresh Start Cleaning`` a business name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_FOLD = {"ä": "(?:ä|ae)", "ö": "(?:ö|oe)", "ü": "(?:ü|ue)", "ß": "(?:ß|ss)",
         "Ä": "(?:Ä|Ae)", "Ö": "(?:Ö|Oe)", "Ü": "(?:Ü|Ue)"}
_GAP = r"(?:\W+\w+){0,6}?\W+"


def _phrase(part: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "\\" and i + 1 < len(part):
            out.append(part[i : i + 2])
            i += 2
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


def term_regex(term: str) -> str:
    """One term of the pattern language as a regex source string."""
    term = term.strip()
    if term.startswith("="):
        # "=Fresh start" style terms match with their case exactly as written.
        return f"(?-i:{term_regex(term[1:])})"
    parts = [p for p in re.split(r"\s*\.\.\.\s*", term) if p]
    if any(p.count("(") != p.count(")") for p in parts):
        raise ValueError(f"term {term!r}: '...' may only stand between whole parts, not inside ( )")
    body = _GAP.join(f"(?:{_phrase(p)})" for p in parts)
    head = "" if term.startswith("*") else r"(?<!\w)"
    tail = "" if term.endswith(("*", ".")) else r"(?!\w)"
    return f"{head}(?:{body}){tail}"


@lru_cache(maxsize=1024)
def compile_terms(terms: tuple[str, ...], regexes: tuple[str, ...] = (),
                  case_sensitive: bool = False) -> re.Pattern[str] | None:
    """One alternation of every term and raw regex; None when there are none."""
    sources = [term_regex(t) for t in terms] + [f"(?:{r})" for r in regexes]
    if not sources:
        return None
    flags = re.MULTILINE | (0 if case_sensitive else re.IGNORECASE)
    return re.compile("|".join(sources), flags)


def compile_spec(spec: dict, terms_key: str = "terms", regex_key: str = "regex") -> re.Pattern[str] | None:
    """The pattern for ``terms`` and ``regex`` lists of one section of a data file."""
    return compile_terms(tuple(spec.get(terms_key, ())), tuple(spec.get(regex_key, ())),
                         bool(spec.get("case_sensitive", False)))


def literal_regex(phrase: str) -> re.Pattern[str]:
    """A user-given name (customer, referral) as a whole-word, fold-aware pattern."""
    words = [w for w in re.split(r"\s+", phrase.strip()) if w]
    src = r"\s+".join(_phrase(re.escape(w).replace(r"\ ", " ").replace("\\-", "-")) for w in words)
    return re.compile(rf"(?<!\w){src}(?!\w)", re.IGNORECASE)


def any_match(pattern: re.Pattern[str] | None, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def spans(pattern: re.Pattern[str] | None, text: str) -> Iterable[tuple[int, int]]:
    if pattern is None:
        return ()
    return ((m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())
