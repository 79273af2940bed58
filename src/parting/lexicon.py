"""Loading the data files that hold every word list, pattern and phrasing.

The files live in parting/data/<lang>/ (and data/common/ for what every language
shares) so that a person can read and extend them without touching code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from .types import LANGS


def _root() -> Any:
    return resources.files("parting") / "data"


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """data/<lang>/<name>.toml as a dict (empty when the file does not exist)."""
    node = _root() / lang / f"{name}.toml"
    if not node.is_file():
        return {}
    return tomllib.loads(node.read_text(encoding="utf-8"))


@cache
def rule_files(lang: str) -> tuple[dict[str, Any], ...]:
    """Every rule definition that applies to LANG: the shared ones first."""
    out = []
    for folder in ("common", lang):
        rules_dir = _root() / folder / "rules"
        if not rules_dir.is_dir():
            continue
        for node in sorted(rules_dir.iterdir(), key=lambda n: n.name):
            if node.name.endswith(".toml"):
                data = tomllib.loads(node.read_text(encoding="utf-8"))
                data.setdefault("id", node.name[: -len(".toml")])
                data["_file"] = f"{folder}/rules/{node.name}"
                out.append(data)
    return tuple(out)


def languages() -> tuple[str, ...]:
    return LANGS
