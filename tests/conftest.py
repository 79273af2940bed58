import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_cli():
    """Run the real command in a subprocess, as a user would."""
    import subprocess

    def run(*args: str, input: bytes | str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
        data = input.encode("utf-8") if isinstance(input, str) else input
        full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
        for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "PARTING_MODEL"):
            if env is None or key not in env:
                full_env.pop(key, None)
        return subprocess.run([sys.executable, "-m", "parting", *args], input=data, capture_output=True, env=full_env, timeout=120)

    return run
