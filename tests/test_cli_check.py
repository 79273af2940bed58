"""parting check as a user runs it: output, exit codes, and bad input as one line."""

import json

import pytest
from test_check_api import GOOD_EN

BAD = GOOD_EN.replace("We are not able", "You were rude to my staff and we are not able")


def assert_one_line_error(result, code=2):
    assert result.returncode == code, result.stderr
    err = result.stderr.decode()
    assert err.startswith("parting: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_good_letter_exits_0(run_cli, tmp_path):
    f = tmp_path / "letter.txt"
    f.write_text(GOOD_EN, encoding="utf-8")
    result = run_cli("check", str(f))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""


def test_broken_rule_exits_1_with_line_col_severity_rule(run_cli):
    result = run_cli("check", "-", input=BAD)
    assert result.returncode == 1
    lines = result.stdout.decode().splitlines()
    assert any(line.split()[1:3] == ["error", "blame"] and line.split()[0].count(":") == 1 for line in lines), lines


def test_json_output(run_cli):
    result = run_cli("check", "--format", "json", "--reason", "conduct", input=BAD)
    data = json.loads(result.stdout)
    assert data["ok"] is False and data["context"]["reason"] == "conduct"
    assert {"rule", "severity", "message", "hint", "start", "end", "line", "column", "excerpt"} <= set(data["violations"][0])


@pytest.mark.parametrize(
    "args, data",
    [
        (["check"], b""),
        (["check"], b"   \n"),
        (["check"], b"\x00\x01\x02binary"),
        (["check"], b"Dear \xff\xfe Ms Hale"),
        (["check"], b"a" * 10_000_000),
        (["check", "/no/such/file.txt"], None),
        (["check", "--reason", "rudeness"], GOOD_EN.encode()),
        (["check", "--lang", "fr"], GOOD_EN.encode()),
        (["check", "--format", "xml"], GOOD_EN.encode()),
        (["check", "--no-such-option"], GOOD_EN.encode()),
        (["check"], "Chère Madame, nous ne pouvons plus vous servir. Nous vous souhaitons le meilleur.".encode()),
    ],
    ids=["empty", "whitespace", "binary", "invalid-utf8", "10MB", "missing-file", "unknown-reason",
         "unknown-lang", "unknown-format", "unknown-option", "french"],
)
def test_bad_input_is_one_line_and_exit_2(run_cli, args, data):
    assert_one_line_error(run_cli(*args, input=data))


def test_directory_is_refused(run_cli, tmp_path):
    assert_one_line_error(run_cli("check", str(tmp_path)))


def test_crlf_and_bom_file(run_cli, tmp_path):
    f = tmp_path / "letter.txt"
    f.write_bytes(b"\xef\xbb\xbf" + GOOD_EN.replace("\n", "\r\n").encode())
    assert run_cli("check", str(f)).returncode == 0


def test_no_arguments_shows_help(run_cli):
    result = run_cli()
    assert result.returncode == 0 and b"check" in result.stdout


def test_console_script_and_module_agree(run_cli, tmp_path):
    """`parting` (the installed script) and `python -m parting` are the same program."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("parting")
    assert script.exists(), "the console script is installed beside the interpreter"
    letter = tmp_path / "letter.txt"
    letter.write_text(BAD, encoding="utf-8")
    by_module = run_cli("check", str(letter), "--format", "json")
    by_script = subprocess.run([str(script), "check", str(letter), "--format", "json"], capture_output=True,
                               env={**os.environ, "NO_COLOR": "1"}, timeout=120)
    assert by_module.returncode == by_script.returncode == 1
    assert by_module.stdout == by_script.stdout and b'"blame"' in by_script.stdout
