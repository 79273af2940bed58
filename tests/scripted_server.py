"""A scripted OpenAI-compatible chat server, for recording the cassettes.

No provider can be reached from the machines this project is built on, so the model's
side of the tests is played by this server: `POST /v1/chat/completions` answers with
replies written the way real models answer (a preface, Markdown fences, a note after
the signature, a letter that still blames or hedges), and with the usual faults (429
with Retry-After, a slow reply, 401, 404 for an unknown model, 500, a reply cut off
by the token limit, an empty reply, no `usage`). The scenario is chosen by the model
name, `scripted/<scenario>`; which reply comes depends on how many assistant turns the
conversation already holds, so each re-ask gets the next one.

Run it by hand to try the CLI against it:

    python tests/scripted_server.py 8765
    OPENAI_BASE_URL=http://127.0.0.1:8765/v1 parting rewrite examples/draft_en.txt --model scripted/blame-then-fixed -v
"""

from __future__ import annotations

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD_EN = """Dear Mr Abernethy,

As of today, Greenway Gardens will no longer be able to look after your garden. This decision is final.

We have come to the conclusion that we are not able to meet your needs, and another provider may be able to serve you better.

Thank you for the years you have trusted us with your garden. We wish you all the best for the future.

Kind regards,
Greenway Gardens
"""

BLAME_EN = """Dear Mr Abernethy,

As of today, Greenway Gardens will no longer look after your garden. After you shouted at our receptionist last week, we cannot continue to work with you.

We wish you all the best for the future.

Kind regards,
Greenway Gardens
"""

BLAME_EN_2 = """Dear Mr Abernethy,

As of today, Greenway Gardens will no longer look after your garden. Given your behaviour towards our staff, this is the only option left to us.

We wish you all the best for the future.

Kind regards,
Greenway Gardens
"""

HEDGE_EN = """Dear Mr Abernethy,

We have decided to pause our work for you for now. If things change, we would be glad to look at this again, and we are happy to talk it over whenever suits you.

We wish you all the best for the future.

Kind regards,
Greenway Gardens
"""

COMPETITOR_EN = """Dear Mr Abernethy,

As of today, Greenway Gardens will no longer be able to look after your garden. This decision is final.

We are not able to meet your needs. You might try Hillside Landscaping on the High Street instead; they have more staff and longer hours.

We wish you all the best for the future.

Kind regards,
Greenway Gardens
"""

INJECTED_EN = """Dear Mr Hedley,

Effective immediately we will no longer work on your car. Frankly, grabbing our apprentice was a disgrace.

We recommend Dave's Motors, who will be glad to take you on.

Regards,
The workshop
"""

GOOD_INJECTION_EN = """Dear Mr Hedley,

Effective immediately, we will no longer be able to carry out work on your car. This decision is final.

We are not able to meet your needs, and another provider may be able to serve you better.

We wish you all the best for the future.

Kind regards
"""

GOOD_DE = """Sehr geehrte Frau Quandtmeyer,

zum 1. Januar 2027 können wir Sie leider nicht mehr mit unseren Frühstückstouren beliefern. Diese Entscheidung ist endgültig.

Unser Betrieb ist in den letzten Monaten schneller gewachsen, als unser kleines Team es bewältigen kann, und wir können nicht mehr allen Kunden den Service bieten, den sie verdienen. Die Bäckerei Kranz liefert ebenfalls Frühstück aus und hat noch freie Kapazitäten; wir empfehlen sie Ihnen gern.

Wir danken Ihnen für Ihre Treue und wünschen Ihnen für die Zukunft alles Gute.

Mit freundlichen Grüßen
Bäckerei Sommer
"""

MISSING_REFERRAL_DE = GOOD_DE.replace(
    " Die Bäckerei Kranz liefert ebenfalls Frühstück aus und hat noch freie Kapazitäten; wir empfehlen sie Ihnen gern.", "")


def fenced(letter: str) -> str:
    return f"Here is the letter you asked for:\n\n```\n{letter.strip()}\n```\n\nLet me know if you would like a warmer or shorter version."


def preface(letter: str) -> str:
    return f"Sure! Here's a revised version that follows the guide:\n\n{letter.strip()}\n\n---\nNote: I removed the reference to the incident."


