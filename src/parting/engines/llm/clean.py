"""A model's reply reduced to the letter: no "Here is your letter:", no Markdown fences,
no "Let me know if you want changes" after the signature."""

from __future__ import annotations

import re

_FENCE = re.compile(r"```[a-zA-Z]*\n(.*?)\n?```", re.DOTALL)
_PREAMBLE = re.compile(
    r"^\s*(?:\*\*)?(?:here(?:'s| is)|below is|sure|certainly|of course|absolutely|okay|ok|great|"
    r"hier (?:ist|kommt|finden sie)|gern(?:e)?|natürlich|selbstverständlich|klar)\b[^\n]*(?:\n|$)",
    re.IGNORECASE,
)
_AFTERWORD = re.compile(
    r"\n\s*(?:---+|\*\*\*|___)?\s*\n?\s*(?:\*\*)?(?:note|notes|p\.?s\. to you|i hope|let me know|feel free|if you(?:'d| would) like|"
    r"this (?:letter|version)|hinweis|anmerkung|ich hoffe|lass(?:en sie)? (?:mich|mir) wissen|falls (?:du|sie) (?:änderungen|anpassungen))"
    r"[^\n]*(?:\n.*)?$",
    re.IGNORECASE | re.DOTALL,
)


def clean(reply: str) -> str:
    text = reply.replace("\r\n", "\n").strip()
    fenced = _FENCE.search(text)
    if fenced:
        text = fenced.group(1).strip()
    while True:
        m = _PREAMBLE.match(text)
        # Only a line that introduces the letter, not the letter's own first line.
        if not m or re.match(r"\s*(dear|hello|hi|sehr|liebe|guten|hallo)\b", m.group(0), re.IGNORECASE):
            break
        text = text[m.end() :].lstrip()
    # Commentary goes only after the signature: "I hope you find…" above it is a wish.
    from ...checker.doc import Doc

    if text:
        start = Doc(text).signoff
        text = text[:start] + _AFTERWORD.sub("", text[start:])
        text = text.strip()
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)  # bold markers
    return text + "\n" if text else ""
