"""Dates in a draft ("from 1 March", "zum 31.12.", "end of the month", "ab Montag"),
resolved against today to the next such day."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache
from typing import NamedTuple

from .. import lexicon, recache

_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "ein": 1, "eine": 1, "einer": 1,
              "zwei": 2, "drei": 3, "vier": 4, "sechs": 6, "acht": 8}


class Found(NamedTuple):
    when: date
    start: int
    end: int
    today_word: bool = False  # "today", "ab sofort": the default, said out loud


@cache
def _months() -> dict[str, int]:
    out = {}
    for lang in ("en", "de"):
        names = [m for m in lexicon.load(lang, "letter")["months"] if m != "Jänner"]
        for i, name in enumerate(names, start=1):
            out[name.lower()] = i
            out[name.lower()[:3]] = i
    out.update({"jänner": 1, "maerz": 3, "sept": 9})
    return out


_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
             "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5, "sonntag": 6}


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    mon = "|".join(sorted(_months(), key=len, reverse=True))
    wd = "|".join(_WEEKDAYS)
    f = re.IGNORECASE
    return [
        (recache.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s*(?:of\s+)?({mon})\.?(?:,?\s*(\d{{4}}))?\b", f), "dm"),
        (recache.compile(rf"\b({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?", f), "md"),
        (recache.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), "iso"),
        (recache.compile(r"\b(\d{1,2})[./](\d{1,2})(?:[./](\d{2,4}))?\.?(?!\d)"), "num"),
        (recache.compile(r"\b(?:end of next month|ende (?:des )?nächsten monats)\b", f), "eonm"),
        (recache.compile(r"\b(?:end of (?:the |this )?month|month[- ]end|monatsende|ende (?:des|dieses) monats|zum monatsende|ende monat)\b", f), "eom"),
        (recache.compile(r"\b(?:end of (?:the |this )?year|year[- ]end|jahresende|ende (?:des|dieses) jahres)\b", f), "eoy"),
        (recache.compile(rf"\b(?:end of|ende)\s+({mon})\b", f), "end-month"),
        (recache.compile(rf"\b(?:the\s+)?(?:first|1st|erste[mnrs]?)\s+(?:of\s+)?({mon})\b", f), "first-of"),
        (recache.compile(r"\b(?:the\s+)?(?:first|1st|erste[mnrs]?)\s+(?:of\s+)?(?:next|the next|nächsten|kommenden)\s+(?:month|monats)\b|\b(?:ab|from|zum)\s+(?:nächste[mn]|kommende[mn]|next)\s+(?:monat|month)\b", f), "next-month"),
        (recache.compile(rf"\b(?:from|starting|beginning|ab|zum|per)\s+(?:early\s+|anfang\s+)?({mon})\b(?!\s*\d)", f), "month"),
        (recache.compile(rf"\b({wd})\s+(?:next week|nächste woche|kommende woche)\b", f), "weekday-next-week"),
        (recache.compile(rf"\b(?:from|on|starting|after|by|until|this|next|coming|as of|effective|ab|am|bis|zum|nächsten|kommenden)\s+(?:next\s+|nächsten\s+|kommenden\s+)?({wd})\b", f), "weekday"),
        (recache.compile(r"\bin\s+(\d+|one|two|three|four|six|eight|einer|einem|zwei|drei|vier|sechs|acht)\s+(weeks?|wochen?|days?|tagen?|months?|monaten?)\b", f), "in"),
        (recache.compile(r"\b(?:next week|nächste woche|kommende woche)\b", f), "next-week"),
        (recache.compile(r"\b(?:the day after tomorrow|übermorgen)\b", f), "plus2"),
        (recache.compile(r"\b(?:tomorrow)\b|(?<![A-Za-zäöüß])morgen\b", f), "plus1"),
        (recache.compile(rf"\b({wd})\b", f), "bare-weekday"),
        (recache.compile(r"\b(?:as of today|today|effective (?:now|immediately)|immediately|right away|from now on|asap|ab sofort|sofort|ab heute|heute|per sofort|mit sofortiger wirkung|ab jetzt)\b", f), "today"),
    ]


def _next(today: date, month: int, day: int) -> date | None:
    """The next MONTH/DAY on or after today (a date already past means next year)."""
    for year in (today.year, today.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d >= today:
            return d
    return None


def _resolve(kind: str, m: re.Match[str], today: date) -> date | None:
    g = m.groups()
    months = _months()
    if kind == "dm" or kind == "md":
        day, mon, year = (g[0], g[1], g[2]) if kind == "dm" else (g[1], g[0], g[2])
        month = months.get(mon.lower()) or months.get(mon.lower()[:3])
        if not month:
            return None
        if year:
            try:
                return date(int(year), month, int(day))
            except ValueError:
                return None
        return _next(today, month, int(day))
    if kind == "iso":
        try:
            return date(int(g[0]), int(g[1]), int(g[2]))
        except ValueError:
            return None
    if kind == "num":
        day, month = int(g[0]), int(g[1])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if g[2]:
            year = int(g[2]) + (2000 if len(g[2]) == 2 else 0)
            try:
                return date(year, month, day)
            except ValueError:
                return None
        return _next(today, month, day)
    if kind == "eom":
        return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])
    if kind == "eonm":
        y, mth = today.year + today.month // 12, today.month % 12 + 1
        return date(y, mth, calendar.monthrange(y, mth)[1])
    if kind == "eoy":
        return date(today.year, 12, 31)
    if kind == "end-month":
        month = months[g[0].lower()] if g[0].lower() in months else months[g[0].lower()[:3]]
        first = _next(today, month, 1) or today
        return date(first.year, month, calendar.monthrange(first.year, month)[1])
    if kind == "month":
        month = months.get(g[0].lower()) or months.get(g[0].lower()[:3])
        return _next(today, month, 1) if month else None
    if kind == "weekday":
        wd = _WEEKDAYS[g[0].lower()]
        ahead = (wd - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if kind == "in":
        n = int(g[0]) if g[0].isdigit() else _NUM_WORDS.get(g[0].lower(), 1)
        unit = g[1].lower()
        days = n * (7 if unit.startswith(("week", "woche")) else 30 if unit.startswith(("month", "monat")) else 1)
        return today + timedelta(days=days)
    if kind == "first-of":
        month = months.get(g[0].lower()) or months.get(g[0].lower()[:3])
        return _next(today, month, 1) if month else None
    if kind == "next-month":
        return date(today.year + today.month // 12, today.month % 12 + 1, 1)
    if kind == "weekday-next-week":
        monday = today + timedelta(days=7 - today.weekday())
        return monday + timedelta(days=_WEEKDAYS[g[0].lower()])
    if kind == "plus1":
        return today + timedelta(days=1)
    if kind == "plus2":
        return today + timedelta(days=2)
    if kind == "bare-weekday":
        # "last lesson friday", "Freitag ist der letzte Spaziergang"; not "every saturday".
        near = m.string[max(0, m.start() - 30) : m.end() + 30].lower()
        if not any(w in near for w in ("last", "final", "letzt", "schluss", "ends", "endet", "stop")):
            return None
        if re.search(r"(every|each|jeden|jede|on)\s+$", m.string[max(0, m.start() - 8) : m.start()].lower()):
            return None
        ahead = (_WEEKDAYS[g[0].lower()] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if kind == "next-week":
        return today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    if kind == "today":
        return today
    return None


def find_dates(text: str, today: date) -> list[Found]:
    """Every date the text names, earliest in the text first, overlaps resolved."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _patterns():
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            when = _resolve(kind, m, today)
            if when is not None:
                found.append(Found(when, m.start(), m.end(), kind == "today"))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)
