"""parting check: judge a letter against the guide."""

from __future__ import annotations

import json
import sys

from ..checker.findings import Outcome
from ..errors import EXIT_OK, EXIT_RULE_BROKEN
from ..textinput import read_source
from . import options as opt
from .style import paint


def run(file: opt.FileArg = None, lang: opt.LangOpt = None, reason: opt.ReasonOpt = None,
        customer: opt.CustomerOpt = None, referral: opt.ReferralOpt = None, format: opt.FormatOpt = "text") -> int:
    """Check a letter rule by rule. Exit 0: no error; 1: a rule is broken; 2: bad input."""
    from ..checker import evaluate

    out_format = opt.fmt(format)
    text = read_source(file, what="letter")
    report = evaluate(text, lang=opt.lang(lang), reason=opt.reason(reason), customer=customer, referral=referral)
    if out_format == "json":
        sys.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        for v in report.findings:
            sev = paint(f"{v.severity:<7}", "red" if v.severity == "error" else "yellow")
            sys.stdout.write(f"{v.line}:{v.column}  {sev}  {paint(v.rule, 'bold')}  {v.message}\n")
        summary = _summary(report)
        sys.stderr.write(paint(summary, "green" if report.ok else "red", sys.stderr) + "\n")
    return EXIT_OK if report.ok else EXIT_RULE_BROKEN


def _summary(report: Outcome) -> str:
    n_err = sum(1 for f in report.findings if f.severity == "error")
    n_warn = len(report.findings) - n_err
    if n_err == 0 and n_warn == 0:
        return f"ok: the letter follows every rule ({report.context.lang})"
    parts = [f"{n_err} error{'s' * (n_err != 1)}", f"{n_warn} warning{'s' * (n_warn != 1)}"]
    return ("ok: " if n_err == 0 else "") + ", ".join(parts)
