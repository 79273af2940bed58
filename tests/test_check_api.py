"""parting.check as a library: offsets, anchors, context handling, bad input."""

import pytest

from parting import check
from parting.errors import InputError, UnsupportedLanguageError

GOOD_EN = """Dear Ms Hale,

As of today we will no longer be able to serve you. We are not able to meet your needs, and another provider may serve you better.

I wish you all the best for the future.

Kind regards,
Tom Baker
"""

GOOD_DE = """Sehr geehrte Frau Quandtmeyer,

ab heute können wir Sie leider nicht mehr betreuen. Wir können Ihren Bedürfnissen nicht gerecht werden; ein anderer Anbieter kann Ihnen sicher besser helfen.

Ich wünsche Ihnen alles Gute für die Zukunft.

Mit freundlichen Grüßen
Anna Berg
"""


def test_good_letters_pass_in_both_languages():
    assert check(GOOD_EN, reason="conduct", customer="Ms Hale").ok
    assert check(GOOD_DE, reason="conduct", customer="Frau Quandtmeyer").ok


def test_language_is_detected():
    assert check(GOOD_EN).context.lang == "en"
    assert check(GOOD_DE).context.lang == "de"


def test_offsets_line_and_column_point_at_the_hit():
    letter = GOOD_EN.replace("We are not able", "You were rude and we are not able")
    report = check(letter)
    v = next(v for v in report.violations if v.rule == "blame")
    assert letter[v.start : v.end] == v.excerpt == "were rude"
    line_start = letter.rfind("\n", 0, v.start) + 1
    assert v.line == letter.count("\n", 0, v.start) + 1
    assert v.column == v.start - line_start + 1
    assert v.hint and v.severity == "error"


def test_offsets_are_code_points_after_non_ascii_text():
    letter = GOOD_DE.replace("Wir können Ihren", "Ihr unhöfliches Verhalten, Frau Öztürk, und wir können Ihren")
    v = next(v for v in check(letter).violations if v.rule == "blame")
    assert letter[v.start : v.end].lower().startswith(("unhöflich", "ihr"))


def test_missing_element_is_anchored_and_says_so():
    letter = GOOD_EN.replace("I wish you all the best for the future.\n\n", "")
    v = next(v for v in check(letter).violations if v.rule == "best-wishes")
    assert v.start == v.end == letter.index("Kind regards")
    assert v.message.startswith("Missing")


def test_missing_salutation_is_anchored_at_the_start():
    letter = GOOD_EN.replace("Dear Ms Hale,\n\n", "")
    v = next(v for v in check(letter).violations if v.rule == "salutation")
    assert (v.start, v.end, v.line, v.column) == (0, 0, 1, 1)


@pytest.mark.parametrize("name", ["Streit", "Zank", "Schuldt"])
def test_customer_name_never_triggers_a_rule(name):
    letter = GOOD_DE.replace("Frau Quandtmeyer", f"Frau {name}").replace("Ich wünsche", f"Frau {name}, ich wünsche")
    assert check(letter, customer=f"Frau {name}", reason="conduct").ok


def test_mr_blame_is_not_blame():
    letter = GOOD_EN.replace("Ms Hale", "Mr Blame")
    assert check(letter, customer="Mr Blame").ok


def test_customer_given_and_generic_salutation_is_an_error():
    letter = GOOD_EN.replace("Dear Ms Hale", "Dear Customer")
    assert "salutation" in check(letter, customer="Ms Hale").broken()
    assert "salutation" not in check(letter).broken()


def test_referral_policy_depends_on_reason():
    letter = GOOD_EN.replace("another provider may serve you better", "I recommend Harbourside Physio, who have space")
    assert "referral-policy" in check(letter, reason="conduct").broken()
    assert "referral-policy" not in check(letter, reason="capacity", referral="Harbourside Physio").broken()
    assert "referral-policy" not in check(letter).broken()
    assert "referral-policy" in check(GOOD_EN, reason="capacity", referral="Harbourside Physio").broken()


def test_windows_line_endings_and_bom_are_accepted():
    assert check("\ufeff" + GOOD_EN.replace("\n", "\r\n")).ok


def test_german_typed_without_umlauts():
    letter = GOOD_DE.replace("ü", "ue").replace("ö", "oe").replace("ß", "ss").replace("ä", "ae")
    assert check(letter, customer="Frau Quandtmeyer").ok
    blamed = letter.replace("Wir koennen Ihren", "Ihr unhoefliches Verhalten hat uns belastet. Wir koennen Ihren")
    assert "blame" in check(blamed).broken()


def test_wrong_language_is_one_violation_not_eight():
    report = check(GOOD_EN, lang="de")
    assert report.broken() == {"language"}


@pytest.mark.parametrize("bad", ["", "   \n\t"])
def test_empty_letter_is_refused(bad):
    with pytest.raises(InputError):
        check(bad)


def test_unknown_reason_and_language_are_refused():
    with pytest.raises(InputError):
        check(GOOD_EN, reason="rudeness")
    with pytest.raises(UnsupportedLanguageError):
        check(GOOD_EN, lang="fr")
    with pytest.raises(UnsupportedLanguageError):
        check("Chère Madame, nous ne pouvons plus vous servir à partir d'aujourd'hui. Cordialement")


def test_warnings_do_not_make_a_letter_fail():
    letter = GOOD_EN.replace("serve you better.", "serve you better!")
    report = check(letter)
    assert report.ok and any(v.rule == "exclamation" for v in report.warnings)
