"""Which language a text is in, by counting function words (data/common/languages.toml).

Letters and drafts are short and formal; function words settle German against
English reliably, and the other languages are there only to be recognised and refused.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from . import lexicon
from .errors import UnsupportedLanguageError
from .types import LANGS

_TOKEN = re.compile(r"[^\W\d_]+")


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """Each function word and the languages it marks."""
    out: dict[str, list[str]] = {}
    for lang, ws in lexicon.load("common", "languages")["words"].items():
        for w in ws:
            out.setdefault(w.lower(), []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def name(lang: str) -> str:
    return lexicon.load("common", "languages")["names"].get(lang, lang)


def scores(text: str) -> Counter[str]:
    """How many function words of each language the text has."""
    table = _table()
    counts: Counter[str] = Counter()
    for token in _TOKEN.findall(text.lower()):
        langs = table.get(token)
        if langs:
            for lang in langs:
                counts[lang] += 1
    return counts


def detect(text: str) -> str | None:
    """The most likely language code, or None when the text has too few words to tell."""
    return detect_from(scores(text))


def detect_from(counts: Counter[str]) -> str | None:
    if not counts or counts.most_common(1)[0][1] < 2:
        return None
    return counts.most_common(1)[0][0]



def resolve(text: str, lang: str | None, counts: Counter[str] | None = None) -> str:
    """The language to work in: LANG when given, else detected (from COUNTS when the
    caller has them already); unsupported ones refused."""
    if lang is not None:
        if lang not in LANGS:
            raise UnsupportedLanguageError(
                f"unsupported language {lang!r}; parting works in: {', '.join(LANGS)}"
            )
        return lang
    counts = scores(text) if counts is None else counts
    found = detect_from(counts)
    if found is None:
        return "de" if counts["de"] > counts["en"] else "en"
    if found not in LANGS:
        raise UnsupportedLanguageError(
            f"the text looks {name(found)}; parting works in German and English "
            "(pass --lang to insist)"
        )
    return found
