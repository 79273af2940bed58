"""parting rewrite with a model, in-process so the cassettes (cassettes/test_cli_llm/) answer."""

import pytest
from test_llm import DRAFT_EN, KEY

from parting.cli import main


@pytest.fixture
def cli(model_server, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("OPENAI_BASE_URL", model_server)
    monkeypatch.setenv("OPENAI_API_KEY", KEY)
    monkeypatch.setenv("PARTING_TODAY", "2026-11-26")
    monkeypatch.setenv("NO_COLOR", "1")
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT_EN, encoding="utf-8")

    def run(*args):
        with pytest.raises(SystemExit) as exc:
            main(["rewrite", str(draft), *args])
        out, err = capsys.readouterr()
        assert KEY not in out and KEY not in err
        return exc.value.code, out, err

    return run


@pytest.mark.vcr
def test_auto_uses_the_model_and_verbose_shows_each_attempt(cli):
    code, out, err = cli("--model", "scripted/blame-then-fixed", "--verbose")
    assert code == 0 and out.startswith("Dear Mr Abernethy,")
    assert "engine: model scripted/blame-then-fixed" in err
    assert "attempt 1: 1 error(s)" in err and "blame:" in err and "attempt 2: passes" in err


@pytest.mark.vcr
def test_fallback_none_returns_the_best_attempt_and_exit_1(cli):
    code, out, err = cli("--model", "scripted/always-fails", "--fallback", "none")
    assert code == 1 and out.startswith("Dear Mr Abernethy,") and "breaks" in err


@pytest.mark.vcr
def test_fallback_compose_is_marked(cli):
    code, out, err = cli("--model", "scripted/always-fails")
    assert code == 0 and "fallback" in err


@pytest.mark.vcr
def test_bad_key_is_one_line_and_exit_3(cli):
    code, out, err = cli("--model", "scripted/unauthorized")
    lines = [line for line in err.splitlines() if line.startswith("parting: error:")]
    assert code == 3 and len(lines) == 1 and "OPENAI_API_KEY" in lines[0] and out == ""


def test_engine_llm_without_configuration_is_exit_3(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT_EN, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["rewrite", str(draft), "--engine", "llm"])
    assert exc.value.code == 3 and "OPENAI_API_KEY" in capsys.readouterr().err
