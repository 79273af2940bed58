"""The on-disk pattern cache: same results as re, survives a corrupt file, stays bounded."""

import re

import pytest

from parting import recache


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTING_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(recache, "_store", None)
    monkeypatch.setattr(recache, "_dirty", False)
    monkeypatch.setattr(recache, "_used", set())
    return tmp_path


def test_compiled_patterns_behave_like_re(cache_dir):
    pattern, flags = r"(?<!\w)(?P<w>stra(?:ß|ss)e)\b|x{3,}", re.IGNORECASE
    first = recache.compile(pattern, flags)
    recache._save()
    recache._store = None  # as a new process would: read back from disk
    second = recache.compile(pattern, flags)
    text = "Die STRASSE und die Straße, xxxx"
    for p in (first, second):
        assert [m.group() for m in p.finditer(text)] == [m.group() for m in re.compile(pattern, flags).finditer(text)]
        assert p.groupindex == {"w": 1}


def test_a_corrupt_cache_file_is_ignored(cache_dir):
    recache._path().parent.mkdir(parents=True, exist_ok=True)
    recache._path().write_bytes(b"not a pickle")
    assert recache.compile("a+").match("aaa")


def test_the_cache_is_bounded(cache_dir, monkeypatch):
    monkeypatch.setattr(recache, "MAX_ENTRIES", 5)
    for i in range(12):
        recache.compile(f"word{i}")
    recache._used.clear()
    recache._used.update({(f"word{i}", 0) for i in range(3)})
    recache._save()
    assert len(recache._store) == 5 and ("word0", 0) in recache._store and ("word11", 0) in recache._store
