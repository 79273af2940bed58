"""A minimal OpenAI-compatible stub for throughput benchmarks: asyncio, one thread,
keep-alive, every reply a fixed passing letter after a fixed delay. The scripted server
in tests/ is richer but spends a thread per request; under 32 concurrent requests that,
not parting, would be what the benchmark measured.

    python bench/stub_server.py PORT DELAY_MS
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from scripted_server import GOOD_EN  # noqa: E402

REPLY = json.dumps({
    "id": "chatcmpl-stub", "object": "chat.completion", "created": 1764115200, "model": "stub",
    "choices": [{"index": 0, "message": {"role": "assistant", "content": GOOD_EN}, "finish_reason": "stop"}],
    "usage": {"prompt_tokens": 600, "completion_tokens": 90, "total_tokens": 690},
}).encode()
HEAD = (b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
        + str(len(REPLY)).encode() + b"\r\n\r\n")


async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            await asyncio.sleep(delay)
            writer.write(HEAD + REPLY)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(port: int, delay: float) -> None:
    server = await asyncio.start_server(lambda r, w: handle(r, w, delay), "127.0.0.1", port, backlog=256)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]) / 1000))
