"""The prompt files (prompts/ in the source tree, parting/prompts/ in a wheel),
rendered with the brief and the policy."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from string import Template

from ...checker.findings import Finding
from ...engines.compose import format_date
from ...policy import Policy

_VERSION = re.compile(r"<!--\s*version:\s*(\S+)\s*-->\s*")


def _folder() -> Path:
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "prompts", here.parents[4] / "prompts"):
        if (candidate / "system.en.md").is_file():
            return candidate
    raise FileNotFoundError("prompt files not found (looked in parting/prompts and the source tree)")


@cache
def load(name: str, lang: str) -> tuple[str, str]:
    """(version, template text) of prompts/<name>.<lang>.md."""
    text = (_folder() / f"{name}.{lang}.md").read_text(encoding="utf-8")
    m = _VERSION.match(text)
    return (m.group(1) if m else "0"), text[m.end() if m else 0 :].strip()


def version(lang: str) -> str:
    return "+".join(load(n, lang)[0] for n in ("system", "draft", "feedback"))


_LANG = {"en": {"en": "English", "de": "German"}, "de": {"en": "Englisch", "de": "Deutsch"}}

_LINES = {
    "en": {
        "customer": "address them as “{c}” in the salutation (“Dear {c},”).",
        "no_customer": "the name is not known; use a courteous general salutation.",
        "today": "as of today (say so: “as of today” or “effective immediately”).",
        "date": "from {d} (write the date out).",
        "conduct": "say you are not able to meet their needs and that another provider may serve them better. Do not mention what happened.",
        "capacity": "the business has grown faster than it can serve every client well.",
        "time": "the business cannot give their work the time it needs.",
        "other": "changes in the business mean it can no longer offer them its services; keep it general.",
        "forbidden": "do not recommend, name or point to any other business, competitor or colleague. Do not name {r}." ,
        "forbidden_none": "do not recommend, name or point to any other business, competitor or colleague.",
        "required": "recommend {r} by name.",
        "allowed": "you may recommend {r} by name.",
        "allowed_none": "none is needed.",
        "sender": "sign with “{s}”.",
        "no_sender": "end with a sign-off and no name.",
    },
    "de": {
        "customer": "sprich ihn in der Anrede als „{c}“ an.",
        "no_customer": "der Name ist nicht bekannt; verwende eine höfliche allgemeine Anrede.",
        "today": "ab heute (sag es: „ab heute“ oder „mit sofortiger Wirkung“).",
        "date": "zum {d} (schreibe das Datum aus).",
        "conduct": "sage, dass ihr seinen Bedürfnissen nicht gerecht werden könnt und ein anderer Anbieter ihn besser betreuen kann. Erwähne nicht, was vorgefallen ist.",
        "capacity": "der Betrieb ist schneller gewachsen, als er alle Kunden gut betreuen kann.",
        "time": "der Betrieb kann seinen Aufträgen nicht die Zeit geben, die sie brauchen.",
        "other": "Veränderungen im Betrieb führen dazu, dass er seine Leistungen nicht mehr anbieten kann; bleib allgemein.",
        "forbidden": "empfiehl keinen anderen Betrieb, keinen Mitbewerber, keine Kollegen und verweise auf niemanden. Nenne {r} nicht.",
        "forbidden_none": "empfiehl keinen anderen Betrieb, keinen Mitbewerber, keine Kollegen und verweise auf niemanden.",
        "required": "empfiehl {r} mit Namen.",
        "allowed": "du darfst {r} mit Namen empfehlen.",
        "allowed_none": "keine nötig.",
        "sender": "unterschreibe mit „{s}“.",
        "no_sender": "schließe mit einer Grußformel ohne Namen.",
    },
}


def system(policy: Policy) -> str:
    lines = _LINES[policy.lang]
    if policy.referral == "forbidden":
        referral = (lines["forbidden"].format(r=policy.refused_referral) if policy.refused_referral
                    else lines["forbidden_none"])
    elif policy.referral_name:
        referral = lines[policy.referral].format(r=policy.referral_name)
    else:
        referral = lines["allowed_none"]
    values = {
        "language": _LANG[policy.lang][policy.lang],
        "customer_line": lines["customer"].format(c=policy.customer) if policy.customer else lines["no_customer"],
        "when_line": lines["today"] if policy.effective_is_today else lines["date"].format(d=format_date(policy.effective, policy.lang)),
        "reason_line": lines[policy.reason],
        "referral_line": referral,
        "sender_line": lines["sender"].format(s=policy.sender) if policy.sender else lines["no_sender"],
    }
    return Template(load("system", policy.lang)[1]).substitute(values)


def user(draft: str, policy: Policy) -> str:
    # The markers are fixed strings; a draft that contains them cannot close the block early.
    safe = draft.replace("DRAFT>>>", "DRAFT>>").replace("ENTWURF>>>", "ENTWURF>>")
    return Template(load("draft", policy.lang)[1]).substitute(draft=safe.strip())


def feedback(findings: list[Finding], policy: Policy) -> str:
    lines = []
    for f in findings:
        where = f"“{f.excerpt}”" if f.excerpt else ""
        lines.append(f"- [{f.rule}] {f.message} {where} → {f.hint}".replace("  ", " "))
    return Template(load("feedback", policy.lang)[1]).substitute(violations="\n".join(lines))

