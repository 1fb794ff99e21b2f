"""Hardening (issue 7): no input crashes arnorm, makes it lose correct text, or differs by run.

The adversarial inputs come from ``benchmarks/adversarial.py``, generated from every rule of
:data:`arnorm.catalogue.CATALOGUE` and every compiled pattern in the package, so rules that land
later are covered without editing this file.  Speed is not asserted here (house rule: no timed
assertions); ``benchmarks/adversarial.py`` checks it on 1 MB inputs.  See docs/guarantees.md.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import pickle
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import unicodedata2
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnorm
from arnorm import Cleaner, Pipeline
from arnorm.boilerplate import bulk
from arnorm.boilerplate.trailer import trailer
from arnorm.catalogue import CATALOGUE, OPTIONS
from arnorm.chars.edges import span_after_mark
from arnorm.chars.forms import NOMINAL
from arnorm.chars.tables import MARK_CLASS
from arnorm.context import PERSIAN_MARKERS, Context
from arnorm.options import Options
from arnorm.pipeline import _shifts_counts, _shifts_signals
from arnorm.protect import PROTECTED, protected_spans
from arnorm.report import apply_edits, diff_edits
from arnorm.rule import Rule, Substitution
from benchmarks.adversarial import (
    Case,
    active_rules,
    all_cases,
    configurations,
    make_cleaner,
    module_patterns,
    ordinary_text,
)

ROOT = Path(__file__).resolve().parent.parent
FIXED_POINTS = sorted((Path(__file__).parent / "fixtures" / "fixed_points").glob("*.txt"))
CASES = all_cases()
CLEANERS = [make_cleaner(setting) for setting in configurations()]
SMALL = 2_000  # bytes per adversarial case in CI; benchmarks/adversarial.py uses 1 MB
_CONTEXT = Context("", Options(OPTIONS))
EXAMPLES = {"ci": 200, "long": 5000}[os.environ.get("ARNORM_HYPOTHESIS_PROFILE", "ci")]


def _ids(cleaner: Cleaner) -> str:
    changed = {k: v for k, v in cleaner.options.items() if v != _defaults()[k]}
    return " ".join([cleaner.profile, *(f"{k}={v}" for k, v in changed.items())])


def _defaults() -> dict[str, object]:
    return {option.name: option.default for option in OPTIONS}


# -- coverage: the generated inputs reach every rule -----------------------------------------


def test_every_catalogue_rule_runs_in_some_configuration() -> None:
    covered = set().union(*(active_rules(cleaner) for cleaner in CLEANERS))
    assert {rule.id for rule in CATALOGUE} <= covered


def test_a_survey_seed_picks_other_characters_for_the_same_patterns() -> None:
    # benchmarks/adversarial.py --seed N: seed 0 is the usual survey; another seed explores.
    assert [case.unit for case in all_cases(0)] == [case.unit for case in CASES]
    other = all_cases(1)
    assert abs(len(other) - len(CASES)) < len(CASES) // 10
    assert len({case.unit for case in other} - {case.unit for case in CASES}) > len(CASES) // 4


def test_every_pattern_has_adversarial_cases() -> None:
    names = {case.name.split(":")[0] for case in CASES}
    substitutions = {rule.id for rule in CATALOGUE if isinstance(rule, Substitution)}
    assert substitutions <= names
    assert "arnorm.protect.PROTECTED" in names
    assert module_patterns()["arnorm.protect.PROTECTED"] is PROTECTED
    # Each pattern gets runs of the characters its quantifiers accept, not only samples.
    patterns = {rule.id: rule.pattern for rule in CATALOGUE if isinstance(rule, Substitution)}
    patterns["arnorm.protect.PROTECTED"] = PROTECTED
    for name, pattern in patterns.items():
        # Only unbounded quantifiers can run away; {0,8} is bounded by construction.
        if re.search(r"[*+]|\{\d*,\}", pattern.pattern):
            assert any(c.name.startswith(f"{name}: run") for c in CASES), name


# -- never raises, on any str ----------------------------------------------------------------


# Foundation's boilerplate.trailer removed one mid-text header per call and the pipeline stops
# after MAX_LINE_ROUNDS (8) rounds, so with more headers clean(clean(x)) != clean(x).  The
# boilerplate branch removes every header in one call; until it lands, these cases xfail.
_ONE_HEADER_PER_CALL = (
    len(trailer.find(["نص الخبر.", "قد يهمك", "نص الخبر.", "قد يهمك", "نص الخبر."], _CONTEXT)) == 1
)
_TRAILER_BUG = pytest.mark.xfail(
    _ONE_HEADER_PER_CALL,
    strict=False,  # at 2 kB some of these inputs hold fewer than 8 headers and pass
    reason="boilerplate.trailer removes one header per call; the line phase stops after 8 rounds",
)


def _case_param(index: int, case: Case) -> object:
    many_headers = any(k in case.name for k in ("header x N, body first", "every header"))
    marks = [_TRAILER_BUG] if many_headers else []
    return pytest.param(case, _cleaners_for(index, case), id=case.name, marks=marks)


def _cleaners_for(index: int, case: Case) -> list[Cleaner]:
    # The profiles' defaults, every cleaner that runs the case's rule, and one more in turn,
    # so every configuration sees a share of every kind of case (the test stays fast).
    chosen = [CLEANERS[0], CLEANERS[1], CLEANERS[index % len(CLEANERS)]]
    if case.rule is not None:
        chosen += [c for c in CLEANERS if case.rule in active_rules(c)]
    return list({id(c): c for c in chosen}.values())


def test_regression_every_mid_text_header_goes_in_one_clean() -> None:
    text = "\n".join(["فقرة من نص الخبر الطويل.", "قد يهمك:"] * 12 + ["فقرة أخيرة."])
    once = arnorm.clean(text)
    if _ONE_HEADER_PER_CALL:
        pytest.xfail("boilerplate.trailer removes one header per call (fixed on its branch)")
    assert arnorm.clean(once) == once
    assert "قد يهمك" not in once


@pytest.mark.parametrize(("case", "cleaners"), [_case_param(*item) for item in enumerate(CASES)])
def test_adversarial_input_is_cleaned_and_stable(case: Case, cleaners: list[Cleaner]) -> None:
    text = case.text(SMALL)
    for cleaner in cleaners:
        once = cleaner(text)
        assert isinstance(once, str)
        assert cleaner(once) == once, _ids(cleaner)


@pytest.mark.parametrize("case", CASES[::7], ids=[case.name for case in CASES[::7]])
def test_adversarial_input_is_explained_exactly(case: Case) -> None:
    text = case.text(SMALL)
    for cleaner in CLEANERS[:2]:
        report = cleaner.explain(text)
        assert report.output == cleaner(text)
        assert report.replay() == report.output
        assert all(0 <= c.start <= c.end <= len(text) for c in report.changes)


ISSUE_INPUTS = {
    "lone surrogates": "نص \ud800 و\udfff\udc00 آخر",
    "NUL": "نص\x00آخر\x00",
    "U+FFFD": "\ufffd\ufffdنص\ufffd",
    "unassigned code points": "\u0378\u08b5\U000e0080\U0010fffe\u061d",
    "100,000 Arabic marks in a row": "ب" + "\u064b" * 100_000,
    "100,000 mixed Arabic marks in a row": "ب" + "\u064e\u0651\u0650\u064c" * 25_000,
    "100,000 marks needing reordering": "ب" + "\u0651" * 50_000 + "\u064e" * 50_000,
    "100,000 Latin combining marks": "e" + "\u0301" * 100_000,
    "100,000 marks without a base": "\u064e" * 100_000,
    "a single 1 MB line": "كلمة " * 200_000,
    "100,000 empty lines": "\n" * 100_000,
    "only NBSP": "\u00a0" * 100_000,
    "only tatweel": "\u0640" * 100_000,
    "only ZWJ": "\u200d" * 100_000,
}


@pytest.mark.parametrize("name", list(ISSUE_INPUTS))
def test_issue_inputs_never_raise(name: str) -> None:
    # The full-size versions (10 MB line, 1,000,000 lines) are in benchmarks/adversarial.py.
    text = ISSUE_INPUTS[name]
    for cleaner in CLEANERS[:2]:
        out = cleaner(text)
        assert isinstance(out, str)
        assert cleaner(out) == out


def test_issue_inputs_keep_what_they_should() -> None:
    clean = arnorm.clean
    assert clean(ISSUE_INPUTS["only tatweel"]) == ISSUE_INPUTS["only tatweel"]
    assert clean(ISSUE_INPUTS["only NBSP"]) == ""  # a line of spaces shows nothing
    assert clean(ISSUE_INPUTS["100,000 empty lines"]) == ""
    assert clean(ISSUE_INPUTS["a single 1 MB line"]) == ISSUE_INPUTS["a single 1 MB line"][:-1]
    assert clean(ISSUE_INPUTS["NUL"]) == ISSUE_INPUTS["NUL"]
    assert clean(ISSUE_INPUTS["lone surrogates"]) == ISSUE_INPUTS["lone surrogates"]
    out = clean(ISSUE_INPUTS["100,000 Arabic marks in a row"])
    assert out == "بً"  # M1: a mark typed twice (or 100,000 times) on one letter is kept once


# Pieces that adversarial inputs are made of: every case's unit, and odd characters.
PIECES = sorted({case.unit.replace("\x00", "")[:40] for case in CASES} - {""})
adversarial_text = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=()),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=EXAMPLES, deadline=None)
@given(adversarial_text, st.sampled_from(range(len(CLEANERS))))
def test_mixed_adversarial_pieces(text: str, which: int) -> None:
    cleaner = CLEANERS[which]
    once = cleaner(text)
    assert cleaner(once) == once
    report = cleaner.explain(text)
    assert report.output == once and report.replay() == once


# The rules with a trigger, each with the characters it is written for.
TRIGGERED_RULES = [rule for rule in CATALOGUE if isinstance(rule.trigger, str)]
DEFAULT_OPTIONS = Options(OPTIONS)


@settings(max_examples=EXAMPLES, deadline=None)
@given(adversarial_text)
def test_no_rule_changes_a_text_without_its_trigger(text: str) -> None:
    # The pipeline skips a rule whose trigger characters a text lacks.  A rule that changes
    # such a text anyway is seen only when the rule that usually deletes its target first is
    # disabled (S7 deleted soft hyphens without one in its trigger; I2 deletes them first;
    # found by tools/fuzz.py --combine, seed 39, sixteenth session).  Each rule alone, on NFC
    # text without its trigger characters (the character rules see NFC text), when its gates
    # let it run.
    text = unicodedata2.normalize("NFC", text)
    for rule in TRIGGERED_RULES:
        without = "".join(c for c in text if c not in rule.trigger)
        ctx = Context(without, DEFAULT_OPTIONS)
        if without and not rule.skipped(ctx):
            assert rule.apply(without, ctx) == without, rule.id


# -- regressions found by this suite and tools/fuzz.py ---------------------------------------


def test_regression_marks_run_is_linear() -> None:
    # marks.stray_tanween's [marks]*[tanween][marks]* split a run of tanween in n ways:
    # "ب" + 100,000 fathatan took 155 s.  Now the rule is anchored on one tanween and its runs
    # of marks are bounded; M1 keeps one of the doubled fathatan, M2 makes it a fatha.
    text = "ب" + "\u064b" * 100_000 + "ب"
    assert arnorm.clean(text) == "بَب"


def test_regression_token_scan_is_linear_on_letters_with_marks() -> None:
    # The adversarial survey (eighth session): the token look-aheads read from each Latin letter
    # after a mark to the "!", and failed there: 8,000 "a" + damma took 4.7 s, 50,000 would
    # take minutes.  A token starts only at the first of a run of its characters and marks.

    text = "a\u064f" * 50_000 + "!1"
    assert protected_spans(text) == []
    assert arnorm.clean(text) == "a" * 50_000 + "!1"


def _span_after_mark_by_search(text: str) -> bool:
    # span_after_mark as it was: a search of the text before each span (the reference).  It was
    # quadratic: "K" + U+08DF + "m" + 200 fathas + "@ٚG" + U+08E7 + "K" + U+08ED + "." ...,
    # repeated (a span after each run of marks), took 360x ordinary text in the adversarial
    # survey (twelfth session); benchmarks/adversarial.py checks the time.
    before = re.compile(f"[{MARK_CLASS}][\u00ad\u200b-\u200f\u2060\ufeff]*$")
    return any(before.search(text, 0, start) for start, _ in protected_spans(text))


@given(
    st.lists(
        st.sampled_from(
            ["a1", "x@y.z", "www.a.b", "\u064e", "\u0651", "\u200b", "\u00ad", " ", "\u0628", "K"]
        ),
        max_size=12,
    ).map("".join)
)
def test_span_after_mark_is_the_search_it_replaced(text: str) -> None:
    assert span_after_mark(Context(text, Cleaner().options)) == _span_after_mark_by_search(text)


@pytest.mark.parametrize(
    "text",
    [
        "A٠ً²",  # the mark after a Latin+digit token hid the token's end
        "بَA١ ب",  # ... and its start
        "zَhttps://example.com/٢٠٢٣",  # a mark between a word and a URL scheme
        "zَwww.example.com/٢٠٢٣",
        "ب\u2002ٌ",  # tools/fuzz.py: an EN SPACE carrying a mark, kept by I7, then bare (search)
        "۹WwW.!ى",  # a token starting with an Eastern digit was not one until D1 made it "9WwW"
        # tools/fuzz.py (atheris): U2 wrote two fathas and shaddas on either side of a Syriac
        # mark, which M1's run did not take in; the final NFC put them side by side.
        "\ufc60\u0731\u0616\ufc60",
        # tools/fuzz.py (atheris): D1 wrote ؉ as ‰ after M5a had left the mark after it;
        # the next run read ‰ as punctuation and deleted the mark.
        "\u06f6\u0609\u064b\u0628",
        # tools/fuzz.py (atheris): I6 kept a ZWSP before an isolated haraka form, which U2
        # then wrote on an NBSP: the next run deleted the ZWSP before the NBSP.
        "\u0628\u200b\ufc5f",
        "\u0628\u2060\ufe70",
        # tools/fuzz.py (atheris): U2 put each form's marks in NFC apart from a U+FE20 before
        # them; the final NFC moved it, and M3 saw a fatha beside a fathatan on the next run.
        "\ufc67\ufe20\u0616\ufc60\u064b",
    ],
)
def test_regression_deleting_a_mark_is_stable(text: str) -> None:
    for cleaner in CLEANERS:
        once = cleaner(text)
        assert cleaner(once) == once, _ids(cleaner)


# tools/fuzz.py --random (seed 1033 on d796880, nineteenth session, the first run that cleans a
# text repeated 40 times): U2's bulk path (from 32 runs of forms) wrote an NBSP before an
# isolated haraka form after an Arabic mark beyond the BMP, where the replacement function
# (fewer runs, and explain) attached it: explain's output differed from the cleaned text.
@pytest.mark.parametrize("repeats", [1, 40])
def test_regression_a_haraka_form_after_a_mark_beyond_the_bmp_is_attached(repeats: int) -> None:
    from arnorm.chars.forms import presentation_forms

    text = "\U00010efd\ufc60" * repeats  # (ﱠ is a fatha and a shadda; no NBSP, in NFC)
    attached = unicodedata2.normalize("NFC", "\U00010efd\u064e\u0651" * repeats)
    assert Pipeline([presentation_forms])(text) == attached
    for cleaner in CLEANERS:
        assert cleaner.explain(text).output == cleaner(text), _ids(cleaner)


# tools/fuzz.py --combine and --mutate (seeds 55 and 44, nineteenth session, texts repeated 40
# times): a page of UTF-8 read as Windows-1256 whose continuation characters are presentation
# forms (ﭖ, a form of پ: byte 81) was not looked at (E1's trigger had no forms), or judged
# mojibake and not repaired (its repair read a form as no byte); U2 wrote the letters, and the
# next run repaired them.  The minimised finding was one "ظﭖ".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0638\ufb56" * 3, "\u0641" * 3),  # ف: bytes D9 81
        ("\u0638\ufb56" * 40, "\u0641" * 40),
        ("\u0638\ufb56\u0638\ufb56\u0638\u067e", "\u0641" * 3),  # beside the letter itself
        ("\ufec5\u067e" * 3, "\u0641" * 3),  # a form of the lead (ﻅ: ظ, byte D9)
        ("\ufec7\ufb57\ufec8\ufb58 \u0638\ufb59", "\u0641\u0641 \u0641"),  # other forms
    ],
)
def test_regression_mojibake_written_with_forms_is_repaired_in_one_run(
    text: str, expected: str
) -> None:
    assert arnorm.clean(text) == expected
    for cleaner in CLEANERS:
        once = cleaner(text)
        assert cleaner(once) == once, _ids(cleaner)


# tools/fuzz.py --mutate (seed 46, twentieth session, a text repeated 40 times): a medial
# haraka form (ﹹ, which U2 writes as tatweel and damma) between the bytes of a sequence.  E1
# counted the pair across it (it counts the letters U2 writes) but its repair read the form as
# no byte: the page was judged mojibake and left, and the next run repaired "طـُ§".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ufe79\xa7\u0637" * 40, "\u0640\u064f\xa7" + "\u0627\u0640\u064f" * 39 + "\u0637"),
        (
            "\u0637\ufe79\xa7\u0644\u0627 " * 3,
            "\u0627\u0640\u064f\u0644\u0627 " * 2 + "\u0627\u0640\u064f\u0644\u0627",
        ),
        ("\u0637\ufcf2\xa7 " * 3, "\u0627\u0640\u064e\u0651 " * 2 + "\u0627\u0640\u064e\u0651"),
    ],
)
def test_regression_mojibake_across_a_medial_haraka_form(text: str, expected: str) -> None:
    assert arnorm.clean(text) == expected
    for cleaner in CLEANERS:
        assert_cleaned_in_one_run(cleaner, text)


# tools/fuzz.py --mutate (seed 47, twentieth session, a text repeated 40 times): with
# quotes="curly", P4 wrote “ and ” after غ in a page that had no continuation character, so
# E1's gate had never been read and reading it again at the end did nothing; the next run
# repaired غ“ (ۓ).  P4 now asks for E1 to be applied to the output, as E2 does.
@pytest.mark.parametrize(
    "text",
    [
        '\u063a"' * 40,
        '\u0637\xa7\u0890\u063a\u06c4\U00024c68\u201e\u0639"' * 40,
        '\u0639"\u0628 ' * 20,
    ],
    ids=["after-ghain", "fuzz-input", "spaced"],
)
def test_regression_curly_quotes_make_pairs_in_a_page_without_any(text: str) -> None:
    for profile in ("repair", "search"):
        assert_cleaned_in_one_run(Cleaner(profile, quotes="curly"), text)


def test_mojibake_with_any_presentation_form_inside_is_repaired_in_one_run() -> None:
    # Every form between the lead and the continuation character of a pair (ط ... §: ا),
    # and after the pair: whatever U2 writes of it, the next run finds nothing more.
    cleaners = [Cleaner("repair"), Cleaner("search")]
    for form in NOMINAL:
        for text in (f"\u0637{form}\xa7 " * 3, f"\u0637\xa7{form}" * 3):
            for cleaner in cleaners:
                once = cleaner(text)
                assert cleaner(once) == once, (cleaner.profile, text)


# tools/fuzz.py --combine (seed 56, nineteenth session, a text repeated 40 times; default
# options too): mojibake of both kinds.  E1 repaired ط§ (ا); E2 then wrote ف from Ù\x81 before
# a "¦", a pair E1 repairs, and only the next run did.  E1 is asked about the output now.
@pytest.mark.parametrize("repeats", [3, 40])
def test_regression_pairs_written_by_e2_after_e1_ran_are_repaired_in_one_run(
    repeats: int,
) -> None:
    text = "\u0637\u00a7\u00d9\u0081\u00a6" * repeats
    assert arnorm.clean(text) == "\u0627\u0766" * repeats  # (ف¦ is bytes DD A6: U+0766)
    for cleaner in CLEANERS:
        once = cleaner(text)
        assert cleaner(once) == once, _ids(cleaner)
        assert cleaner.explain(text).output == once, _ids(cleaner)


# tools/fuzz.py --combine (seed 57, nineteenth session, a text repeated 40 times): with B2
# (duplicate_lines) disabled, a document of one short line repeated was not a fixed point.  B3
# kept a repeat of the title between two short lines (a poem, a list) but dropped the last
# line; the line phase ran its rules again (MAX_LINE_ROUNDS, 8), each round dropping the new
# last line: 40 lines came out as 32, then 24.  B3 now judges a block of repeats as a whole.
@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "\u0647\n" * 40,
        "\u0647\n" * 40 + "\u0628",
        "\u0647\n" * 40 + "\u0628\n\n",
        "\u0647\n\u0628\n" + "\u0647\n" * 40 + "\u0628\n" + "\u0647\n" * 30,
        ("\u0628" * 90 + "\n") * 40,
    ],
    ids=["one-line", "then-a-line", "then-blank", "two-blocks", "long-title"],
)
def test_regression_repeated_title_lines_without_b2_are_a_fixed_point(
    text: str, many: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bulk, "MIN_LINES", 0 if many else math.inf)
        for profile in ("repair", "search"):
            cleaner = Cleaner(profile, disable=("boilerplate.duplicate_lines",))
            assert_cleaned_in_one_run(cleaner, text)


# tools/fuzz.py (atheris, eighth session; default options): M5c deleted the damma on "h", so
# "h@i.8" became an e-mail address on the next run, which took the "8" of the token "8َhُ"
# after it, and the damma at its end was deleted then.  An address has the marks between its
# characters in it.
EMAIL_JOINED_BY_A_DELETED_MARK = [
    "h\u064f@i.8\u064eh\u064f",
    "h@\u064fi.8\u064eh\u064f",
    "h@i\u064f.8\u064eh\u064f",
    "\u0640\u064fh@i.8\u064eh\u064f",
    "\u0628\u064fh@i.8 8\u064eh\u064f",
    # tools/fuzz.py --random (seed 17, during the fix): U2 writes ﱣ as marks on an NBSP; with
    # the marks before an address taken in, the span changed on the next run.
    "\ufc63x@y.z",
]


@pytest.mark.parametrize("text", EMAIL_JOINED_BY_A_DELETED_MARK)
def test_regression_email_joined_by_a_deleted_mark(text: str) -> None:
    for cleaner in CLEANERS:
        assert_cleaned_in_one_run(cleaner, text)


@pytest.mark.parametrize(
    "text",
    [
        "3u\u08ff\u0301",  # tools/fuzz.py (atheris): S5 deleted the mark between a token and U+0301
        "3u\u200d\u0301",  # S7, a ZWJ
        "3u\u0640\u0301",  # S5, a tatweel
        "http://x.com/a\u200c\u0301",  # S7 at the end of a URL
        "3u\uff55\u0301",  # S6: NFKC writes u before a Latin accent it leaves alone
    ],
)
def test_regression_search_deletions_beside_a_protected_span_stay_nfc(text: str) -> None:
    # The search profile's document rules delete characters after U1; U1's renormalize runs
    # only between protected spans, so a letter at a span's end and the accent after the
    # deleted character stayed apart, and the next run composed them.
    cleaner = Cleaner("search")
    once = cleaner(text)
    assert unicodedata2.normalize("NFC", once) == once
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize(
    "text",
    [
        "\u00d3\u00d4\u00d8 \u00d3\u00d4\u00d5 \u00d2\u00d3\u00d4\u06f9",  # "۹": D1 writes 9
        "\u00d4\u00d5\u00d6 \u00cf\u00d0\u00d1\ufc60\u00cf\u00d0\u00d1",  # ﱠ: a mark
        "\u00c7\u00e1\u00da\u00d1\u00c8\u00ed\u00c9 \u00e1\u00db\u00c9 \u00cc\u00e3\u00ed"
        "\u00e1\u00c9\u060c",  # "،": the search profile writes ","
        # the only Arabic is a line that B5 removes ("اقرأ أيضا"): cleaned again without it
        "\u00c5\u00c6\u00c7 \u00d4\u00d5\u00d6 \u00da\u00db\u00dc\n\u0627\u0642\u0631\u0623 "
        "\u0623\u064a\u0636\u0627",
    ],
)
def test_regression_legacy_decoding_is_judged_on_what_stays_arabic(profile: str, text: str) -> None:
    # tools/fuzz.py (atheris): E3 (legacy_cp1256=True) is off in a document with real Arabic;
    # an Arabic digit, an Arabic comma or the form of a mark alone counted as such, and the
    # rules after it wrote them out of the Arabic block, so the next run decoded the tokens.
    cleaner = Cleaner(profile, legacy_cp1256=True)
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


@pytest.mark.parametrize("punct", ["keep", "arabic", "latin"])
@pytest.mark.parametrize("text", ["\u0628\u2e410", "\u0628\u2e2e0", "\u0628\u204f0"])
def test_regression_d2_reads_a_lookalike_as_the_punctuation_p1_writes(
    punct: str, text: str
) -> None:
    # tools/fuzz.py (atheris): with digits="arabic", a number after "⸁" stayed Latin; P1 then
    # wrote "،" and the next run made the number Arabic.
    cleaner = Cleaner(digits="arabic", punct=punct)
    once = cleaner(text)
    assert cleaner(once) == once


# Found by tools/fuzz.py (atheris) in the fifth session, fixed in the sixth: S4 (opt-in)
# writes ي for ئ after the gates were read; in a document just short of "Arabic confident"
# the next run counted that ي, turned the gate on and rewrote ھ (L3).  The pipeline now reads
# the gates again after a rule that writes a letter they count, and cleans again if one
# changed (as after removed lines).
GATE_FLIP = "\u0643\u064a\u06be\u0626"


@given(st.text("\u0643\u064a\u06be\u0626\u06cc\u0649\u0629 \n\u06d6\u0671", max_size=24))
@settings(max_examples=EXAMPLES, deadline=None)
@example(GATE_FLIP)
def test_regression_fold_hamza_seats_can_turn_the_arabic_gate_on(text: str) -> None:
    for cleaner in (Cleaner(enable=["search.fold_hamza_seats"]), Cleaner("search")):
        once = cleaner(text)
        assert cleaner(once) == once
        assert cleaner.explain(text).output == once


def test_the_rules_that_shift_the_gate_counts() -> None:
    # Mapping within a group of counted letters (ى → ي, a form to its letter, ﷺ to its words)
    # leaves the counts as they were; writing into a group the rule takes nothing from does not.
    cleaner = Cleaner("search", enable=["search.fold_hamza_seats"], expand_honorifics=True)
    shifting = {rule.id for rule in cleaner.rules if _shifts_counts(rule)}
    assert shifting == {
        "search.fold_alef",  # takes ٱ (waslas make a document Quranic): see below
        "search.fold_hamza_seats",
        "letters.farsi_yeh",
        "letters.keheh",
        "letters.heh_variants",
    }


def test_a_gate_a_rule_turned_on_is_read_again() -> None:
    # Confident only after S4's ي: ھ is rewritten in the same run as the fold.
    assert Cleaner(enable=["search.fold_hamza_seats"])(GATE_FLIP) == "\u0643\u064a\u0647\u064a"


# Found by a random search in the sixth session: I5 kept a ZWJ after an isolated haraka form
# (ئﹰ + ZWJ + ٱ); U2 attached the form to ئ as a mark, and the next run deleted the ZWJ between
# two letters.  I4 and I5 skip such forms as marks when looking for the letter before (when U2
# attaches them), and a Latin token takes such a form after its marks (protect.py).
@pytest.mark.parametrize(
    "text",
    [
        "\u0626\ufe70\u200d\u0671",
        "\u0628\ufe70\u200c\u062a",
        "\u200c\ufe70",
        "\u200d\ufe70\u200c\u0629",  # after a ZWJ the form gets an NBSP: not skipped
        "\u0712\ufe70\u200d\u0628",  # nor after a Syriac letter
        "\ufe91\u200b\ufc60\u200d\u06cc",  # a ZWSP before the form, which I6 deletes
        "\u0628\u034f\ufe70\u200c\u0649",  # after a CGJ the form gets an NBSP
        "a\u0653\ufc60\u0663\u06d6\u0649",  # a Latin token with the form after its mark
    ],
)
def test_regression_joiner_after_an_isolated_haraka_form(text: str) -> None:
    cleaner = Cleaner()
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


# Found by tools/fuzz.py (atheris) in the sixth session: with reattach_tanween=True, M7 read a
# stray fathatan at the start of a word ("ًا ً") as one already on the letter before the alef,
# and kept the detached one; M5a deleted the stray one, and the next run reattached.  Only marks
# on a letter or a tatweel count now.
@pytest.mark.parametrize("text", ["\u064b\u0627 \u064b", "3\u064b\u0627 \u064b"])
def test_regression_stray_fathatan_before_a_detached_one(text: str) -> None:
    cleaner = Cleaner(reattach_tanween=True)
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


# Found by a random search in the sixth session, fixed in the seventh (opt-in egyptian_yeh):
# L4 judged "هى" after a stray mark (" َھى") as inside a word; M5a then deleted the mark, and
# the next run wrote ي.  A run of marks after a space, punctuation or a digit starts no word.
EGYPTIAN_YEH_AFTER_STRAY_MARKS = [
    '\u0649\u00a0\u064e\u06be\u0649"\u064a',
    '?\u200b\u0301"\u064e\u06be\u0649?\u00a0\u200b\ufdfa,\u06d6\ufdfa',
    "في البيت 2023\u064eفى البيت",
]


@pytest.mark.parametrize("text", EGYPTIAN_YEH_AFTER_STRAY_MARKS)
def test_regression_egyptian_yeh_after_stray_marks(text: str) -> None:
    cleaner = Cleaner(egyptian_yeh=True)
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


def test_egyptian_yeh_leaves_a_word_with_marks_inside() -> None:
    # The marks of the letter before: فى is inside the word, not a word of its own.
    text = "ذهب إلى مستش\u064eفى المدينة"
    assert Cleaner(egyptian_yeh=True, lang="ar")(text) == text


# Found by a random search over mojibake pieces in the sixth session: the encoding repairs
# judged a text that later rules then changed, and the next run repaired more.
# - E1's repair wrote a character that made a new pair with its neighbour (ع + the "…" of
#   "â€¦"): E1 repairs again while the result is still mojibake;
# - ftfy (E2) judges whole lines, and M5c, I3, U2 and the search profile's S5 then deleted a
#   mark, an LRM or a tatweel in them, or wrote an NBSP: E2 is judged on the output again.
ENCODING_ORDER_CASES = [
    ("repair", "\u0639\u00e2\u20ac\u00a6\u0637\u00b9\u2026\u0637\u00a7\u0637\u00b9\u00b3"),
    ("repair", "\u0637\u00b9\u00a7\u0637\u00b9\u00a6\u063a\u00e2\u20ac\u00a6\u0639\u2026"),
    ("repair", "\u00d8\u064e\u00a7 \u0628\u0628"),
    ("repair", "\u00d8\u200e\u00a7"),
    ("repair", "\u00d8\u00a9\u00d9\ufc63"),
    ("search", "\u00d8\u0640\u00a7 \u0628\u0628"),
    ("search", "\u00c3 \u0640\u00d9\u201e"),
    ("search", "\u00d8\u0640\u00a7"),
    # (seventh session, the long hypothesis run) a space W1 trims after the line: ftfy judged
    # "Ø³Ø " and left it, and the next run repaired "Ø³Ø".
    ("repair", "\u00d8\u00b3\u00d8 "),
    ("search", " \u00d8\u00b3\u00d8\t\n\u00d8\u00b3\u00d8 "),
    # tools/fuzz.py (atheris, eighth session): ftfy judged "Ų©" with the CR after it in its
    # line; I8 then made the CR a line break, and the next run repaired "Ų©" (cp1257's ة).
    ("repair", "\ufffd\ufffd\u0172\u00a9\r\u0153"),
    ("repair", "\u0172\u00a9\u2028\u0153"),
    # (mutation search, ninth session) Ù written as U + U+0300: not E2's trigger, so U1
    # composed it and the next run repaired "Ù„ÙŠ" (لي); the accents are in the trigger now.
    ("repair", "U\u0300\u201eU\u0300\u0160 U\u0300\u2026U\u0300\u2020 U\u0300\u2021U\u0300\u02c6"),
    ("search", "U\u0300\u201eU\u0300\u0160 U\u0300\u2026U\u0300\u2020 U\u0300\u2021U\u0300\u02c6"),
]
# Found by the same search, fixed in the seventh session: a document rule after E1 made a pair
# it had not counted, and the next run repaired it.  E2 wrote "…" after ظ (E1's gate is read
# again at the end when E2 repaired); the search profile's S5 or I3 deleted a fatha or an LRM
# between ط and ³ (E1 counts and repairs a sequence across what a later rule may delete).
E1_PAIRS_MADE_AFTER = [
    ("repair", "\u0637\u00a7\u0638\u00e2\u20ac\u00a6\u00d8\u00a7\u0637\u00a7"),
    ("search", "\u0637\u00b3\u0637\u00a7\u0637\u064e\u00b3"),
    ("repair", "\u0637\u00b3\u0637\u00a7\u0637\u200e\u00b3"),
    # (tools/fuzz.py --random, seventh session) an isolated haraka form U2 attaches, a ZWNJ
    # I4 deletes before „, a soft hyphen I2 deletes: each between a lead and its byte.
    ("repair", "\u0637\u00a7\u0637\u00a7\u0641\ufe70\u00a7"),
    ("repair", "\u063a\u200c\u201e\u0639\u06a9\u0637\u00a7"),
    ("repair", "\u0638\u201e\u0638\u00ad\u00b2\u0638\u201e"),
    # (seventh session, by reading the code) a tatweel the search profile deletes.
    ("search", "\u0637\u0640\u00a7\u0637\u0640\u00a7\u0637\u0640\u00a7"),
    ("repair", "\u0637\u0640\u00a7\u0637\u0640\u00a7\u0637\u0640\u00a7"),
    # (mutation search, ninth session) ﭖ is پ, byte 81, once U2 has run: E1 counted the
    # continuation characters the document had, without those of its forms.
    ("repair", "\u0637\u00a7\u0638\ufb56\u0637\u00a7"),
    ("search", "\u0637\u00a7\u0638\ufb56\u0637\u00a7"),
    # (mutation search, ninth session) U1 writes the Greek ano teleia as the middle dot (B7)
    # and the oxia as the acute accent (B4): pairs E1 did not count before U1.
    ("repair", "\u0637\u00b3\u0637\u0387\u0637\u00b3"),
    ("search", "\u0637\u00b3\u0637\u1ffd\u0637\u00b3"),
]


def test_the_characters_nfc_writes_as_a_continuation_character() -> None:
    from arnorm.chars.encoding import _CONTINUATION, NFC_CONTINUATIONS

    written = {
        chr(c): unicodedata2.normalize("NFC", chr(c))
        for c in range(0x80, 0x110000)
        if chr(c) not in _CONTINUATION
        and unicodedata2.category(chr(c)) != "Cs"
        and set(unicodedata2.normalize("NFC", chr(c))) & set(_CONTINUATION)
    }
    assert written == NFC_CONTINUATIONS


def assert_cleaned_in_one_run(cleaner: Cleaner, text: str) -> None:
    """The next run changes nothing, and explain() and the reference path agree."""
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once
    assert Pipeline(cleaner.rules, cleaner.options, use_triggers=False)(text) == once


@pytest.mark.parametrize(("profile", "text"), E1_PAIRS_MADE_AFTER)
def test_regression_pairs_made_after_e1_decided(profile: str, text: str) -> None:
    cleaner = Cleaner(profile)
    assert_cleaned_in_one_run(cleaner, text)


# (tools/fuzz.py --random, seventh session) the opt-in P4 writes “ ” after غ and ع: pairs.
@pytest.mark.parametrize(
    "text",
    ['\u0637\u00a7\u063a\u201e\u0639"', '"\u0645\u0642\u062f\u0645\u0629" \u0648"\u0646\u0635"'],
)
def test_regression_pairs_made_by_curly_quotes(text: str) -> None:
    cleaner = Cleaner(quotes="curly")
    assert_cleaned_in_one_run(cleaner, text)


# Found by tools/fuzz.py --random (seventh session; search profile): S5 deleted a mark between
# two ZWJs that S7 kept beside an emoji (©), after I5 ran, and the next run deleted the second
# ZWJ.  S6 and S5 now run before the invisible-character rules judge the joiners.
JOINERS_MET_AFTER_S5 = "\u00a9\u200d\u06d6\u200d\u00a9"


def test_joiners_met_after_the_search_marks_go_in_one_run() -> None:
    # S5 and S6 run before the invisible-character rules judge the joiners.
    assert_cleaned_in_one_run(Cleaner("search"), JOINERS_MET_AFTER_S5)


# atheris, eighth session (search profile, opt-in legacy_cp1256): E3 judged its Latin-1 tokens
# with a ZWJ inside ("ð" ZWJ "ðÆ"), S7 then deleted the ZWJ, and the next run decoded the joined
# token.  A token now reads across what later rules delete between its letters, and is judged
# in NFC (the probe in the ninth session found the soft hyphen, the marks, the bidi controls,
# the angstrom sign and S6's NFKC letters doing the same in one profile or both).
LEGACY_TOKENS_JOINED_LATER = [
    "\u00f0\u00f0\u00c6\ufffd\u00f0\u00f0\u00c6\ufffd\u00f0\u200d\u00f0\u00c6",
    *(
        f"\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7{between}\u00e1\u00da"
        for between in "\u00ad\u061c\u0640\u064e\u06d6\u200c\u200d\u200f\u202b\u2067\ufeff"
    ),
    "\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7\u1d2d\u00e1",  # S6 writes Æ
    "\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7\u212b\u00e1",  # U1 writes Å
    "\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7\u00e1A\u0300",  # U1 writes À
    "\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7\u00e1A\u0654\u0300",  # M5c, then U1
    # (mutation search) the hamza next to the accent only once U1 has put a class-1 mark
    # (U+1BC9E) before it
    "\u00c7\u00e1A\u0654\U0001bc9e\u0300\u00c7\u00e1\u00da \u00c7\u00e1\u00da",
]


# tools/fuzz.py --combine, seed 59, twenty-second session (search profile, legacy_cp1256):
# E3 read across ZWSP and WORD JOINER as if a later rule deleted them, but I6 keeps them
# between letters and S7 writes a space: "Ç" ZWSP "áÚ" repeated was one token (too few to
# decode), and the next run decoded the tokens S7's spaces made.  They end a token now.
LEGACY_TOKENS_PARTED_LATER = [
    "\u00c7\u200b\u00e1\u00da" * 40,
    "\u00c7\u200d\u00e1\u00da\u00c7\u200b\u00e1\u00da" * 40,
    "\u00c7\u00e1\u00da\u2060\u00c7\u00e1\u00da\u2060\u00c7\u00e1\u00da",
]


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize(
    ("text", "parted"),
    [(text, False) for text in LEGACY_TOKENS_JOINED_LATER]
    + [(text, True) for text in LEGACY_TOKENS_PARTED_LATER],
)
def test_regression_legacy_tokens_joined_or_parted_by_later_rules(
    profile: str, text: str, parted: bool
) -> None:
    cleaner = Cleaner(profile, legacy_cp1256=True)
    assert_cleaned_in_one_run(cleaner, text)
    if parted:  # decoded (لع), but for a piece of fewer than 3 letters at either end
        assert "\u0644\u0639" in cleaner(text)
    else:  # decoded, all three
        assert not re.search("[\u00c0-\u00ff]", cleaner(text))


# The alphabet of the cases above, the ASCII letters that end a token, and a space.
LEGACY_ALPHABET = (
    "\u00c7\u00e1\u00da\u00f0\u00c6\u200d\u064e\u00ad\u1d2d\u0300\u0654\U0001bc9eA \u200b\u2060"
)


@given(st.text(LEGACY_ALPHABET, max_size=24))
@settings(max_examples=EXAMPLES, deadline=None)
@example("\u00c7\u00e1\u00da \u00c7\u00e1\u00da \u00c7\u00e1A\u0654\u0300")
def test_legacy_tokens_are_cleaned_in_one_run(text: str) -> None:
    for profile in ("repair", "search"):
        assert_cleaned_in_one_run(Cleaner(profile, legacy_cp1256=True), text)


def test_the_letters_later_rules_write_as_latin1_letters() -> None:
    # U1 (NFC) and S6 (NFKC from U+0370) write these, and only these, as a Latin-1 letter.
    from arnorm.chars.encoding import _AS_LATIN1, LATER_LATIN1_LETTERS

    for letter, latin1 in _AS_LATIN1.items():
        assert unicodedata2.normalize("NFKC", letter) in (latin1, letter)

    letters = {chr(c) for c in [*range(0xC0, 0xD7), *range(0xD8, 0xF7), *range(0xF8, 0x100)]}
    written = {
        chr(c)
        for c in range(0x370, 0x110000)
        if unicodedata2.normalize("NFKC", chr(c)) in letters
        or unicodedata2.normalize("NFC", chr(c)) in letters
    }
    assert written <= set(LATER_LATIN1_LETTERS)
    # (an older unicodedata2 has not assigned the last two yet)
    unassigned = set(LATER_LATIN1_LETTERS) - written
    assert all(unicodedata2.category(letter) == "Cn" for letter in unassigned)


def _written_with(
    material: str, forms: tuple[str, ...], skip: Callable[[str], bool] = lambda c: False
) -> set[str]:
    """The characters from U+0370 (but ``skip``'s) that a later rule's normalization, each of
    ``forms``, changes into a text with a character of ``material``."""
    wanted = set(material)
    written = set()
    for code in range(0x370, 0x110000):
        character = chr(code)
        if 0xD800 <= code < 0xE000 or not unicodedata2.decomposition(character):
            continue
        if skip(character):
            continue
        for form in forms:
            normalized = unicodedata2.normalize(form, character)
            if normalized != character and not wanted.isdisjoint(normalized):
                written.add(character)
    return written


def test_the_characters_later_rules_write_as_an_e2_trigger() -> None:
    # U1 (NFC) and S6 (NFKC from U+0370) write these, and only these, as a text with one of
    # E2's mojibake characters: the pipeline judges E2 again only when the input had a trigger.
    from arnorm.chars.encoding import _LATIN_MOJIBAKE, LATER_E2_TRIGGERS

    written = _written_with(_LATIN_MOJIBAKE, ("NFKC", "NFC"))
    assert written <= set(LATER_E2_TRIGGERS)
    unassigned = set(LATER_E2_TRIGGERS) - written  # (an older unicodedata2)
    assert all(unicodedata2.category(character) == "Cn" for character in unassigned)


def test_the_characters_s6_writes_as_e1_material() -> None:
    # S6 (NFKC from U+0370, after U1's NFC) writes these, and only these besides the
    # presentation forms, as a text with a lead or a continuation character of E1: when it
    # rewrites one, the pipeline asks E1 about the output.
    from arnorm.chars.encoding import _CONTINUATION, _LEAD, LATER_E1_MATERIAL
    from arnorm.chars.forms import NOMINAL
    from arnorm.chars.tables import expand_class

    def skip(character: str) -> bool:  # (E1 reads the forms; S6 sees U1's NFC of the rest)
        return character in NOMINAL or unicodedata2.normalize("NFC", character) != character

    written = _written_with(_LEAD + _CONTINUATION, ("NFKC",), skip)
    listed = set(expand_class(LATER_E1_MATERIAL))
    assert written <= listed
    unassigned = {c for c in listed - written if unicodedata2.category(c) == "Cn"}
    assert len(listed - written - unassigned) <= 16  # (assigned, between them in a range)


# A later rule writes what an earlier document rule repairs.
LATER_RULE_WRITES_CASES = [
    # (mutation search, seed 25, thirteenth session; search profile) S6's NFKC wrote æ after
    # "\ufffd\ufffdŲ", and E2 repaired "Ųæ" (Windows-1257 D8 BF: ؿ) only on the next run.
    "\ufffd\ufffd\u0172\U00010783",
    "\ufffd\ufffd\u0172\U00010783\r",
    "\ufffd\ufffd\u0172\ua7f9",
    "\u0628 \ufffd\ufffd\u0172\U00010783 \u0628",
    # (mutation search, seed 27, fourteenth session; search profile) S6's NFKC wrote "ف—"
    # from "ف︱" after two pairs of "ط§": the next run found three pairs and repaired the
    # document.  Also E1's material from other compatibility characters (𞸈 is ط, ℃ is °C),
    # and a new sequence in a document E1 repaired already.
    "\u0637\u00a7\u0637\u00a7\u0641\ufe31",
    "\u0641\ufe31 \u0637\u00a7\u0637\u00a7",
    "\u0637\u00a7\u0637\u00a7\u0639\ufe32",
    "\u0641\ufe31\u0641\ufe31\u0641\ufe31",
    "\U0001ee08\u00a7\U0001ee08\u00a7\U0001ee08\u00a7",
    "\u0637\u2103\u0637\u2103\u0637\u2103",
    "\u0637\u00a7\u0637\u00a7\u0637\u00a7\u0637\u00a7 \u0641\ufe58",
]


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize("text", LATER_RULE_WRITES_CASES)
def test_regression_a_later_rule_writes_what_a_document_rule_repairs(
    profile: str, text: str
) -> None:
    assert_cleaned_in_one_run(Cleaner(profile), text)
    assert_cleaned_in_one_run(Cleaner(profile, punct="latin"), text)
    assert_cleaned_in_one_run(Cleaner(profile, drop_long_alef_marks=True), text)


# (random search, seed 1022, fourteenth session; egyptian_yeh=True) L4 judged "فـى" with its
# tatweel, which T1 deletes later: the next run wrote "في".
TATWEEL_IN_EGYPTIAN_YEH = [
    "\ufdfa\u0641\u0640\u0649",
    "\u0641\u0640\u0640\u0640\u0649 \u0627\u0644\u0628\u064a\u062a"
    " \u0627\u0644\u0643\u0628\u064a\u0631",
    "\ufdfa \u0627\u0644\u0640\u0630\u0649",
    "\ufdfa \u0648\u0640\u0644\u0640\u0644\u0640\u062a\u0640\u0649",
    "\ufdfa \u0648\u0640\u0647\u0649.",
]


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize("text", TATWEEL_IN_EGYPTIAN_YEH)
def test_regression_tatweel_inside_an_egyptian_yeh_word(profile: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile, egyptian_yeh=True), text)


def test_the_random_search_minimises_a_finding_to_what_fails() -> None:
    from tools.fuzz import minimise

    def fails(text: str) -> bool:
        return "\u0637\u00a7" in text and "\u200e" in text

    assert minimise("ab\u0637\u00a7cd\u200eef", fails) == "\u0637\u00a7\u200e"
    assert minimise("\u0637\u00a7\u200e", fails) == "\u0637\u00a7\u200e"


def test_the_combined_search_draws_settings_that_combine() -> None:
    import random

    from tools.fuzz import combined_settings

    settings = combined_settings(random.Random(0), 60)
    assert settings == combined_settings(random.Random(0), 60)  # a seed gives its run again
    for setting in settings:
        make_cleaner(setting)  # each is a valid configuration
        assert "unicode.renormalize" not in setting.get("disable", [])
    assert any(len(setting) >= 4 for setting in settings)  # several options at once
    assert any("enable" in s and "disable" in s for s in settings)
    assert any(
        s["profile"] == "repair" and "search.fold_alef" in s.get("enable", []) for s in settings
    )
    assert any("line_phrases" in s for s in settings)  # the user's own phrases
    assert any("trailer_headers" in s and "disable" not in s for s in settings)


# (mutation search, ninth session; default options) NFC put a mark of a lower class (a Brahmi
# or Grantha virama, class 9) in front of the marks U2 wrote for ﱠ on an NBSP: the next run
# turned the NBSP into a space and deduplicated the marks U2's match had not taken in.  And ﱝ
# (ى + superscript alef) counted as its mark on its last side: a ZWJ after it stayed.
MARKS_AFTER_A_FORM = [
    ("repair", "\ufc60\U0001134d\u0731\u0616"),
    ("repair", "\ufc60\U00011070\u0731\u0616\ufc60"),
    ("repair", "\ufc60\u05b0\u0616"),  # a Hebrew point (class 10)
    ("search", "\ufc60\U00011070\u0731\u0616\ufc60"),
    ("repair", "\ufc5d\ufe70\u200d\u0671\ufd33"),
    ("search", "\ufc5d\ufe70\u200d\u0671\ufd33"),
    # An Arabic mark beyond the BMP (U+10EF2, Unicode 17) before the marks of a form: NFC put
    # U2's fatha and shadda before it, on the "a" M5c then cleared on the next run.
    ("repair", "a\U00010ef2\u0653\ufc60"),
    ("search", "a\U00010ef2\u0653\ufc60"),
    # The same mark after a protected span and a mark NFC puts before it (mutation search, seed
    # 18, twelfth session; default options): it began the segment after the span, where U2's
    # fatha and shadda went before it and after the span's U+1DCE, out of canonical order.
    ("repair", "\u0664a\U00010ef2\u1dce\ufc60"),
    ("search", "\u0664a\U00010ef2\u1dce\ufc60"),
    ("repair", "x@y.z\U00010ef2\u1dce\ufe70"),
    ("repair", "COVID-19\u1dce\U00010ef2\ufc60"),
]


@pytest.mark.parametrize(("profile", "text"), MARKS_AFTER_A_FORM)
def test_regression_marks_after_a_form(profile: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile), text)


# (mutation search, seed 21, twelfth session; default options) I4 kept a ZWNJ before an Arabic
# mark but judged one before a mark of another script: ZWNJ + U+08E8 + ZWNJ + U+108D lost its
# second ZWNJ, NFC put U+108D (class 220) before U+08E8 (230), and the next run deleted the
# first.  A probe of 19,200 such texts (two ZWNJs around eight marks of several scripts and
# classes, between letters, spaces and edges) found 350 cleaned in two runs before, none after.
ZWNJ_BEFORE_A_MARK = [
    "\u200c\u08e8\u200c\u108d",
    "\u0628\u200c\u08e8\u200c\u108d\u062a",
    "\u200c\u064e\u200c\U00010ef2",
    "\u0628\u0301\u200c\u200c\u1dce",
]


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize("text", ZWNJ_BEFORE_A_MARK)
def test_regression_zwnj_before_a_mark_of_any_script(profile: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile), text)


@pytest.mark.parametrize("span", ["\u0664a", "a1", "x@y.z", "http://a.b/c"])
def test_the_marks_after_a_protected_span_are_its_own(span: str) -> None:
    # Every order of a mark of class 214 or 202, a non-starter beyond the BMP and an isolated
    # haraka form after a span (a probe of 12,000 such texts found 264 cleaned in two runs
    # before the span's tail took in the non-starters beyond the BMP, none after).
    cleaners = [Cleaner("repair"), Cleaner("search")]
    for parts in itertools.product(
        ["\u1dce", "\u0316"], ["\U00010ef2", "\U0001d165"], "\ufc60\ufe70"
    ):
        for order in itertools.permutations(parts):
            for cleaner in cleaners:
                assert_cleaned_in_one_run(cleaner, span + "".join(order))


# (mutation search, ninth session; default options, and at the session start) U2 attaches ﹰ to
# the mark U+033A on the Syriac letter ܒ; I4 and I5 (before U2) counted a form as attached only
# right after a letter U2 attaches forms to, which a Syriac letter is not: the ZWJ stayed, and
# the next run, reading ܒ + marks + ZWJ + ب, deleted it.
FORM_ON_A_MARK_OF_A_SYRIAC_LETTER = [
    "\u0712\u033a\ufe70\u200d\u0628",
    "\u0712\u033a\ufe70\u200c\u0628",
    "\u0712\ufe70\u200d\u0628",  # the form right after the Syriac letter: on an NBSP
]


@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize("text", FORM_ON_A_MARK_OF_A_SYRIAC_LETTER)
def test_regression_form_on_a_mark_of_a_syriac_letter(profile: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile), text)


# (mutation search, seed 8, on the final code of the ninth session) With S4
# (search.fold_hamza_seats) enabled in the repair profile, U2 wrote ﱢ as kasra and shadda on و
# and NFC then composed و + hamza above into ؤ after S4 had run; the next run folded it.  S1
# had the same gap for alef and madda or hamza.  The folds now read a seat as NFC composes it.
HAMZA_SEATS_COMPOSED_BY_NFC = [
    "\u0648\ufc62\u0654",  # the finding
    "\u064a\ufc62\u0654",
    "\u0627\ufc62\u0654",
    "\u0627\ufc62\u0655\u0654",  # إ, then أ on the next run
    "\u0627\u0653\ufc62",
    "\u0624\u0654",  # a second hamza mark after a composed seat
    "\u0649\u0654",  # S3 writes ي, which NFC composes with the hamza
    "\u0648\u0f73\u0654",  # a Tibetan vowel of class 0 that NFD makes two non-starters
]
SEAT_FOLDS = ["search.fold_hamza_seats", "search.fold_alef", "search.fold_alef_maksura"]


@pytest.mark.parametrize("text", HAMZA_SEATS_COMPOSED_BY_NFC)
@pytest.mark.parametrize("enable", [SEAT_FOLDS[:1], SEAT_FOLDS[1:2], SEAT_FOLDS])
def test_regression_hamza_seat_composed_by_nfc(text: str, enable: list[str]) -> None:
    assert_cleaned_in_one_run(Cleaner("repair", enable=enable), text)


def test_regression_hamza_seat_composed_by_nfc_is_folded() -> None:
    cleaner = Cleaner("repair", enable=SEAT_FOLDS)
    assert cleaner.clean("\u0648\ufc62\u0654") == "\u0648\u0650\u0651"
    assert cleaner.clean("\u0627\ufc62\u0655\u0654") == "\u0627\u0650\u0651"


# (a probe of every code point in the seat tests above, tenth session; the same at the session
# start) S1 enabled in the repair profile wrote a bare alef for أ after M4 had judged it a
# letter; the next run moved the fathatan before it.  The letter folds (S1-S4) now run before
# the mark rules.  The other inputs are letters the mark rules judge that a fold changes.
LETTERS_FOLDED_AFTER_THE_MARK_RULES = [
    "\u0648\u0623\u064b",  # وأً
    "\u0643\u062a\u0627\u0628\u0623\u064b",
    "\u0648\u0625\u064b",
    "\u0648\u0622\u064b",
    "\u0648\ufd3c\u0654",  # the form ﴼ (alef and fathatan), then a hamza mark
    "\u0645\u062f\u0631\u0633\u0629\u064b\u064e",  # ة (always final), then ه
    "\u0639\u0644\u0649\u064b",  # ى, then ي
    "\u0631\u0626\u064a\u0633\u064c\u064f",
]


@pytest.mark.parametrize("text", LETTERS_FOLDED_AFTER_THE_MARK_RULES)
@pytest.mark.parametrize("fold", [*SEAT_FOLDS, "search.fold_teh_marbuta"])
def test_regression_letters_folded_after_the_mark_rules(text: str, fold: str) -> None:
    assert_cleaned_in_one_run(Cleaner("repair", enable=[fold]), text)


def test_the_letter_folds_run_before_the_mark_rules() -> None:
    ids = [rule.id for rule in Cleaner("repair", enable=SEAT_FOLDS).rules]
    first_mark_rule = min(i for i, rule_id in enumerate(ids) if rule_id.startswith("marks."))
    assert all(ids.index(fold) < first_mark_rule for fold in SEAT_FOLDS)


# (the mutation templates under the new cross-profile settings of tools/fuzz.py, tenth session;
# the same at the session start) S1 enabled in the repair profile folds the waslas that made
# a document Quranic, which turns the mark rules off: the next run, no longer Quranic,
# repaired تٌفرض.  A rule that lowers a count that can turn a gate off now has the gates
# read again, as one that raises a count did.
WASLAS_FOLDED_AFTER_THE_GATES = [
    "\u0671\u0644\u062d\u0645\u062f \u0671\u0644\u0639\u0627\u0644\u0645\u064a\u0646"
    " \u0671\u0644\u0631\u062d\u0645\u0646 \u062a\u064c\u0641\u0631\u0636",
]


@pytest.mark.parametrize("text", WASLAS_FOLDED_AFTER_THE_GATES)
def test_regression_waslas_folded_after_the_gates(text: str) -> None:
    cleaner = Cleaner("repair", enable=["search.fold_alef"])
    assert_cleaned_in_one_run(cleaner, text)
    assert cleaner(text).endswith("\u062a\u064f\u0641\u0631\u0636")  # تُفرض


def test_only_the_rules_that_change_a_count_have_the_gates_read_again() -> None:
    from arnorm.catalogue import CATALOGUE
    from arnorm.pipeline import COUNTS_LOWERED, COUNTS_RAISED, _shifts_counts

    flags = {rule.id: _shifts_counts(rule) for rule in CATALOGUE}
    assert flags["search.fold_alef"] == COUNTS_LOWERED  # ٱ
    assert flags["search.fold_hamza_seats"] == COUNTS_RAISED  # ي
    assert flags["letters.farsi_yeh"] & COUNTS_RAISED
    assert flags["search.fold_teh_marbuta"] == 0  # fewer Arabic letters turn rules off only
    assert flags["marks.stray_initial_mark"] == 0  # off in Quranic text
    assert flags["search.fold_alef_maksura"] == 0  # within a group


# (the same cross-profile settings, tenth session) S5 enabled in the repair profile ran before
# U2 wrote the marks of the presentation forms (ﹶ, ﱢ, ﴼ): the next run deleted them.  S5 now
# deletes the forms of marks and writes the letter of a form with a mark.
FORMS_WITH_MARKS_UNDER_S5 = [
    "\u0628\ufe76",
    "\u0627\u0653\ufc62",
    "\u0627\ufc62\u0654",
    "\u0628\u200b\ufc5f",
    "\u0648\ufd3c\u0654",
    "\u0643\u062a\u0627\u0628 \ufe76 \u0646\u0635",
    "\u00a0\ufe76",
    "\ufcf2\u0628\ufc5b",
]


@pytest.mark.parametrize("text", FORMS_WITH_MARKS_UNDER_S5)
def test_regression_forms_with_marks_under_s5_in_repair(text: str) -> None:
    from arnorm.chars.tables import MARK_CLASS

    cleaner = Cleaner("repair", enable=["search.strip_diacritics"])
    assert_cleaned_in_one_run(cleaner, text)
    assert not re.search(f"[{MARK_CLASS}]", cleaner(text))


# (random search, seed 1012, with the cross-profile settings, tenth session) S2 enabled in the
# repair profile wrote ه (which joins the next letter) for ة (which does not) after I5 had kept
# the ZWJ after it; the next run deleted the ZWJ.  S2 judges that ZWJ again as I5 does.
ZWJ_AFTER_A_FOLDED_TEH_MARBUTA = [
    "\u0629\u200d\u0671",
    "\u0629\u200d\u0628",
    "\u0629\u064e\u200d\u0628",
    "\u0629\u200d ",
    "\u0629\u200d\U0001f600",
]


@pytest.mark.parametrize("text", ZWJ_AFTER_A_FOLDED_TEH_MARBUTA)
@pytest.mark.parametrize("profile", ["repair", "search"])
def test_regression_zwj_after_a_folded_teh_marbuta(text: str, profile: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile, enable=["search.fold_teh_marbuta"]), text)


# (random search, seed 1026, fifteenth session) S2 enabled in the repair profile folded the ة
# of a document judged visual (its reversed signals: words that start with ة or ى), which U2
# had left its ligature in; on the output, no longer visual, the next run mapped it.  A rule
# that changes a letter V1's score reads makes the pipeline read the gate again at the end
# when it was on.  "ﺔﻴﺑﺮﻌﻟا"-like reversed words, a ligature and each signal letter.
VISUAL_GATE_TURNED_OFF = [
    (
        "search.fold_teh_marbuta",
        "\xd8\xa7\xd9\u201e\ufefb\u061f\xd8\xa7\xd9\x84a\u0629\u0626\xd8\u0649\u0637",
    ),
    (
        "search.fold_teh_marbuta",
        "\u0627\u0644\ufefb\u061f\u0627\u0644a\u0629\u0626\xd8\u0649\u0637",
    ),
    (
        "search.fold_alef_maksura",
        "\u0649\u0628\u0628 \u0649\u0628\u0628 \u0649\u0628\u0628 \u0629\u0628 \u0628\u0649 \ufefb",
    ),
    (
        "search.fold_teh_marbuta",
        "\u0629\u0628\u0628 \u0629\u0628\u0628 \u0629\u0628\u0628 \u0628\u0629 \u0628\u0629 \ufefb",
    ),
]

_VISUAL_PIECES = [
    "\u0629\u0628\u0631",  # ة starts a word (reversed)
    "\u0649\u0644\u0639",
    "\u0628\u0629",  # ends a word (forward)
    "\u0628\u0649",
    "\u0627\u0644\u0628",
    "\u0628\u0628\u0644\u0623",  # a final لأ: لا once S1 folds it
    "\u0628\u0628\u0644\u0627",
    "\ufefb",
    "\ufe8e",
    "\u064e",
    " ",
    "\n",
]


@pytest.mark.parametrize(("rule_id", "text"), VISUAL_GATE_TURNED_OFF)
def test_regression_a_fold_turns_the_visual_gate_off(rule_id: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner("repair", enable=[rule_id]), text)


@given(
    st.lists(st.sampled_from(_VISUAL_PIECES), max_size=16).map("".join),
    st.sampled_from(["search.fold_alef", "search.fold_teh_marbuta", "search.fold_alef_maksura"]),
)
@settings(max_examples=EXAMPLES, deadline=None)
def test_folds_in_documents_near_the_visual_threshold(text: str, rule_id: str) -> None:
    assert_cleaned_in_one_run(Cleaner("repair", enable=[rule_id]), text)


def test_the_rules_that_shift_the_visual_signals() -> None:
    # The letter rules that take or write a letter V1's score reads, and are not turned off
    # by the visual gate themselves.
    cleaner = Cleaner("search", egyptian_yeh=True)
    assert {rule.id for rule in cleaner.rules if _shifts_signals(rule)} == {
        "letters.farsi_yeh",  # ی (read as ى at a word's end)
        "letters.heh_variants",  # ۃ (read as ة)
        "letters.egyptian_yeh",
        "search.fold_alef",
        "search.fold_teh_marbuta",
        "search.fold_alef_maksura",
    }


# (tools/fuzz.py --combine, sixteenth session) Configurations that combine options with rules
# enabled by name, which the settings that change one thing at a time never met.  Each entry:
# the profile and options, the text.
COMBINED_SETTINGS: list[tuple[dict[str, Any], str]] = [
    # Seed 37: I4 (strip_zwnj) read the Arabic gate itself, on two Arabic letters, and kept the
    # ZWNJ; S4 then wrote a third (ئ → ي), and the next run deleted it.  I4 now asks to be
    # applied again to the output when it declined.
    (
        {"profile": "repair", "strip_zwnj": True, "enable": ["search.fold_hamza_seats"]},
        "\u0629\u0649\u200c\u0626",
    ),
    (
        {"profile": "repair", "strip_zwnj": True, "enable": ["search.fold_hamza_seats"]},
        "\u0643\u062a\u0628 \u0649\u200c\u0626",
    ),
    # The same gate read by I4 changes when the line phase removes a duplicate line with
    # Persian letters (6 Arabic markers against 4 Persian, then 2): found while fixing it.
    (
        {"profile": "repair", "strip_zwnj": True},
        "مدرسة مدرسة مدرسة مدرسة مدرسة مدرسة ب\u200cت\n"
        "سطر حسن پ سطر حسن پ سطر حسن\nسطر حسن پ سطر حسن پ سطر حسن",
    ),
    # L4 (egyptian_yeh) ran before the search's letter folds, which write the letters of its
    # words: S2 made "ةى" "هى", S4 "ؤهى" "وهى", S1 "ٱلذى" "الذى", and the next run wrote ي
    # (the probe of the fifteenth session; S1 and S4 by a probe of this one).  L4 now runs
    # after them.
    (
        {
            "profile": "repair",
            "egyptian_yeh": True,
            "lang": "ar",
            "enable": ["search.fold_teh_marbuta"],
        },
        "ةى",
    ),
    (
        {
            "profile": "repair",
            "egyptian_yeh": True,
            "lang": "ar",
            "enable": ["search.fold_teh_marbuta"],
        },
        "نص الخبر وةى",
    ),
    (
        {
            "profile": "repair",
            "egyptian_yeh": True,
            "lang": "ar",
            "enable": ["search.fold_hamza_seats"],
        },
        "نص الخبر ؤهى",
    ),
    (
        {"profile": "repair", "egyptian_yeh": True, "lang": "ar", "enable": ["search.fold_alef"]},
        "نص الخبر ٱلذى إلتى",
    ),
    (
        {"profile": "repair", "egyptian_yeh": True, "lang": "ar", "enable": ["search.fold_alef"]},
        "ﷺٱلذى",
    ),
    # Seed 39: with I2 disabled, S7 deleted a soft hyphen without one in its trigger, so the
    # pipeline (which skipped S7) and the reference path (which ran it) differed.
    ({"profile": "search", "boilerplate": False, "disable": ["invisible.soft_hyphen"]}, "\xad"),
    (
        {"profile": "search", "disable": ["invisible.soft_hyphen"]},
        "\u0643\u062a\u0627\xad\u0628",
    ),
    # Seed 41: with U1 disabled, M5c read U+1DCA (a Latin mark outside U+0300-U+036F) as the
    # end of the digit's cluster and kept the fathatan after it; the final NFC put the
    # fathatan first, and the next run deleted it.  Every non-starter is in the cluster now.
    ({"profile": "repair", "boilerplate": False, "disable": ["unicode.nfc"]}, "3\u1dca\u064b"),
    ({"profile": "repair", "disable": ["unicode.nfc"]}, "\u0646\u0635 x\u20d0\u064b\u20d0 y"),
    # The mutation search, seed 37, right after that change: U+0487, a Cyrillic mark that
    # FOREIGN_BASE_CLASS counts as a base, was in the cluster too; the pattern of M5c (explain)
    # and its fast path (clean) read "ب" U+0487 CGJ fathatan differently.
    ({"profile": "repair"}, "\u0487\u034f\u064b"),
    ({"profile": "repair", "quotes": "curly"}, "\U00022586\u0628\u0487\u034f\u064b\u0e48"),
    # Seed 44: S5 enabled in the repair profile deleted the form of a mark (ﱣ, ﹶ) between
    # Latin-1 letters, which made a third legacy token that E3 had not read; the next run
    # decoded all three.  S5 asks for E3 to be applied again to the output.
    (
        {"profile": "repair", "legacy_cp1256": True, "enable": ["search.strip_diacritics"]},
        "\xc7\xe1A\u0300 \xc7\xe1\xda \xc7\ufc63\xe1\xda",
    ),
    (
        {"profile": "repair", "legacy_cp1256": True, "enable": ["search.strip_diacritics"]},
        "\xc7\xe1\xda \xc7\xe1\xda \xc7\ufe76\xe1\xda",
    ),
]


@pytest.mark.parametrize(
    ("setting", "text", "expected"),
    [
        (
            {"egyptian_yeh": True, "lang": "ar", "enable": ["search.fold_teh_marbuta"]},
            "نص الخبر ةى",
            "هي",
        ),
        (
            {"egyptian_yeh": True, "lang": "ar", "enable": ["search.fold_hamza_seats"]},
            "نص الخبر ؤهى",
            "وهي",
        ),
        (
            {"egyptian_yeh": True, "lang": "ar", "enable": ["search.fold_alef"]},
            "نص الخبر ٱلذى",
            "الذي",
        ),
        ({"egyptian_yeh": True, "lang": "ar"}, "نص الخبر فـى", "في"),
    ],
)
def test_egyptian_yeh_reads_the_letters_the_folds_write(
    setting: dict[str, Any], text: str, expected: str
) -> None:
    assert Cleaner("repair", **setting)(text).split()[-1] == expected


@pytest.mark.parametrize(("setting", "text"), COMBINED_SETTINGS)
def test_regression_combined_settings(setting: dict[str, Any], text: str) -> None:
    assert_cleaned_in_one_run(make_cleaner(setting), text)


# (tools/fuzz.py --combine, seed 47, seventeenth session: the first run with a user's phrase)
# E1 repaired doubly encoded lines once and stopped, the pairs left outweighed by the letters of
# another line; when the line phase removed that line (a user's phrase, a trailer, a duplicate),
# the next run repaired them again.  E1 now asks about the output when lines go.  Default
# options too: 43 of 147 such documents of a probe took two runs.
_DOUBLY_ENCODED = "\u0637\xb9\xa7\u0637\xb9\xa6\u063a\xe2\u20ac\xa6\u0639\u2026"
E1_BEFORE_REMOVED_LINES: list[tuple[dict[str, Any], str]] = [
    (
        {"profile": "repair", "line_phrases": ("مواد ذات علاقة",)},
        _DOUBLY_ENCODED + "\nمواد ذات علاقة\n\u0637\xa7\u0637\xa7",
    ),
    ({"profile": "repair"}, _DOUBLY_ENCODED + "\nسلام\nسلام\n\u0637\xa7\u0637\xa7"),
    ({"profile": "repair"}, _DOUBLY_ENCODED + "\nقد يهمك\nسلا\n\u0637\xa7\u0637\xa7"),
    ({"profile": "search"}, _DOUBLY_ENCODED + "\nسلام\nسلام\n\u0637\xa7\u0637\xa7"),
]


@pytest.mark.parametrize(("setting", "text"), E1_BEFORE_REMOVED_LINES)
def test_regression_e1_judged_before_lines_were_removed(setting: dict[str, Any], text: str) -> None:
    cleaner = make_cleaner(setting)
    assert_cleaned_in_one_run(cleaner, text)
    if setting["profile"] == "repair":  # (search writes "..." for "…": another count)
        assert cleaner(text).startswith("\u06a7\u06a6\u06c5\u0685")  # ڧڦۅڅ: both layers


# With unicode.nfc (U1) disabled, the rules judge marks in the order the input has them, and the
# final NFC may change it: a non-Arabic mark between two Arabic ones (M1, M4 read them apart;
# NFC brings them together), or a letter-like character NFC writes as another (Ω U+2126 is no
# base for M5c, U+03A9 is).  Seventeenth session: combined search (seed 46: U+1E023) and a probe
# of equivalent spellings.  The pipeline cleans an output the final NFC changed again; the
# classes M5 reads bases with are closed under canonical equivalence.
WITHOUT_U1: list[str] = [
    "\u0631\u0627\U0001e023\u064b",  # alef, a Glagolitic mark (230), fathatan (27)
    "\u0631\u0627\U00011101\u064b",
    "\u0651\U00016b33\u0651",  # shadda, a Pahawh Hmong mark (230), shadda
    "\u064e\U00010ecb\u064e",
    "\u0628\u064b\u0318\u064e",  # a BMP mark of class 220 between two harakat
    "\u0626\u064c\U0001e010\u064f",
    "\u2126\u064e",  # OHM SIGN, NFC Ω (U+03A9)
    "\u1fbb\u064b \u0628",  # Greek Extended: NFC U+0386
    "x \u0387\u064e\u0628",  # ANO TELEIA, NFC · (U+00B7), before a stray fatha (M5a)
    "\u0628\u037e\u064b\u0626",  # GREEK QUESTION MARK, NFC ;
    "\u3008\u212b\u064b\u0641",  # ANGSTROM SIGN, NFC Å
    "\u2329\u064e\u0628",  # LEFT-POINTING ANGLE BRACKET, NFC 〈 (U+3008)
]


@pytest.mark.parametrize("text", WITHOUT_U1)
@pytest.mark.parametrize("profile", ["repair", "search"])
def test_regression_marks_judged_without_u1(profile: str, text: str) -> None:
    assert_cleaned_in_one_run(Cleaner(profile, disable=["unicode.nfc"]), text)


# (combined search, seed 48, seventeenth session) Without U1, a protected span that NFC
# composes ("x@y.z" + U+0301 is one span) stayed as it was: the final NFC runs between spans.
# The pipeline composes the spans with the rest when U1 is disabled (not with M6).
@pytest.mark.parametrize(
    "text",
    ["x@y.z\u0301", "http://a.b/c\u0301 \u0628\u0651\u064e", "\u0628 x@y.z\u0301\u064e"],
)
@pytest.mark.parametrize("profile", ["repair", "search"])
def test_regression_spans_composed_without_u1(profile: str, text: str) -> None:
    cleaner = Cleaner(profile, disable=["unicode.nfc"])
    assert_cleaned_in_one_run(cleaner, text)
    once = cleaner(text)
    assert unicodedata2.normalize("NFC", once) == once
    assert once == Cleaner(profile)(text)  # as U1 composes them
    assert cleaner.explain(text).replay() == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0628\u0483\u064e", "\u0628\u064e\u0483"),  # a Cyrillic mark is no base (M5c)
        ("\u1ea1\u064e \u0628", "\u1ea1 \u0628"),  # ạ is a Latin letter: its fatha goes
        ("\u1f00\u064b \u0628", "\u1f00 \u0628"),  # so is ἀ (Greek Extended)
        ("\u03f6\u064e\u0628", "\u03f6\u064e\u0628"),  # a symbol is no letter: kept, as €
    ],
)
def test_marks_on_non_arabic_letters_of_any_latin_greek_block(text: str, expected: str) -> None:
    assert Cleaner()(text) == expected


# (mutation search, seed 14, eleventh session; default options) L3 wrote ه (which joins the
# next letter) for ە (which does not) after I5 had kept the ZWJ after it; ﷺ made the document
# Arabic enough for L3 to run.  L3 judges that ZWJ again as I5 does.  ﯬ is ئە.
ZWJ_AFTER_A_WRITTEN_HEH = [
    "\ufdfa\u06d5\u200d\u064a",
    "\ufdfa\u034f\u06d5\u200d\u064a",
    "\ufdfa\ufbec\u200d\u064a",
    "\u0627\u0644\u0643\u062a\u0627\u0628 \u06d5\u200d\u064a",
    "\u06d5\u064e\u200d\u0628",
]


@pytest.mark.parametrize("text", ZWJ_AFTER_A_WRITTEN_HEH)
@pytest.mark.parametrize("options", [{}, {"lang": "ar"}, {"mark_order": "display"}])
def test_regression_zwj_after_a_written_heh(text: str, options: dict[str, str]) -> None:
    assert_cleaned_in_one_run(Cleaner(**options), text)


# The family of the two above: a letter rule (L, S) that writes a letter joining on another
# side than the one it read.  Each trigger character of each such rule, with a ZWJ on either
# side and letters around, in a document the rule runs on (lang="ar"), cleaned in one run.
_LETTER_RULES = [rule for rule in CATALOGUE if rule.family in ("letters", "search")]
_ZWJ_TEMPLATES = [
    "\ufdfa{x}\u200d\u064a",
    "\u0628{x}\u200d\u0628",
    "\u0628\u200d{x}",
    "\u0628\u200d{x}\u0628",
    "{x}\u064e\u200d\u0628",
    "\u0628{x}\u200d ",
]


@pytest.mark.parametrize("rule", _LETTER_RULES, ids=[rule.id for rule in _LETTER_RULES])
def test_letter_rules_judge_the_zwj_beside_what_they_write(rule: Rule) -> None:
    cleaner = Cleaner("repair", lang="ar", enable=[rule.id])
    # (S6, NFKC, has no trigger: the presentation forms of letters are what it writes anew)
    forms = "".join(map(chr, [*range(0xFB50, 0xFC00), *range(0xFE70, 0xFF00)]))
    characters = sorted(set(rule.trigger or forms))
    for template, character in itertools.product(_ZWJ_TEMPLATES, characters):
        assert_cleaned_in_one_run(cleaner, template.format(x=character))


def test_the_mutation_search_starts_from_the_regression_inputs() -> None:
    import random

    from tools.fuzz import mutate, mutation_templates

    templates = mutation_templates()
    assert LEGACY_TOKENS_JOINED_LATER[0] in templates
    assert "\ufffd\ufffd\u0172\u00a9\r" in templates
    rnd = random.Random(1)
    changed = 0
    for template in templates[:200]:
        mutated = mutate(template, rnd, ["\u200d", "\u064e"])
        assert abs(len(mutated) - len(template)) <= 3
        changed += mutated != template
    assert changed > 150


def test_e1_keeps_what_it_repairs_across() -> None:
    # The fatha inside a sequence is kept after the letter the sequence decodes to.
    assert Cleaner()(
        "\u0637\u00a7\u0644\u0639\u0637\u00b1\u0637\u064e\u00a8\u0638\u0679\u0637\u00a9"
    ) == ("\u0627\u0644\u0639\u0631\u0628\u064e\u064a\u0629")


MOJIBAKE_PIECES = [
    "ط", "ظ", "ع", "غ", "â€¦", "…", "³", "²", "ب", "\n", "ا", "ل", "ﱣ", "Ø", "§", "Ù",
    "„", "ي", "ـ", " ", "Ã", "©", "ﻻ", "ط§", "ظ„", "ط¹", "\u064e", "\u200e", "\u034f",
    "\u0301", "\u200d", "\u200b", "\ufe0f", "\u2066",
]  # fmt: skip


@pytest.mark.parametrize(("profile", "text"), ENCODING_ORDER_CASES)
def test_regression_encoding_repairs_judged_before_later_rules(profile: str, text: str) -> None:
    cleaner = Cleaner(profile)
    assert_cleaned_in_one_run(cleaner, text)


@pytest.mark.parametrize("boilerplate", [True, False])
@pytest.mark.parametrize(
    "text",
    [
        "\ufffd\ufffd\u0172\u00a9\r",
        "\ufffd\ufffd\u0172\u00a9\r\u0153",
    ],
)
def test_regression_e2_repairs_only_lines_with_its_trigger(boilerplate: bool, text: str) -> None:
    # (mutation search, ninth session) ftfy repaired "Ų©" (Windows-1257) after two U+FFFD when
    # a Latin-1 character elsewhere ran E2 (the reference path, which runs every rule) and
    # left it when none did (the fast path): E2 gives ftfy only the lines with a character of
    # its trigger, as its docstring says (Latin-1, Windows-1252, MacRoman).
    cleaner = Cleaner(boilerplate=boilerplate)
    assert_cleaned_in_one_run(cleaner, text)
    assert "\u0172\u00a9" in cleaner(text)


@given(st.lists(st.sampled_from(MOJIBAKE_PIECES), max_size=30).map("".join))
@settings(max_examples=EXAMPLES, deadline=None)
def test_mojibake_pieces_are_cleaned_in_one_run(text: str) -> None:
    for cleaner in (Cleaner(), Cleaner("search")):
        once = cleaner(text)
        assert cleaner(once) == once


# Found by tools/fuzz.py (atheris) in the sixth session: S7 kept a ZWJ beside 🉈 (an emoji),
# S6 then wrote its NFKC 〔敗〕, and the next run deleted the ZWJ.  S7's emoji are the ones
# NFKC leaves alone.
@given(st.text("\u200d\U0001f248\U0001f468\u2122\u24c2\u203c\u00a9a\u0628 ", max_size=12))
@settings(max_examples=EXAMPLES, deadline=None)
@example("\u200d\U0001f248")
def test_regression_joiner_beside_an_emoji_nfkc_rewrites(text: str) -> None:
    cleaner = Cleaner("search")
    once = cleaner(text)
    assert cleaner(once) == once
    assert cleaner.explain(text).output == once


# Found by tools/fuzz.py (atheris) in the sixth session: M5c judged a run of Arabic marks after
# a CGJ (a Latin accent) apart from the run before it; on ٢ِ͏ً the kasra went, and the next run
# found ً after the digit and its CGJ and deleted it.  The marks of a base are now one match.
@given(st.text("2\u0662aب\u0650\u064b\u034f\u0300 ", max_size=16))
@settings(max_examples=EXAMPLES, deadline=None)
@example("\u0662\u0650\u034f\u064b")
def test_regression_marks_after_a_cgj_on_a_digit(text: str) -> None:
    cleaner = Cleaner(digits="arabic")
    assert_cleaned_in_one_run(cleaner, text)


def test_marks_on_a_digit_are_judged_with_its_accents_and_cgj() -> None:
    assert Cleaner(digits="arabic")("\u0662\u0650\u034f\u064b") == "\u0662\u034f"
    assert arnorm.clean("\u0628\u0650\u034f\u064b") == "\u0628\u0650\u034f\u064b"


# Found by tools/fuzz.py (atheris) in the fifth session, fixed in the sixth: with
# expand_honorifics=True, I5 keeps a ZWJ between a letter and ﷺ (a ligature that does not
# join); the honorifics rule wrote the words, and the next run deleted the ZWJ between two
# letters that join anyway.  The honorifics rule now takes the joiners beside a ligature.
JOINER_BESIDE_HONORIFIC = "\u0628\u200d\ufdfa"


# (Seventh session, tools/fuzz.py --random: a CGJ between the ligature and the ZWJ.)
@given(
    st.text("\u0628\u0627\u0647 \u064e\u0640\u200d\u200c\u034f\ufdfa\ufdfb1\U0001f600", max_size=20)
)
@settings(max_examples=EXAMPLES, deadline=None)
@example(JOINER_BESIDE_HONORIFIC)
@example("\ufdfa\u034f\u200d\u064a")
@example("\ufdfa\u200d\u0628")
@example("\ufdfa\u200d\u200d\ufdfb\u200d")
def test_regression_joiner_beside_an_expanded_honorific(text: str) -> None:
    cleaner = Cleaner(expand_honorifics=True)
    assert_cleaned_in_one_run(cleaner, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (JOINER_BESIDE_HONORIFIC, "ب صلى الله عليه وسلم"),
        ("\ufdfa\u200d\u0628", "صلى الله عليه وسلم ب"),
        ("\ufdfa\u200d\ufdfb", "صلى الله عليه وسلم جل جلاله"),
        ("\U0001f600\u200d\ufdfa", "\U0001f600صلى الله عليه وسلم"),
    ],
)
def test_the_joiners_beside_an_expanded_honorific_go_with_it(text: str, expected: str) -> None:
    assert Cleaner(expand_honorifics=True)(text) == expected


def test_the_joiners_beside_honorifics_are_taken_in_linear_time() -> None:
    # The run pattern starts a run of ZWJs from its first one only: 10,000 joiners and no
    # ligature after them is one attempt, not 10,000 (an assertion on the result, not a time).
    text = "\u200d" * 10_000 + "\u0628 \ufdfa"
    once = Cleaner(expand_honorifics=True, disable=["invisible.zwj"])(text)
    assert once == "\u200d" * 10_000 + "\u0628 صلى الله عليه وسلم"


# Found by tools/fuzz.py (atheris) at the end of the fifth session, fixed in the sixth: E1
# decided from the whole document whether it is Windows-1256 mojibake (the pairs make up half
# of its Arabic letters); the line phase then removed a duplicate line, and the next run
# decided on fewer letters and repaired.  E1's decision is now a gate
# (``Context.not_cp1256_mojibake``), so the pipeline cleans again when removed lines change it.
E1_AFTER_LINE_REMOVAL = (
    "\u0628\u0628\u0628\u0628\u0632\u063a\u062d\u0637\u00b3\u0637\u00b2\u0637\u00b2"
    "\u0628\n\u0637\n\u0637"
)


# And in the sixth session: in the search profile S6 and S7 (document rules after E1) changed
# the text, and the context of the text they left did not have E1's gate; the gate that turned
# a document rule off is now kept in it, and judged again at the end.
E1_AFTER_SEARCH_FOLDS = (
    "\u0632\u063a\u062d\u0637\u00b3\ufc63\u0637\u00b2\u0637\u00b3\u0628\u0628\u0628\u0628\u0628"
    "\n\u0628\n\u0628"
)


@pytest.mark.parametrize(
    ("profile", "text"),
    [("repair", E1_AFTER_LINE_REMOVAL), ("search", E1_AFTER_LINE_REMOVAL),
     ("search", E1_AFTER_SEARCH_FOLDS)],
)  # fmt: skip
def test_regression_cp1256_decision_read_on_removed_lines(profile: str, text: str) -> None:
    cleaner = Cleaner(profile)
    once = cleaner(text)
    assert cleaner(once) == once
    assert "\u0637\u00b2" not in once  # decided on what is left: mojibake, repaired
    report = cleaner.explain(text)
    assert report.output == once


def test_regression_tanween_before_decomposed_alef_madda_without_nfc() -> None:
    # Found by test_properties' long profile: stray_tanween read alef + U+0653 (a decomposed
    # آ) as a support alef; renormalize composed آ and the next run converted the tanween.
    cleaner = Cleaner(disable=["unicode.nfc"])
    for text in ("\u0628\u064b\u0627\u0653", "\u0620\u064b\u0627\u0653 ب"):
        once = cleaner(text)
        assert cleaner(once) == once
        assert once == arnorm.clean(text, boilerplate=True)  # the same as with NFC first


def test_regression_explain_is_linear_on_repetitive_text() -> None:
    # diff_edits used difflib: 2,000 characters of "أب" took 52 s to explain with "search".
    before, after = "أب" * 50_000, "اب" * 50_000
    edits = diff_edits(before, after)
    assert len(edits) == 50_000 and apply_edits(before, edits) == after
    before = "ا\u0654ب" * 30_000  # lengths differ: NFC composes
    after = unicodedata2.normalize("NFC", before)
    edits = diff_edits(before, after)
    assert len(edits) == 30_000 and apply_edits(before, edits) == after
    report = Cleaner("search").explain("أب" * 20_000)
    assert report.replay() == report.output == "اب" * 20_000


@given(st.text("أاب\u0654ءX", max_size=30), st.text("أاب\u0654ءX", max_size=30))
@settings(max_examples=EXAMPLES, deadline=None)
def test_diff_edits_always_replay(before: str, after: str) -> None:
    edits = diff_edits(before, after)
    assert apply_edits(before, edits) == after
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))


# -- no content lost: correct text is a fixed point ------------------------------------------


def _fixture(path: Path) -> tuple[dict[str, str], str]:
    head, _, text = path.read_text("utf-8").partition("\n---\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines())
    return meta, text.removesuffix("\n")


def _options(meta: dict[str, str]) -> dict[str, object]:
    values = {"True": True, "False": False}
    pairs = (item.split("=", 1) for item in meta.get("options", "").split())
    return {name: values.get(value, value) for name, value in pairs}


def _fixture_param(path: Path) -> object:
    meta, _ = _fixture(path)
    marks = [pytest.mark.xfail(strict=True, reason=meta["xfail"])] if "xfail" in meta else []
    return pytest.param(path, id=path.stem, marks=marks)


def test_fixed_point_corpus_is_complete() -> None:
    names = {path.stem for path in FIXED_POINTS}
    wanted = {"msa_vocalised", "msa_plain", "quran", "persian", "urdu", "english", "code"}
    assert wanted | {"urls_emails", "emoji"} <= names
    for path in FIXED_POINTS:
        meta, text = _fixture(path)
        assert meta["source"] and meta["expect"] in ("unchanged", "nfc") and text


@pytest.mark.parametrize("path", [_fixture_param(p) for p in FIXED_POINTS])
def test_correct_text_is_a_fixed_point(path: Path) -> None:
    meta, text = _fixture(path)
    expected = unicodedata2.normalize("NFC", text) if meta["expect"] == "nfc" else text
    options = _options(meta)
    assert arnorm.clean(text, **options) == expected
    # Each line alone too (the gates see less text), and with the other options.
    for line in text.split("\n"):
        if line.strip():
            expected_line = expected.split("\n")[text.split("\n").index(line)]
            assert arnorm.clean(line, **options) == expected_line
    for extra in ({"lang": "ar"}, {"digits": "keep"}, {"boilerplate": False}):
        if meta["expect"] == "unchanged" and not (set(extra) & set(options)):
            if "lang" in extra and any(c in text for c in PERSIAN_MARKERS):
                continue  # lang="ar" on Persian text asks for the Arabic look-alike repairs
            assert arnorm.clean(text, **options, **extra) == expected, extra


def test_quranic_text_is_only_nfc_normalised() -> None:
    _, text = _fixture(Path(__file__).parent / "fixtures" / "fixed_points" / "quran.txt")
    decomposed = unicodedata2.normalize("NFD", text)
    assert decomposed != text
    assert arnorm.clean(decomposed) == unicodedata2.normalize("NFC", text)


# -- deterministic and safe to share ---------------------------------------------------------


def _documents() -> list[str]:
    documents = [ordinary_text()]
    documents += [_fixture(path)[1] for path in FIXED_POINTS]
    documents += [case.text(500) for case in CASES[::5]]
    return documents


def _digest(cleaner: Cleaner, documents: list[str]) -> str:
    digest = hashlib.sha256()
    for document in documents:
        digest.update(cleaner(document).encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


_CHILD = """
import sys
sys.path.insert(0, {root!r})
from tests.test_hardening import CLEANERS, _digest, _documents
documents = _documents()
print(" ".join(_digest(cleaner, documents) for cleaner in CLEANERS))
"""


def test_same_output_in_other_processes() -> None:
    documents = _documents()
    here = " ".join(_digest(cleaner, documents) for cleaner in CLEANERS)
    for seed in ("0", "4242"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        child = subprocess.run(
            [sys.executable, "-c", _CHILD.format(root=str(ROOT))],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        assert child.stdout.split() == here.split()


def test_cleaners_and_pipelines_pickle_to_the_same_behaviour() -> None:
    documents = _documents()
    for cleaner in CLEANERS:
        data = pickle.dumps(cleaner)
        assert len(data) < 2_000  # settings, not compiled patterns
        copy = pickle.loads(data)
        pipeline = pickle.loads(pickle.dumps(cleaner.pipeline))
        assert isinstance(pipeline, Pipeline)
        for document in documents:
            expected = cleaner(document)
            assert copy(document) == expected
            assert pipeline(document) == expected
    for rule in CATALOGUE:
        assert pickle.loads(pickle.dumps(rule)) is rule


def test_eight_threads_give_the_same_output() -> None:
    documents = _documents()
    for cleaner in CLEANERS[:3]:
        expected = [cleaner(document) for document in documents]
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda c: [c(d) for d in documents], [cleaner] * 8))
        assert all(result == expected for result in results)
        with ThreadPoolExecutor(max_workers=8) as pool:  # one cleaner per document, too
            assert list(pool.map(cleaner, documents * 4)) == expected * 4


def _module_state() -> dict[str, bytes]:
    import importlib
    import pkgutil

    state = {}
    for info in pkgutil.walk_packages(arnorm.__path__, "arnorm."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, list | dict | set | bytearray) and not name.startswith("__"):
                state[f"{info.name}.{name}"] = pickle.dumps(value)
    return state


def test_cleaning_mutates_no_module_state() -> None:
    before = _module_state()
    for cleaner in CLEANERS:
        for document in _documents():
            cleaner(document)
            cleaner.explain(document[:2000])
    assert _module_state() == before


# -- error contract ----------------------------------------------------------------------------

NOT_STR = [b"bytes", bytearray(b"x"), memoryview(b"x"), None, 42, 3.5, ["list"], object()]


@pytest.mark.parametrize("value", NOT_STR, ids=lambda v: type(v).__name__)
def test_non_str_input_raises_type_error_naming_the_type(value: object) -> None:
    calls = [
        arnorm.clean,
        arnorm.explain,
        Cleaner(),
        Cleaner().explain,
        Cleaner("search"),
        Cleaner().pipeline,
    ]
    for call in calls:
        with pytest.raises(TypeError) as error:
            call(value)  # type: ignore[operator]
        assert type(value).__name__ in str(error.value)
        if isinstance(value, bytes | bytearray | memoryview):
            assert "decode" in str(error.value)


def test_clean_batch_passes_none_and_rejects_other_types() -> None:
    assert Cleaner().clean_batch(["تٌفرض", None]) == ["تُفرض", None]
    with pytest.raises(TypeError, match="bytes"):
        Cleaner().clean_batch([b"x"])  # type: ignore[list-item]


@pytest.mark.parametrize("option", OPTIONS, ids=lambda o: o.name)
def test_bad_option_value_names_the_allowed_values(option: object) -> None:
    for bad in ("no-such-value", 17, None):
        with pytest.raises(ValueError) as error:
            arnorm.clean("نص", **{option.name: bad})  # type: ignore[attr-defined]
        message = str(error.value)
        assert option.name in message  # type: ignore[attr-defined]
        if getattr(option, "validator", None) is not None:
            continue  # free-form values (a tuple of phrases): the message says what is expected
        assert all(repr(value) in message for value in option.allowed)  # type: ignore[attr-defined]


def test_bad_names_raise_value_error_listing_the_choices() -> None:
    with pytest.raises(ValueError, match="known options"):
        arnorm.clean("نص", no_such_option=1)
    with pytest.raises(ValueError, match="repair"):
        arnorm.clean("نص", profile="no-such-profile")
    with pytest.raises(ValueError, match="families"):
        arnorm.clean("نص", disable=["no.such_rule"])


def test_html_nested_deep_or_malformed_is_cleaned_or_a_value_error() -> None:
    html = pytest.importorskip("arnorm.html")  # lands with the boilerplate/HTML branch
    pytest.importorskip("bs4")
    pages = [
        "<div>" * 100_000 + "نص عميق" + "</div>" * 100_000,
        "<p>" * 100_000 + "نص",
        "<p>فقرة <b>غير <i>مغلقة</p></div></span><<>>&&#xZZ;&#99999999;<!--",
        "<table><tr><td>" * 20_000 + "خلية",
        "\x00<p>\ud800نص</p>\ufffd",
    ]
    for page in pages:
        try:
            out = html.clean_html(page)
        except ValueError as error:
            assert str(error)
        else:
            assert isinstance(out, str)
    assert "نص عميق" in html.clean_html(pages[0])
    with pytest.raises(TypeError, match="decode"):
        html.clean_html(b"<p>x</p>")


# -- the command line: user mistakes, interruption ----------------------------------------


def _arnorm(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "arnorm", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_cli_user_mistakes_name_the_file_and_exit_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("سطر\nسطر\n".encode() + b"\xc7\xe1\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("نص", "utf-8")
    mistakes = [
        (["clean", str(bad)], f"{bad}:3"),
        (["clean", str(tmp_path / "missing.txt")], "missing.txt"),
        (["clean", str(folder)], str(folder)),
        (["clean", str(good), "-o", str(tmp_path / "no" / "out.txt")], "out.txt"),
        (["clean", str(good), "--digits", "roman"], "latin"),
        (["clean", str(good), "--disable", "no.such_rule"], "no.such_rule"),
    ]
    for arguments, named in mistakes:
        result = _arnorm(*arguments)
        assert result.returncode != 0, arguments
        assert named in result.stderr, (arguments, result.stderr)
        assert "Traceback" not in result.stderr, (arguments, result.stderr)


def test_cli_help_works_for_every_command() -> None:
    # An option's doc with "%" (digits: "٪ become %") crashed argparse's --help with a traceback.
    for arguments in (["--help"], ["clean", "--help"], ["explain", "--help"]):
        result = _arnorm(*arguments)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "usage" in result.stdout


def test_interrupted_cli_leaves_no_partial_output(tmp_path: Path) -> None:
    import signal
    import time

    output = tmp_path / "out.txt"
    process = subprocess.Popen(
        [sys.executable, "-m", "arnorm", "clean", "-", "-o", str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        # A test run started in the background of a shell inherits SIGINT ignored, and Python
        # then installs no handler for it: give the command the default, as a terminal would.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdin is not None
    process.stdin.write((ordinary_text() + "\n").encode("utf-8") * 200)
    process.stdin.flush()
    time.sleep(1.0)  # let it read (and, when streaming, write) part of the input
    process.send_signal(signal.SIGINT)
    # The input stays open until the command has stopped: it is interrupted while it waits for
    # more input, not after an end of input that could let it finish first (a race seen in CI).
    try:
        process.wait(timeout=60)
    finally:
        process.stdin.close()
    assert process.returncode != 0
    assert list(tmp_path.iterdir()) == []  # neither the output nor a temporary file


# -- memory --------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["repair", "search"])
def test_memory_peak_is_below_five_times_the_input(profile: str) -> None:
    # tracemalloc counts allocations, so this is deterministic; 100 MB is in the benchmark.
    text = (ordinary_text() + "\n") * 300  # about 2 MB of UTF-8
    arnorm.clean(text[:1000], profile)
    tracemalloc.start()
    try:
        arnorm.clean(text, profile)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * len(text.encode("utf-8"))
