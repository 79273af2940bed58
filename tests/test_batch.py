"""parting batch and parting eval: bad rows, a real kill and resume, a 429 storm, the
report's numbers on a corpus whose answers are known, and the HTML in a real browser."""

import asyncio
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scripted_server import serve

from parting.batch import Runner, read_rows
from parting.engines.llm.config import LLMConfig
from parting.evaluation import metrics

ROOT = Path(__file__).resolve().parent.parent
DRAFT = (ROOT / "examples" / "draft_en.txt").read_text(encoding="utf-8")


def write_jsonl(path, rows, extra=""):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) + extra, encoding="utf-8")


def read_out(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_good_and_bad_rows(tmp_path, run_cli):
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(inp, [
        {"id": "a", "draft": DRAFT},
        {"id": "b", "draft": "Frau Quandtmeyer: zu viele Kunden. Empfehlung: Bäckerei Kranz. Ab 1. Januar.", "sender": "Bäckerei Sommer"},
        {"id": "empty", "draft": "   "},
        {"id": "bad-reason", "draft": DRAFT, "reason": "rudeness"},
        {"draft": DRAFT, "customer": "Ms Hale"},
        {"id": "fr", "draft": "Madame Dupont, nous ne pouvons plus travailler avec vous. Merci pour tout."},
    ], extra="{this is not json\n")
    r = run_cli("batch", str(inp), "--out", str(out), "--engine", "compose", "--quiet")
    assert r.returncode == 1, r.stderr  # some rows are errors
    records = {rec["key"]: rec for rec in read_out(out)}
    assert set(records) == {"a", "b", "empty", "bad-reason", "row-5", "fr", "row-7"}
    assert records["a"]["status"] == "ok" and records["a"]["report"]["ok"]
    assert records["b"]["letter"].startswith("Sehr geehrte Frau Quandtmeyer,") and "Bäckerei Kranz" in records["b"]["letter"]
    assert records["row-5"]["letter"].startswith("Dear Ms Hale,")
    for key, words in {"empty": "no draft", "bad-reason": "unknown reason", "fr": "French", "row-7": "unparsable"}.items():
        assert records[key]["status"] == "error" and words in records[key]["error"], records[key]
    again = run_cli("batch", str(inp), "--out", str(out), "--engine", "compose", "--quiet")
    assert len(read_out(out)) == 7, "a second run adds nothing"
    assert again.returncode == 1


def test_csv_input(tmp_path, run_cli):
    inp, out = tmp_path / "in.csv", tmp_path / "out.jsonl"
    inp.write_text('id,draft,reason,referral\nx1,"Mrs Okafor: we are fully booked. From 1 March.",capacity,Happy Tails\n', encoding="utf-8")
    assert run_cli("batch", str(inp), "--out", str(out), "--engine", "compose", "--quiet").returncode == 0
    (rec,) = read_out(out)
    assert rec["key"] == "x1" and "Happy Tails" in rec["letter"] and rec["policy"]["referral"] == "required"


def test_a_killed_batch_resumes_with_every_row_exactly_once(tmp_path):
    server = serve()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
        write_jsonl(inp, [{"id": f"r{i:02d}", "draft": DRAFT} for i in range(16)])
        env = {**os.environ, "OPENAI_BASE_URL": url, "OPENAI_API_KEY": "test-key", "NO_COLOR": "1"}
        args = [sys.executable, "-m", "parting", "batch", str(inp), "--out", str(out), "--quiet",
                "--engine", "llm", "--model", "scripted/delayed-300", "--concurrency", "2"]
        proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.read_text().count("\n") < 4):
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # a real kill, mid-run
        proc.wait(timeout=10)
        before = out.read_text(encoding="utf-8").splitlines()
        assert 4 <= len(before) < 16, len(before)
        done = subprocess.run(args, env=env, capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr
        after = out.read_text(encoding="utf-8").splitlines()
        keys = [json.loads(line)["key"] for line in after]
        assert sorted(keys) == [f"r{i:02d}" for i in range(16)], "every row exactly once"
        assert after[: len(before)] == before, "nothing finished before the kill was lost or redone"
    finally:
        server.shutdown()


def test_a_429_storm_pauses_the_whole_batch_and_every_row_succeeds(tmp_path):
    server = serve()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/v1"
        inp = tmp_path / "in.jsonl"
        write_jsonl(inp, [{"id": f"s{i}", "draft": DRAFT} for i in range(8)])
        cfg = LLMConfig(model="scripted/storm", base_url=url, api_key="test-key", retries=6, max_wait=1.0)
        runner = Runner("llm", cfg, concurrency=4)
        records: list = []
        asyncio.run(runner.run(read_rows(str(inp)), records.append))
        assert len(records) == 8 and all(r["status"] == "ok" and r["report"]["ok"] and not r["fallback"] for r in records)
        assert runner.gate.pauses >= 1
        assert server.RequestHandlerClass.seen["storm"] == 10 + 8, "each 429 cost one request, no more"
    finally:
        server.shutdown()


def test_eval_numbers_on_a_corpus_with_known_answers(tmp_path):
    rows = [json.loads(line) for line in (ROOT / "examples" / "eval_corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    rows.append({"id": "wrong-expectation", "draft": DRAFT, "expected": {"reason": "capacity", "customer": "Mr Abernethy"}})
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, rows)
    records: list = []
    parsed = read_rows(str(corpus))
    asyncio.run(Runner("compose", LLMConfig(), concurrency=3).run(parsed, records.append))
    m = metrics(records, {r.key: r.data["expected"] for r in parsed})
    assert m["letters"] == 9 and m["errors"] == 0
    assert m["first_attempt_pass_rate"] == m["final_pass_rate"] == 1.0 and m["fallback_rate"] == 0.0
    assert m["mean_attempts"] == 1.0 and m["attempts_per_letter"] == {"1": 9}
    assert m["analysis_accuracy"]["reason"] == {"accuracy": 8 / 9, "n": 9}
    assert m["analysis_accuracy"]["customer"] == {"accuracy": 1.0, "n": 9}
    assert m["analysis_accuracy"]["referral"]["n"] == 8


def test_metrics_count_first_and_final_violations():
    def attempt(ok, rules, engine="llm"):
        return {"engine": engine, "ok": ok, "violations": [{"rule": r, "severity": "error"} for r in rules]}

    records = [
        {"key": "1", "status": "ok", "engine": "llm", "fallback": False, "seconds": 1.0, "usage": {"total_tokens": 100},
         "attempts": [attempt(False, ["blame"]), attempt(True, [])], "report": {"ok": True, "violations": []},
         "brief": {}},
        {"key": "2", "status": "ok", "engine": "compose", "fallback": True, "seconds": 3.0, "usage": {"total_tokens": 300},
         "attempts": [attempt(False, ["blame", "finality"]), attempt(False, ["finality"]), attempt(False, ["finality"]),
                      attempt(True, [], "compose")], "report": {"ok": True, "violations": []}, "brief": {}},
        {"key": "3", "status": "error", "error": "no draft"},
    ]
    m = metrics(records)
    assert m["first_attempt_pass_rate"] == 0.0 and m["final_pass_rate"] == 1.0 and m["fallback_rate"] == 0.5
    assert m["violations_first_attempt"] == {"blame": 2, "finality": 1} and m["violations_final"] == {}
    assert m["mean_attempts"] == 2.5 and m["tokens_per_letter"] == 200 and m["errors"] == 1
    assert m["latency_p50"] in (1.0, 3.0) and m["latency_p95"] == 3.0


def test_eval_command_json_and_html(tmp_path, run_cli):
    html = tmp_path / "report.html"
    r = run_cli("eval", str(ROOT / "examples" / "eval_corpus.jsonl"), "--engine", "compose", "--format", "json",
                "--html", str(html))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["final_pass_rate"] == 1.0 and data["analysis_accuracy"]["reason"]["accuracy"] == 1.0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<svg" in page and "http" not in page.split("<body>")[1]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/run installs it)")
def test_html_report_opens_in_headless_chromium(tmp_path, run_cli):
    html = tmp_path / "report.html"
    assert run_cli("eval", str(ROOT / "examples" / "eval_corpus.jsonl"), "--engine", "compose", "--html", str(html)).returncode == 0
    result = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0", "--dump-dom", html.as_uri()],
        capture_output=True, timeout=120)
    dom = result.stdout.decode()
    assert result.returncode == 0, result.stderr[-2000:]
    assert 'data-ready="yes"' in dom, "the page's script ran to its end"
    assert "Uncaught" not in result.stderr.decode()
    assert "Violations by rule" in dom and "<svg" in dom
