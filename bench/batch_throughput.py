"""Batch throughput against a local OpenAI-compatible stub that answers every request
after a fixed delay: N drafts at concurrency 1, 8 and 32, each run reported as a
fraction of the ideal time (drafts x delay / concurrency).

    python bench/batch_throughput.py [--drafts 200] [--delay-ms 200] [--concurrency 1 8 32]

The stub is bench/stub_server.py on 127.0.0.1, in a process of its own so that it does
not share the batch's interpreter; every reply is a letter that passes, so each draft
costs one request.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from parting.batch import Runner, read_rows
from parting.engines.llm.config import LLMConfig

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_stub(delay_ms: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, str(ROOT / "bench" / "stub_server.py"), str(port), str(delay_ms)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    return proc, f"http://127.0.0.1:{port}/v1"


async def _bare(url: str, n: int, concurrency: int) -> float:
    """The same requests from a bare HTTP client: what this machine's Python HTTP stack
    and the stub allow, with no parting around them."""
    import httpx2

    body = {"model": "stub", "messages": [{"role": "user", "content": "x"}]}
    sem = asyncio.Semaphore(concurrency)
    async with httpx2.AsyncClient(timeout=60) as client:
        async def one() -> None:
            async with sem:
                (await client.post(url + "/chat/completions", json=body)).raise_for_status()

        t0 = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(n)))
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drafts", type=int, default=200)
    ap.add_argument("--delay-ms", type=int, default=200)
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    args = ap.parse_args()
    draft = (ROOT / "examples" / "draft_en.txt").read_text(encoding="utf-8")
    stub, url = _start_stub(args.delay_ms)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": f"d{i}", "draft": draft}) + "\n" for i in range(args.drafts)))
        rows = read_rows(str(inp))
        delay = args.delay_ms / 1000
        print(f"{args.drafts} drafts, stub delay {args.delay_ms} ms")
        for c in args.concurrency:
            cfg = LLMConfig(model="stub", base_url=url, api_key="bench")
            records: list = []
            t0 = time.perf_counter()
            asyncio.run(Runner("llm", cfg, concurrency=c).run(rows, records.append))
            took = time.perf_counter() - t0
            ideal = args.drafts * delay / c
            ok = sum(1 for r in records if r.get("status") == "ok" and r["report"]["ok"] and not r["fallback"])
            bare = asyncio.run(_bare(url, args.drafts, c))
            print(f"concurrency {c:>3}: {took:7.2f} s, ideal {ideal:6.2f} s, {ideal / took:6.1%} of ideal "
                  f"({ok}/{len(records)} letters passed); a bare HTTP client: {bare:.2f} s, {ideal / bare:.1%}")
    stub.terminate()


if __name__ == "__main__":
    main()
