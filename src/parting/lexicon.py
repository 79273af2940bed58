"""Loading the data files that hold every word list, pattern and phrasing.

The files live in parting/data/<lang>/ (and data/common/ for what every language
shares) so that a person can read and extend them without touching code.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from . import recache


def _root() -> Path:
    # The data folder ships inside the package (a plain directory in every install
    # pip makes); importlib.resources would cost more to import than the lookup.
    return Path(__file__).resolve().parent / "data"


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """data/<lang>/<name>.toml as a dict (empty when the file does not exist)."""
    node = _root() / lang / f"{name}.toml"
    if not node.is_file():
        return {}
    return _parse(node)


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
                data = _parse(node)
                data.setdefault("id", node.name[: -len(".toml")])
                data["_file"] = f"{folder}/rules/{node.name}"
                out.append(data)
    return tuple(out)


def _parse(path: Path) -> dict[str, Any]:
    """A TOML file, parsed once per change of the file (see recache)."""
    st = path.stat()
    return recache.memo(("toml", str(path), st.st_mtime_ns, st.st_size),
                        lambda: _toml(path))


def _toml(path: Path) -> dict[str, Any]:
    import tomllib  # only when the cache has no parsed copy

    return tomllib.loads(path.read_text(encoding="utf-8"))