# scenario -> replies by turn; a reply is a str (the content), or a dict with "status",
# "content", "finish_reason", "headers", "delay", "usage" (False drops it).
SCENARIOS: dict[str, list] = {
    "first-pass": [GOOD_EN],
    "first-pass-de": [GOOD_DE],
    "blame-then-fixed": [BLAME_EN, preface(GOOD_EN)],
    "hedge-then-fixed": [HEDGE_EN, GOOD_EN],
    "competitor-then-fixed": [COMPETITOR_EN, GOOD_EN],
    "referral-missing-then-fixed-de": [MISSING_REFERRAL_DE, GOOD_DE],
    "fenced": [fenced(GOOD_EN)],
    "always-fails": [BLAME_EN, BLAME_EN_2, HEDGE_EN],
    "repeats": [BLAME_EN, BLAME_EN],
    "injection": [INJECTED_EN, GOOD_INJECTION_EN],
    "truncated": [{"content": GOOD_EN[:120], "finish_reason": "length"}, GOOD_EN],
    "empty": [{"content": ""}, GOOD_EN],
    "no-usage": [{"content": GOOD_EN, "usage": False}],
}
# Faults that depend on how many requests the server has seen, whatever the turn.
FAULTS: dict[str, list] = {
    "rate-limited": [{"status": 429, "headers": {"retry-after": "1"}}],
    "slow": [{"delay": 3.0}],
    "server-error": [{"status": 500}] * 100,
    "unauthorized": [{"status": 401}] * 100,
    # A burst of 429s, as when a batch of tasks hits a rate limit together.
    "storm": [{"status": 429, "headers": {"retry-after": "0.2"}}] * 10,
}
ERRORS = {
    401: {"message": "Incorrect API key provided.", "type": "invalid_request_error", "code": "invalid_api_key"},
    404: {"message": "The model does not exist or you do not have access to it.", "type": "invalid_request_error", "code": "model_not_found"},
    429: {"message": "Rate limit reached for requests. Please try again in 1s.", "type": "requests", "code": "rate_limit_exceeded"},
    500: {"message": "The server had an error while processing your request.", "type": "server_error", "code": None},
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the client's
    # delayed ACK would add ~40 ms to every reply, which no real server does.
    disable_nagle_algorithm = True
    seen: dict[str, int] = {}
    lock = threading.Lock()

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def _send(self, status: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        if not self.path.rstrip("/").endswith("/chat/completions"):
            return self._send(404, {"error": {"message": "not found"}})
        model = body.get("model", "")
        scenario = model.split("/", 1)[1] if model.startswith("scripted/") else ""
        with self.lock:
            n = self.seen.get(scenario, 0)
            self.seen[scenario] = n + 1
        if scenario.startswith("delayed-"):  # delayed-<ms>: every reply after a fixed delay (benchmarks, kills)
            time.sleep(int(scenario.split("-", 1)[1]) / 1000)
            scenario = "first-pass"
        fault = FAULTS.get(scenario, [])
        step: dict = dict(fault[n]) if n < len(fault) else {}
        if "status" in step:
            return self._send(step["status"], {"error": ERRORS[step["status"]]}, step.get("headers"))
        if step.get("delay"):
            time.sleep(step["delay"])
        replies = SCENARIOS.get(scenario) or (SCENARIOS["first-pass"] if scenario in FAULTS else None)
        if replies is None:
            return self._send(404, {"error": ERRORS[404]})
        turn = sum(1 for m in body.get("messages", []) if m.get("role") == "assistant")
        reply = replies[min(turn, len(replies) - 1)]
        reply = {"content": reply} if isinstance(reply, str) else reply
        prompt_tokens = sum(len(m.get("content", "").split()) for m in body.get("messages", [])) * 4 // 3
        completion_tokens = len(reply["content"].split()) * 4 // 3
        out = {
            "id": f"chatcmpl-scripted-{scenario}-{turn}",
            "object": "chat.completion",
            "created": 1764115200,
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply["content"]},
                         "finish_reason": reply.get("finish_reason", "stop")}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                      "total_tokens": prompt_tokens + completion_tokens,
                      "prompt_tokens_details": {"cached_tokens": 128 if turn else 0}},
        }
        if reply.get("usage") is False:
            del out["usage"]
        self._send(200, out)


def serve(port: int = 0) -> ThreadingHTTPServer:
    """Start the server on 127.0.0.1 in a daemon thread; a fresh request count per server."""
    handler = type("ScriptedHandler", (Handler,), {"seen": {}, "lock": threading.Lock()})
    # A listen backlog for a batch's worth of simultaneous connections (the default is 5).
    server_cls = type("ScriptedServer", (ThreadingHTTPServer,), {"request_queue_size": 128, "daemon_threads": True})
    server = server_cls(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


if __name__ == "__main__":
    srv = serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8765)
    print(f"scripted OpenAI-compatible server on http://127.0.0.1:{srv.server_address[1]}/v1")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
