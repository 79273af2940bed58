"""Compiled regular expressions kept on disk between runs.

CPython parses and compiles a pattern in pure Python. The checker's word lists come to
about 70 ms of compiling per process, more than everything else `parting check` does,
so a short command would spend most of its life compiling the same patterns again.
This module keeps what `re` hands to the C engine (its opcode list) in the user's
cache directory, keyed by pattern, flags and the engine's version, like Python keeps
byte code in __pycache__. Anything unexpected falls back to `re.compile`; set
PARTING_NO_CACHE=1 to switch the cache off.
"""

from __future__ import annotations

import atexit
import os
import pickle
import re
import sys
from array import array
from pathlib import Path
from typing import Any

try:
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - not CPython
    _sre = None  # type: ignore[assignment]

_Entry = tuple[int, bytes, int, dict[str, int], tuple[Any, ...]]
_store: dict[tuple[Any, ...], Any] | None = None
_dirty = False
_used: set[tuple[Any, ...]] = set()
# Patterns of older word lists would pile up as the data files change; the file keeps
# what this run used and, after that, the newest others, up to this many entries.
MAX_ENTRIES = 2000


def _path() -> Path:
    base = os.environ.get("PARTING_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    magic = getattr(_sre, "MAGIC", 0)
    return Path(base) / "parting" / f"patterns-{sys.implementation.cache_tag}-{magic}-v2.pickle"


def _enabled() -> bool:
    return _sre is not None and not os.environ.get("PARTING_NO_CACHE")


def _load() -> dict[tuple[str, int], _Entry]:
    global _store
    if _store is None:
        _store = {}
        try:
            with _path().open("rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict):
                _store = data
        except Exception:  # a missing or unreadable cache is simply rebuilt
            pass
    return _store


def _save() -> None:
    if not _dirty or _store is None:
        return
    if len(_store) > MAX_ENTRIES:
        keep = [k for k in _store if k in _used]
        others = [k for k in reversed(_store) if k not in _used][: max(0, MAX_ENTRIES - len(keep))]
        kept = {k: _store[k] for k in keep + others[::-1]}
        _store.clear()
        _store.update(kept)
    try:
        path = _path()
        import tempfile

        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(_store, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except Exception:  # a read-only home or a full disk only costs speed
        pass


def memo(key: tuple[Any, ...], make: Any) -> Any:
    """A picklable value kept in the same cache (parsed data files, say)."""
    global _dirty
    if not _enabled():
        return make()
    store = _load()
    _used.add(key)
    if key in store:
        return store[key]
    value = make()
    if not _dirty:
        atexit.register(_save)
    store[key] = value  # type: ignore[assignment]
    _dirty = True
    return value


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Like re.compile, but reuses the compiled form from an earlier run."""
    global _dirty
    if not _enabled():
        return re.compile(pattern, flags)
    store = _load()
    _used.add((pattern, flags))
    entry = store.get((pattern, flags))
    if entry is not None:
        try:
            fl, code, groups, groupindex, indexgroup = entry
            return _sre.compile(pattern, fl, array("I", code).tolist(), groups, groupindex, indexgroup)
        except Exception:
            pass
    try:
        parsed = _parser.parse(pattern, flags)
        opcodes = [int(c) for c in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groupindex.items():
            names[i] = name
        compiled = _sre.compile(pattern, flags | parsed.state.flags, opcodes, parsed.state.groups - 1,
                                groupindex, tuple(names))
        # Opcodes as packed bytes: the cache then loads in a fraction of the time.
        entry = (flags | parsed.state.flags, array("I", opcodes).tobytes(), parsed.state.groups - 1,
                 groupindex, tuple(names))
    except Exception:
        return re.compile(pattern, flags)
    if not _dirty:
        atexit.register(_save)
    store[(pattern, flags)] = entry
    _dirty = True
    return compiled
