"""parting rewrite and parting analyze as a user runs them."""

import json
import os
import subprocess
import sys

import pytest
from test_cli_check import assert_one_line_error

DRAFT = "Letter to Mr Abernethy - we're done, he shouted at my receptionist again. No referral.\n- Dana, Greenway Gardens\n"


def test_rewrite_writes_the_letter_to_stdout_and_a_report_to_stderr(run_cli):
    r = run_cli("rewrite", "-", input=DRAFT)
    assert r.returncode == 0, r.stderr
    letter = r.stdout.decode()
    assert letter.startswith("Dear Mr Abernethy,") and "Greenway Gardens" in letter
    err = r.stderr.decode()
    assert "reason=conduct" in err and "recommend no one" in err and "passes every rule" in err


def test_rewrite_json_matches_the_api(run_cli):
    from parting import rewrite

    data = json.loads(run_cli("rewrite", "--format", "json", input=DRAFT).stdout)
    api = rewrite(DRAFT).model_dump(mode="json")
    for d in (data, api):  # timings differ from run to run
        for a in d["attempts"]:
            a.pop("latency_ms")
    assert data == api


def test_rewrite_markdown_and_out_file(run_cli, tmp_path):
    out = tmp_path / "letter.md"
    r = run_cli("rewrite", "--format", "markdown", "--out", str(out), input=DRAFT)
    assert r.returncode == 0 and r.stdout == b""
    assert "**Check:** passes every rule" in out.read_text(encoding="utf-8")


def test_overrides_win(run_cli):
    r = run_cli("rewrite", "--lang", "de", "--reason", "capacity", "--referral", "Gartenbau Lindner",
                "--customer", "Frau Quandtmeyer", "--date", "2027-03-01", input=DRAFT)
    letter = r.stdout.decode()
    assert letter.startswith("Sehr geehrte Frau Quandtmeyer,") and "Gartenbau Lindner" in letter and "1. März 2027" in letter


def test_analyze_text_and_json(run_cli):
    text = run_cli("analyze", input=DRAFT).stdout.decode()
    assert "customer  Mr Abernethy" in text and "reason    conduct" in text
    data = json.loads(run_cli("analyze", "--format", "json", input=DRAFT).stdout)
    assert data["customer"] == "Mr Abernethy" and data["referral"] is None


@pytest.mark.parametrize("args, data", [
    (["rewrite"], b""), (["rewrite"], b"\x00\x01binary"), (["rewrite"], b"\xff\xfe"), (["rewrite"], b"x" * 2_000_000),
    (["rewrite", "/no/such/draft.txt"], None), (["rewrite", "--reason", "bad"], DRAFT.encode()),
    (["rewrite", "--date", "soon"], DRAFT.encode()), (["rewrite", "--engine", "gpt"], DRAFT.encode()),
    (["rewrite", "--format", "pdf"], DRAFT.encode()), (["rewrite", "--referral", "X", "--no-referral"], DRAFT.encode()),
    (["rewrite"], "Madame Dupont, nous ne pouvons plus travailler avec vous. Merci pour tout.".encode()),
    (["analyze"], b""), (["analyze", "--lang", "fr"], DRAFT.encode()),
])
def test_bad_input(run_cli, args, data):
    assert_one_line_error(run_cli(*args, input=data))


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_pasting_a_draft_into_the_terminal(tmp_path):
    """With no file and a terminal on stdin, rewrite asks for the draft and reads to Ctrl-D."""
    master, slave = os.openpty()
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("OPENAI_API_KEY", None)
    proc = subprocess.Popen([sys.executable, "-m", "parting", "rewrite"], stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    os.write(master, DRAFT.encode() + b"\x04")
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert b"Paste the draft" in err
    assert proc.returncode == 0 and out.startswith(b"Dear Mr Abernethy,")
