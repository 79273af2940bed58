"""One gate for all the tasks of a batch: when the server answers 429, every task waits,
instead of each one hammering the server on its own schedule."""

from __future__ import annotations

import asyncio
import time


class Gate:
    def __init__(self) -> None:
        self._open_at = 0.0
        self.pauses = 0

    async def wait(self) -> None:
        """Before a request: wait while the batch is paused."""
        while True:
            delay = self._open_at - time.monotonic()
            if delay <= 0:
                return
            await asyncio.sleep(delay)

    def pause(self, seconds: float) -> None:
        """After a 429: nobody sends for SECONDS (the longest pause asked for wins)."""
        self.pauses += 1
        self._open_at = max(self._open_at, time.monotonic() + seconds)
