"""Every letter the composer writes passes the checker under its own policy."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from parting.analysis.facts import Facts
from parting.checker import evaluate
from parting.engines.compose import compose
from parting.policy import derive

TODAY = date(2026, 11, 26)
# Name-like words: a capital and lower-case letters, umlauts included.
word = st.from_regex(r"[A-ZÄÖÜ][a-zäöüß]{2,11}", fullmatch=True)
titles = st.sampled_from(["Mr", "Mrs", "Ms", "Dr", "Herr", "Frau", ""])
customers = st.one_of(st.none(), st.builds(lambda t, a, b: f"{t} {b}".strip() if t else f"{a} {b}", titles, word, word))
businesses = st.one_of(st.none(), st.builds(lambda a, kind: f"{a} {kind}", word,
                                            st.sampled_from(["Physio", "Gartenbau", "Services", "& Partner", "Studio", "Bakery", "Salon"])))
senders = st.one_of(st.none(), word, businesses)


@settings(max_examples=300, deadline=None)
@given(lang=st.sampled_from(["en", "de"]), reason=st.sampled_from(["conduct", "capacity", "time", "other"]),
       customer=customers, referral=businesses, sender=senders, days=st.integers(min_value=0, max_value=400))
def test_composed_letters_pass_every_rule(lang, reason, customer, referral, sender, days):
    facts = Facts(lang, customer, reason, referral, sender, TODAY + timedelta(days=days), days > 0, (), ())
    policy = derive(facts, today=TODAY)
    letter = compose(policy)
    outcome = evaluate(letter, **policy.check_context())
    assert outcome.ok, ([(f.rule, f.excerpt) for f in outcome.findings], letter)
    assert not outcome.findings, [(f.rule, f.excerpt) for f in outcome.findings]  # no warnings either
    if policy.referral == "required":
        assert referral in letter
    if policy.referral == "forbidden" and referral:
        body = "\n\n".join(letter.split("\n\n")[1:-1])  # the sender may share the name
        assert referral not in body


def test_same_brief_same_letter_and_briefs_differ():
    a = Facts("en", "Ms Hale", "capacity", None, "Tom", TODAY, False, (), ())
    b = a._replace(customer="Mr Okafor", sender="Greenway Gardens")
    assert compose(derive(a, today=TODAY)) == compose(derive(a, today=TODAY))
    letters = {compose(derive(a._replace(customer=f"Ms {n}"), today=TODAY)) for n in ("Hale", "Okafor", "Brandt", "Lee", "Marsh")}
    assert len({l.split("\n\n")[1] for l in letters}) > 1, "openings should vary between customers"
    assert compose(derive(b, today=TODAY)) != compose(derive(a, today=TODAY))
