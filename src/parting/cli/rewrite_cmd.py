"""parting rewrite: a blunt draft in, a letter that follows the guide out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import EXIT_OK, EXIT_RULE_BROKEN, InputError
from . import options as opt
from .drafts import overrides, read_draft
from .style import paint

OutOpt = Annotated[Optional[str], typer.Option("--out", help="Write the letter to this file instead of stdout.", show_default=False)]
RewriteFormatOpt = Annotated[str, typer.Option("--format", help="Output format: text, json or markdown.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Show each attempt's violations as they happen.")]


def run(file: opt.FileArg = None, lang: opt.LangOpt = None, customer: opt.CustomerOpt = None,
        reason: opt.ReasonOpt = None, referral: opt.ReferralOpt = None, no_referral: opt.NoReferralOpt = False,
        sender: opt.SenderOpt = None, date: opt.DateOpt = None, engine: opt.EngineOpt = "auto",
        model: opt.ModelOpt = None, base_url: opt.BaseUrlOpt = None, temperature: opt.TempOpt = None,
        timeout: opt.TimeoutOpt = 60.0, deadline: opt.DeadlineOpt = 300.0, max_attempts: opt.AttemptsOpt = 3,
        fallback: opt.FallbackOpt = "compose", verbose: VerboseOpt = False,
        format: RewriteFormatOpt = "text", out: OutOpt = None) -> int:
    """Rewrite a draft into a letter. The letter goes to stdout (or --out), a short
    report to stderr. Exit 0: the letter follows every rule; 1: it breaks one;
    2: bad input; 3: the model could not be used."""
    from .. import pipeline

    out_format = opt.fmt(format, ("text", "json", "markdown"))
    engine, cfg = opt.llm_config(engine, model, base_url, temperature, timeout, deadline, max_attempts, fallback)
    chosen = pipeline.choose_engine(engine, cfg)
    draft = read_draft(file)
    def announce(engine_used: str) -> None:
        if out_format == "json":
            return
        where = cfg.base_url or "the OpenAI API"
        line = (f"engine: model {cfg.model} at {where}" if engine_used == "llm" else
                "engine: built-in composer" + (" (no OPENAI_API_KEY or base URL set)" if engine == "auto" else ""))
        sys.stderr.write(paint(line, "dim", sys.stderr) + "\n")
        sys.stderr.flush()

    result = pipeline.run(draft, engine=chosen, llm=cfg, on_start=announce, on_attempt=_show if verbose else None,
                          **overrides(lang, customer, reason, referral, no_referral, sender, date))

    if out_format == "json":
        rendered = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    elif out_format == "markdown":
        rendered = _markdown(result)
    else:
        rendered = result.letter
    if out:
        try:
            Path(out).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            raise InputError(f"{out}: cannot write ({exc.strerror})") from None
    else:
        sys.stdout.write(rendered)
    if out_format != "json":
        _report(result)
    return EXIT_OK if result.outcome.ok else EXIT_RULE_BROKEN


def _show(attempt) -> None:  # type: ignore[no-untyped-def]
    errors = [f for f in attempt.findings if f.severity == "error"]
    head = paint("passes", "green", sys.stderr) if attempt.ok else paint(f"{len(errors)} error(s)", "red", sys.stderr)
    sys.stderr.write(f"attempt {attempt.number}: {head} ({attempt.latency_ms:.0f} ms)\n")
    for f in errors:
        sys.stderr.write(f"    {f.rule}: {f.message}\n")


def _report(result) -> None:  # type: ignore[no-untyped-def]
    f, p = result.facts, result.policy
    err = sys.stderr
    err.write(paint("─" * 40, "dim", err) + "\n")
    err.write(f"brief   lang={f.lang} customer={f.customer or '-'} reason={f.reason} "
              f"referral={f.referral or '-'} sender={f.sender or '-'} effective={f.effective.isoformat()}\n")
    rule = {"forbidden": "recommend no one", "required": f"recommend {p.referral_name}",
            "allowed": f"may recommend {p.referral_name}" if p.referral_name else "no referral"}[p.referral]
    err.write(f"policy  {rule}; best wishes; {'as of today' if p.effective_is_today else 'from ' + p.effective.isoformat()}\n")
    for ig in f.ignored:
        err.write(paint(f"ignored “{' '.join(ig.text.split())[:60]}” (instruction in the draft, treated as data)", "yellow", err) + "\n")
    errors = [x for x in result.outcome.findings if x.severity == "error"]
    status = paint("passes every rule", "green", err) if not errors else paint(f"breaks {len(errors)} rule(s)", "red", err)
    llm_attempts = [a for a in result.attempts if a.engine == "llm"]
    if llm_attempts:
        err.write(f"model   {result.model}: {len(llm_attempts)} attempt(s), stopped: {result.stop_reason}\n")
        if llm_attempts[-1].error:
            err.write(paint(f"        {llm_attempts[-1].error}", "yellow", err) + "\n")
    if result.fallback:
        err.write(paint("fallback: no model attempt passed; this is the built-in composer's letter", "yellow", err) + "\n")
    err.write(f"check   {status} (engine: {result.engine})\n")
    for x in result.outcome.findings:
        err.write(f"        {x.line}:{x.column} {x.severity} {x.rule} {x.message}\n")


def _markdown(result) -> str:  # type: ignore[no-untyped-def]
    f = result.facts
    lines = [result.letter.rstrip(), "", "---", "", "| brief | value |", "|---|---|"]
    for field in ("lang", "customer", "reason", "referral", "sender"):
        lines.append(f"| {field} | {getattr(f, field) or '–'} |")
    lines.append(f"| effective | {f.effective.isoformat()} |")
    ok = result.outcome.ok
    lines += ["", f"**Check:** {'passes every rule' if ok else 'breaks a rule'} (engine: {result.engine})"]
    for x in result.outcome.findings:
        lines.append(f"- `{x.rule}` ({x.severity}) line {x.line}: {x.message}")
    return "\n".join(lines) + "\n"
