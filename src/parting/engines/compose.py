"""The built-in composer: a letter from phrasings in data/<lang>/compose.toml.

Deterministic and offline. It is the default without a model and the model's
last-resort fallback, and every letter it writes passes the checker (a property
test over generated briefs holds it to that)."""

from __future__ import annotations

import zlib
from datetime import date

from .. import lexicon
from ..analysis.people import is_business
from ..policy import Policy

_FEMALE = {"frau", "mrs", "ms", "miss"}
_MALE = {"herr", "mr"}
_TITLE_IN = {"de": {"Mr": "Herr", "Mrs": "Frau", "Ms": "Frau", "Miss": "Frau", "Dr": "Dr.", "Prof": "Prof."},
             "en": {"Herr": "Mr", "Frau": "Ms", "Dr": "Dr", "Prof": "Prof"}}


def _pick(options: list[str], key: str, part: str) -> str:
    """The same brief always picks the same phrasing of a part."""
    return options[zlib.crc32(f"{key}|{part}".encode()) % len(options)]


def format_date(d: date, lang: str) -> str:
    months = lexicon.load(lang, "letter")["months"]
    names = [m for m in months if m != "Jänner"]
    return f"{d.day}. {names[d.month - 1]} {d.year}" if lang == "de" else f"{d.day} {names[d.month - 1]} {d.year}"


def salutation(customer: str | None, lang: str, data: dict) -> str:
    if not customer:
        return data["nobody"]
    words = customer.split()
    title = words[0].rstrip(".") if len(words) > 1 else ""
    known = title.lower() in _FEMALE | _MALE | {"dr", "prof", "mx"}
    if not known:
        return data["company" if is_business(customer) else "named"].format(name=customer)
    name = " ".join(words[1:])
    if lang == "de" and title.lower() in _FEMALE:
        return data["female"].format(name=name)
    if lang == "de" and title.lower() in _MALE:
        return data["male"].format(name=name)
    title = _TITLE_IN[lang].get(title, title)
    return data["titled"].format(title=title, name=name)


def compose(policy: Policy) -> str:
    """The letter for POLICY, in its language."""
    data = lexicon.load(policy.lang, "compose")
    key = "|".join(str(x) for x in (policy.customer, policy.reason, policy.effective, policy.sender,
                                    policy.referral_name, policy.lang))
    if policy.effective_is_today:
        when = _pick(data["when"]["today"], key, "when")
    else:
        when = _pick(data["when"]["date"], key, "when").format(date=format_date(policy.effective, policy.lang))
    fill = {"when": when, "When": when[:1].upper() + when[1:], "referral": policy.referral_name or ""}
    parts = data["parts"]

    body = [
        _pick(parts["opening"], key, "opening").format(**fill) + " " + _pick(parts["final"], key, "final"),
        _pick(data["reason"][policy.reason], key, "reason"),
    ]
    if policy.referral == "required" or (policy.referral == "allowed" and policy.referral_name):
        kind = "required" if policy.referral == "required" else "allowed"
        body[-1] += " " + _pick(data["referral"][kind], key, "referral").format(**fill)
    elif policy.reason == "capacity":
        body[-1] += " " + _pick(data["referral"]["capacity_general"], key, "referral")
    body.append(_pick(parts["closing_wish"], key, "wish"))

    valediction = _pick(parts["valediction"], key, "valediction")
    sign = f"{valediction}\n{policy.sender}" if policy.sender else valediction.rstrip(",")
    return "\n\n".join([salutation(policy.customer, policy.lang, data["salutation"]), *body, sign]) + "\n"
