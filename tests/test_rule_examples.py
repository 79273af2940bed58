"""Every rule file ships letters that pass and letters that fail; each must do so."""

import pytest

from parting import check
from parting.checker.rules import rules

CASES = []
for lang in ("en", "de"):
    for rule in rules(lang):
        contexts = rule.examples.get("context", {})
        for kind in ("pass", "fail"):
            for i, text in enumerate(rule.examples.get(kind, [])):
                ctx = dict(contexts[kind][i]) if contexts.get(kind) else {}
                ctx.setdefault("lang", lang)
                CASES.append(pytest.param(rule.id, kind, text, ctx, id=f"{lang}-{rule.source.split('/')[0]}-{rule.id}-{kind}-{i}"))


def test_every_rule_has_examples_both_ways():
    for lang in ("en", "de"):
        for rule in rules(lang):
            assert rule.examples.get("pass"), f"{rule.source} has no passing example"
            assert rule.examples.get("fail"), f"{rule.source} has no failing example"


@pytest.mark.parametrize("rule_id, kind, text, ctx", CASES)
def test_rule_example(rule_id, kind, text, ctx):
    report = check(text, only={rule_id}, **ctx)
    fired = [v for v in report.violations if v.rule == rule_id or rule_id == "style"]
    if kind == "pass":
        assert not fired, [(v.rule, v.excerpt) for v in fired]
    else:
        assert fired, f"{rule_id} did not fire on: {text!r}"
