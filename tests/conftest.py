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


# --- the model engine: cassettes recorded against the scripted server -------------------
#
# Replay (the default, and CI): every model call is answered from cassettes/<module>/,
# matched on method, path, query and body, never on host or headers, so one cassette
# serves any base URL. Record: `pytest tests/test_llm.py --record-mode=rewrite` starts
# tests/scripted_server.py on 127.0.0.1 and records against it. To record against a
# real endpoint instead, set PARTING_RECORD_BASE_URL and OPENAI_API_KEY (the scenario
# names then need a real model: see the README).

SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie", "set-cookie"]


def _scrub_response(response: dict) -> dict:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS or name.lower().startswith(("openai-", "x-request-id", "cf-")):
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config():
    return {
        "filter_headers": SECRET_HEADERS,
        "match_on": ["method", "path", "query", "body"],
        "decode_compressed_response": True,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request):
    return str(ROOT / "cassettes" / request.module.__name__.split(".")[-1])


@pytest.fixture
def model_server(record_mode):
    """The base URL the tests talk to: a fresh scripted server when recording, an
    address that is never contacted when replaying."""
    if record_mode == "none":
        yield "http://scripted.invalid/v1"
        return
    if os.environ.get("PARTING_RECORD_BASE_URL"):
        yield os.environ["PARTING_RECORD_BASE_URL"]
        return
    from scripted_server import serve

    server = serve()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.fixture
def live_server():
    """The scripted server itself, for faults a cassette cannot hold (a reply that is too slow)."""
    from scripted_server import serve

    server = serve()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
