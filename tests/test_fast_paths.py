"""The fast ways of running a rule give the same text as the plain way.

Some rules run, in the pipeline's fast path, an equivalent that finds fewer candidates (a
``fast=`` function, or a pattern run from its literal); some patterns were rewritten to be
tried at fewer places.  Each is compared here with the straightforward form, on texts made of
the characters that matter to it: marks, tatweel, letters, foreign bases, spaces, punctuation.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.catalogue import CATALOGUE, OPTIONS
from arnorm.chars import digits, marks, spaces
from arnorm.chars.marks import MARK_CLASS_CHARACTERS
from arnorm.chars.tables import LETTER_CLASS, MARK_CLASS, SPACE_LIKE_CLASS, TATWEEL
from arnorm.cleaner import Cleaner
from arnorm.context import Context
from arnorm.options import Options
from arnorm.pipeline import Pipeline
from arnorm.rule import Rule, Substitution
from tests.strategies import any_text

PIECES = [
    "\u0628",
    "\u062a",
    "\u0627",
    "\u0649",
    "\u0629",
    "\u0621",
    "\u0644",  # letters
    "\u064b",
    "\u064c",
    "\u064d",
    "\u064e",
    "\u064f",
    "\u0650",
    "\u0651",
    "\u0652",  # harakat
    "\u0670",
    "\u06d6",
    "\u0653",
    "\u0654",  # dagger alef, a Quranic mark, madda, hamza above
    "\u0655",
    "\u08cd",
    "\u06da",
    "\u034f",  # hamza below, two more Quranic marks, the combining grapheme joiner
    TATWEEL,
    " ",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\u0085",
    "\u00a0",
    "\u2009",
    "(",
    ".",
    "،",  # spaces and punctuation
    "a",
    "Z",
    "7",
    "\u0663",
    "\u06f5",
    "\u066b",
    "\u066c",
    "\u066a",
    "\u0609",
    "%",
    "\u0301",
    "\u00e9",  # foreign bases and a Latin accent
    "\u08e7",
    "\u1dca",
    "\u05b0",  # marks of a cluster outside U+0300-U+036F (M5c), of classes 230, 220, 10
    "\u0487",  # a Cyrillic mark that FOREIGN_BASE_CLASS counts as a base
    "http://x.y/",
    "COVID-19",  # protected spans
]
mark_text = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)

_WITH_FAST_PATH = [
    rule
    for rule in CATALOGUE
    if isinstance(rule, Substitution) and (rule.fast is not None or rule.family == "marks")
]


def _switched_on(rule: Substitution) -> dict[str, object]:
    """Options under which ``rule`` runs: the defaults, or the first option value that
    switches an opt-in rule on (``fathatan="on"`` for M4's variant)."""
    if rule.id == "marks.fathatan_on_alef":
        return {"fathatan": "on"}
    if rule.is_enabled(Options(OPTIONS)):
        return {}
    for option in OPTIONS:
        for value in option.allowed:
            if rule.is_enabled(Options(OPTIONS, {option.name: value})):
                return {option.name: value}
    raise AssertionError(f"no option switches {rule.id} on")


_SWITCHED_ON = {rule.id: _switched_on(rule) for rule in _WITH_FAST_PATH}


@pytest.mark.parametrize("rule", _WITH_FAST_PATH, ids=[rule.id for rule in _WITH_FAST_PATH])
@example(text="\u0627 \u064b \u0627  \u064b. \u0629 \u064b")
@example(text="\u064f\u0640\u0628 \u0628\u00a0\u064f\u0628 (\u064e\u064e\u0628 \u064e")
@example(text="\u2009\u064b\u064c\u0628\u064b\u064f \u0628\u0651\u0651\u0650")
@example(text="\u0631\u064e\u0651\u034f\u0651\u064e \u0631\u064e\u0651")  # (M6: a CGJ)
@example(text="x\u08e7\u064c x\u064c\u1dca\u064b. 7\u05b0\u064e 7\u08e7\u064e")  # (M5c)
@example(text="a" + "\u08e7\u064c" * 20 + " a\u08e7\u064c")  # (M5c: past 16 marks, at the end)
@example(text="7\u08e7\u064chttp://x.y/ x\u064c\u08e7http://x.y/")  # (M5c: a span follows)
@example(text="\u0487\u034f\u064b \u0628\u0487\u034f\u064b")  # (M5c: a mark and a base)
@given(text=mark_text)
def test_fast_path_equals_the_pattern(rule: Substitution, text: str) -> None:
    options = _SWITCHED_ON.get(rule.id, {})
    fast = Pipeline([rule], options)
    assert rule.is_enabled(fast.options), "the test must run the rule"
    reference = Pipeline([rule], options, use_triggers=False)
    assert fast(text) == reference(text)


@given(text=mark_text)
@example(text="\u064f\u064f\u064e\u064f\u064f \u0628\u0651\u0651\u0651\u0670\u0651")
def test_doubled_mark_with_many_runs_equals_the_pattern(text: str) -> None:
    # M1's fast path drops doubled marks first once a text has many runs to judge: the
    # runs before ``text`` make it do so for the rest.
    text = "\u0628\u064e\u064e" * (marks._MANY_RUNS + 1) + text
    fast = Pipeline([marks.doubled_mark])
    assert fast(text) == Pipeline([marks.doubled_mark], use_triggers=False)(text)


# M5d's constant substitution judges an alef by the one or two characters before it: words
# dense in alefs with marks, after marks and tatweels, test where it stops.
_ALEF_PIECES = ["\u0627", "\u0628", "\u064e", "\u064f", "\u0651", "\u0652", "\u064b"]
_ALEF_PIECES += ["\u0654", "\u06d6", TATWEEL, " ", "x", "\u0301"]


@given(text=st.lists(st.sampled_from(_ALEF_PIECES), max_size=30).map("".join))
@example(text="\u0627\u064f" * 5 + " \u0627\u064f \u0628\u0627\u064e\u0640")
@example(text="\u0628\u064f\u0627\u064e \u0628\u0640\u0627\u064e \u0640\u0627\u064e")
@example(text="\u0628\u0627\u064e\u064e \u0628\u0627\u064e\u0301 \u0628\u0627\u064b")
def test_long_alef_marks_fast_path_equals_the_pattern(text: str) -> None:
    options = {"drop_long_alef_marks": True}
    fast = Pipeline([marks.long_alef_marks], options)
    reference = Pipeline([marks.long_alef_marks], options, use_triggers=False)
    assert fast(text) == reference(text)


# I7 on a page that writes its spaces as NBSPs: str.replace when no space-like character
# carries a mark (of any script, beyond the BMP too), else the pattern.
@pytest.mark.parametrize("dense", [0, 10**9])
@example(text="\u00a0\u0628\u00a0\u2009\u00a0\U00011070\u3000x")
@example(text="\u00a0\u0301\u00a0\u00a0\u202f\u064e")
@given(
    text=st.lists(
        st.sampled_from(
            [*"\u00a0\u00a0\u2009\u202f\u3000 \u0628x\u064e\u0301\U00011070\U0001f600\u05b0\n"]
        ),
        max_size=50,
    ).map("".join)
)
def test_nbsp_to_space_by_replace_equals_the_pattern(dense: int, text: str) -> None:
    with mock.patch.object(spaces, "_DENSE", dense):
        fast = Pipeline([spaces.nbsp_to_space])(text)
    assert fast == Pipeline([spaces.nbsp_to_space], use_triggers=False)(text)


# A short text (a segment between protected spans) is searched for the mark rules' triggers
# before they run on it: segments with and without marks, beside tokens and links.
@pytest.mark.parametrize(
    "text",
    [
        "\u062a\u064c\u0641\u0631\u0636 COVID-19 \u0646\u0635 http://x.y/ \u0628\u064b mp3 \u0628",
        "\u0646\u0635 H2O \u062a\u064c\u0641\u0631\u0636 mp3 \u0646\u0635 5G \u064e\u064e",
        "a1 \u064b b2 \u0628\u064f\u064f c3 \u0628",
        "\u064f\u0628 a1 \u0628",  # (a segment whose only mark is its first character)
    ],
)
@pytest.mark.parametrize("profile", ["repair", "search"])
def test_segments_between_spans_skip_the_mark_rules_only_without_marks(
    text: str, profile: str
) -> None:
    fast = Cleaner(profile).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    assert fast(text) == reference(text)


# The patterns as first written: one match per run of marks, judged by the replacement.
_PLAIN_NUMBER = (
    "[%\u066a\u2030\u0609]?[0-9\u0660-\u0669\u06f0-\u06f9]+"
    "(?:[.,\u066b\u066c\u060c'][0-9\u0660-\u0669\u06f0-\u06f9]+)*[%\u066a\u2030\u0609]?"
)
_PLAIN_PATTERNS = {
    digits.to_latin: _PLAIN_NUMBER,
    digits.to_arabic: _PLAIN_NUMBER,
    digits.unify_mixed: _PLAIN_NUMBER,
    marks.doubled_mark: f"[{marks.RUN_MARK_CLASS}]{{2,}}",
    marks.tanween_with_vowel: f"[{MARK_CLASS}]{{2,}}(?=(?P<next>{TATWEEL}*[{LETTER_CLASS}])?)",
    marks.stray_initial_mark: (
        f"(?P<marks>[{SPACE_LIKE_CLASS}{MARK_CLASS}][{MARK_CLASS}]*)(?={TATWEEL}*[{LETTER_CLASS}])"
    ),
    marks.long_alef_marks: f"\u0627(?P<marks>[{MARK_CLASS}]+)",
}


@pytest.mark.parametrize("rule", list(_PLAIN_PATTERNS), ids=lambda rule: rule.id)
@example(text="\u0628\u064f\u0627\u064e \u0640\u0627\u064e \u0627\u064f\u0627\u064f")  # (M5d)
@example(text="\u0640\u064b\u064e \u0628\u064b\u064e\u0628")  # (M3: after a tatweel)
@given(text=mark_text)
def test_narrowed_patterns_change_what_the_plain_pattern_changes(
    rule: Substitution, text: str
) -> None:
    ctx = Context(text, Options(OPTIONS, {}))

    def replace(match: re.Match[str]) -> str:
        return rule.function(match, ctx)

    plain = re.compile(_PLAIN_PATTERNS[rule])
    assert rule.pattern.sub(replace, text) == plain.sub(replace, text)


# A gate forced by its option must hold whatever characters the text has: the fast path's
# evidence shortcut (no Quranic mark, so not Quranic) is for "auto" only.
@pytest.mark.parametrize(
    ("options", "text"),
    [
        ({"quranic": "yes"}, "حيث تٌفرض على روسيا"),  # forced Quranic: marks untouched
        ({"visual": "yes"}, "حيث تٌفرض على روسيا"),  # forced visual order: marks untouched
        ({"lang": "fa"}, "أيضاً کتاب"),  # forced Persian: fathatan stays on the alef
    ],
)
def test_forced_gates_hold_on_the_fast_path(options: dict[str, str], text: str) -> None:
    import arnorm

    assert arnorm.clean(text, **options) == text
    assert arnorm.explain(text, **options).output == text


def test_a_rule_turned_off_by_a_cheap_gate_does_no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # The look-alike letter rules (L1-L3) are off in Persian text.  Their gate is read before
    # they run: applying them and then throwing the result away made 1 MB of Persian 10x
    # slower than ordinary text.  (The costly visual-order gate is still read afterwards.)
    from arnorm.chars import letters
    from arnorm.cleaner import Cleaner

    calls = []
    original = letters._outside_foreign_tokens

    def counting(*args: object) -> str:
        calls.append(1)
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(letters, "_outside_foreign_tokens", counting)
    persian = "این یک متن فارسی است که در آن ی و ک و گ به کار رفته است. " * 3
    assert Cleaner()(persian) == persian.strip()
    assert calls == []
    assert Cleaner(lang="ar")("الأخیرة علی") == "الأخيرة على" and calls


@pytest.mark.parametrize("options", [{"quranic": "yes"}, {"visual": "yes"}, {"lang": "fa"}, {}])
@given(text=mark_text)
def test_fast_path_equals_the_reference_with_forced_gates(
    options: dict[str, str], text: str
) -> None:
    from arnorm.cleaner import Cleaner

    fast = Cleaner(**options).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    assert fast(text) == reference(text)


# Patterns written character first, then the look-behinds (so the scan runs in C between the
# characters): the same matches as the plain form, look-behind first.
_QUOTE_PATTERNS = [
    ("arnorm.chars.encoding._REAL_SOFT_HYPHEN", "(?<![\u00c2-\u00f4])\u00ad"),
    ("arnorm.chars.encoding._REAL_NEL", "(?<![\u00c2-\u00df\u00e1-\u00ef\u00f1-\u00f4])\u0085"),
    (
        "arnorm.chars.encoding._REAL_NBSP",
        f"(?<![\u00c2-\u00f4])\u00a0(?![{MARK_CLASS}\u0300-\u036f])",
    ),
    (
        "arnorm.chars.search._REAL_DOUBLE_QUOTE",
        "(?<![\u00c2-\u00f4])[\u00ab\u00bb]|(?<![\u00c3-\u00f4])[\u201c\u201d\u201e]",
    ),
    (
        "arnorm.chars.encoding.REAL_QUOTE",
        "(?<![\u00c2-\u00f4])[\u00ab\u00bb]|(?<![\u00c3-\u00f4])[\u201c\u201d\u201e\u2018\u2019]",
    ),
]


@pytest.mark.parametrize(("name", "plain"), _QUOTE_PATTERNS)
@given(
    text=st.text(
        alphabet="\u00c2\u00c3\u00df\u00e0\u00e1\u00f0\u00f4\u00f5a «»“”„‘’ب"
        "\u00ad\u0085\u00a0\u064e\u0301",
        max_size=20,
    )
)
def test_quote_patterns_match_as_their_plain_form(name: str, plain: str, text: str) -> None:
    import importlib

    module, _, attribute = name.rpartition(".")
    pattern = getattr(importlib.import_module(module), attribute)
    expected = [match.span() for match in re.finditer(plain, text)]
    assert [match.span() for match in pattern.finditer(text)] == expected


# Line layouts: runs of empty and blank lines at the start, the middle and the end, beside
# duplicates, a title and trailer headers (B1's text pre-pass runs before the line rounds).
_LINE_PIECES = ["\n", "\n\n\n", " ", "\u00a0", "\u200b", "\t", "نص", "عنوان", "قد يهمك", "a"]
line_text = st.lists(st.sampled_from(_LINE_PIECES), max_size=30).map("".join)


@pytest.mark.parametrize("profile", ["repair", "search"])
@given(text=line_text)
def test_line_phase_fast_path_equals_the_reference(profile: str, text: str) -> None:
    from arnorm.cleaner import Cleaner

    fast = Cleaner(profile).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    assert fast(text) == reference(text) == fast.explain(text).output


@given(text=st.text(alphabet="\u00c2\u00c3\u00f4\u00f5a «»“”„‘’ب،؛؟٪", max_size=20))
def test_ascii_punctuation_without_latin1_letters_is_the_quote_pattern(text: str) -> None:
    # S7 writes quotes with str.replace when no Latin-1 letter can make one half of mojibake.
    from arnorm.chars.search import _ASCII_PUNCTUATION, _REAL_DOUBLE_QUOTE, ascii_punctuation

    expected = text
    for source, target in _ASCII_PUNCTUATION[:4]:
        expected = expected.replace(source, target)
    expected = _REAL_DOUBLE_QUOTE.sub('"', expected)
    assert ascii_punctuation.function(text, None) == expected  # type: ignore[arg-type]


MOJIBAKE_PIECES = [
    "\u0637\u00a7\u0638\u201e\u0637\u00b9",  # العربية's start as UTF-8 read as cp1256
    "\u063a\u201c",
    "\u063a\u201d",
    "\u0637\u2013",
    "\u201c",
    "\u201d",
    "\u2013",
    "\u0640",
    "\u063a",
    "\u0637",
    "\u0638",
    "\u0627",
    " ",
    "\ufe8d",
    # characters E1 counts a pair across (a later rule deletes them)
    "\u064e",
    "\u200e",
    "\u00ad",
    "\u200c",
    "\u0654",
    "\u067e",  # (پ is byte 81: a continuation character, no lead)
]


@given(text=st.lists(st.sampled_from(MOJIBAKE_PIECES), max_size=40).map("".join))
def test_e1_counts_pairs_of_known_continuations_as_it_scans_for_them(text: str) -> None:
    from arnorm.chars.encoding import _TRIGGER, _is_cp1256_mojibake

    found = sorted(set(text) & set(_TRIGGER))
    for has_forms in (True, False):
        if not has_forms and "\ufe8d" in text:
            continue
        # (repeated: more occurrences than are looked at one by one)
        for document in (text, text * 30):
            counted = _is_cp1256_mojibake(document, has_forms, found)
            assert counted == _is_cp1256_mojibake(document, has_forms)


# Forms of a lead (ﻃ is ط), of a continuation character (ﭖ is پ) and of neither (ﻻ).
FORM_MOJIBAKE_PIECES = [*MOJIBAKE_PIECES, "\ufec3", "\ufec1", "\ufb56", "\ufefb", "\u00a7"]


@example(text="\ufec3\u00a7\ufec3\u00a7\ufec3\u00a7")
@example(text="\u0637\ufb56\u0637\u00a7\u0637\u00a7 \ufefb")
@example(text="\u0638\ufb56\u0638\ufb56\u0638\ufb56")  # (ظپ is a pair: three, by forms alone)
@example(text="\u0638\ufb56\u0637\u00a7\u0637\u00a7")
@given(text=st.lists(st.sampled_from(FORM_MOJIBAKE_PIECES), max_size=40).map("".join))
def test_e1_decides_from_the_pipeline_scan_as_by_counting(text: str) -> None:
    # The decision made from the pipeline's trigger scan (the cheap ways out when there are
    # few continuation characters, forms of other letters aside) is the count's.
    from arnorm.chars.encoding import _is_cp1256_mojibake, is_cp1256_mojibake

    pipeline = Cleaner("repair").pipeline
    for document in (text, text * 30):
        ctx = Context(document, pipeline.options)
        pipeline._decide_by_evidence(ctx, pipeline._present(document))
        has_forms = ctx.has_presentation_forms
        assert is_cp1256_mojibake(ctx) == _is_cp1256_mojibake(document, has_forms)


@given(text=st.lists(st.sampled_from(MOJIBAKE_PIECES), max_size=40).map("".join))
@example(text="\u0637\u064e\u201c \u0637\u064e\u200e\u201c \u064e\u201c\u0627\u064e\u201c")
@example(text="\u064e\u064e\u201c\u0654\u067e\u0654\u067e \u0637\u00ad\u201c\u0637\u0640\u201c")
def test_e1_counts_pairs_across_of_known_continuations_as_it_scans_for_them(text: str) -> None:
    from arnorm.chars.encoding import _TRIGGER, _pairs_across

    found = sorted(set(text) & set(_TRIGGER))
    assert _pairs_across(text, found) == _pairs_across(text)


# UTF-8 bytes as Windows-1256 characters: leads of two, three and four bytes (DC is the
# tatweel, a character of _BETWEEN too), continuation bytes (9D ZWNJ, 9E ZWJ and AD soft
# hyphen among them, A0 NBSP), characters of _BETWEEN (a fatha, LRM, a mark cp1256 lacks),
# ASCII, and Arabic as such mojibake writes it.
CP1256_BYTES = [
    *bytes([0xC2, 0xD8, 0xD9, 0xDC, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4]).decode("cp1256"),
    *bytes([0x80, 0x81, 0x84, 0x92, 0x9D, 0x9E, 0x9F, 0xA0, 0xA7, 0xAD, 0xBF]).decode("cp1256"),
    "\u064e",
    "\u200e",
    "\u0653",
    "a",
    "!",
    "\u0637\u00a7\u0638\u201e\u0637\u00b9",
    "\ufb56",
    "\ufec7",  # forms of a continuation character (پ) and of a lead (ظ)
]


@example(text="\u0637\u200c\u00a7")  # (ZWNJ between: the pattern moves it after the letter)
@example(text="\u0637\u200c")  # (ZWNJ as the byte)
@example(text="\u00e2\u20ac\u200c\u00a7")
@given(text=st.lists(st.sampled_from(CP1256_BYTES), max_size=30).map("".join))
def test_e1_decodes_a_token_whole_as_sequence_by_sequence(text: str) -> None:
    from arnorm.chars.encoding import _SEQUENCE, _TOKEN, _repair_cp1256, _repair_cp1256_token

    def by_sequence(token: re.Match[str]) -> str:
        return _SEQUENCE.sub(_repair_cp1256, token.group())

    assert _TOKEN.sub(_repair_cp1256_token, text) == _TOKEN.sub(by_sequence, text)


@given(
    tokens=st.lists(st.lists(st.sampled_from(CP1256_BYTES), max_size=6).map("".join), max_size=4),
    picks=st.lists(st.integers(0, 3), max_size=12),
)
def test_e1_repairs_a_token_seen_before_as_the_first_time(
    tokens: list[str], picks: list[int]
) -> None:
    # Each distinct token is repaired once (_token_repairs): the same tokens, in any order,
    # come out as each repaired on its own.
    from arnorm.chars.encoding import _TOKEN, _repair_cp1256_token, _token_repairs

    text = " ".join(tokens[pick] for pick in picks if pick < len(tokens))
    assert _TOKEN.sub(_token_repairs(), text) == _TOKEN.sub(_repair_cp1256_token, text)


def _visual_order_score_word_by_word(text: str) -> float | None:
    # visual_order_score as first written, one word at a time: the oracle.
    from arnorm.chars.forms import NOMINAL
    from arnorm.chars.tables import PRESENTATION_FORMS_CLASS, ZWJ, ZWNJ
    from arnorm.chars.visual import _FINAL_ONLY, _FINAL_SIGNAL, MIN_SIGNALS

    word_pattern = f"[{LETTER_CLASS}{MARK_CLASS}{TATWEEL}{ZWJ}{ZWNJ}{PRESENTATION_FORMS_CLASS}]+"
    forward = reversed_ = 0
    for run in re.findall(word_pattern, text):
        run = "".join(NOMINAL.get(character, character) for character in run)
        word = re.sub(f"[^{LETTER_CLASS}]", "", run)
        if len(word) < 2:
            continue
        forward += word.startswith("\u0627\u0644") + (word[-1] in _FINAL_SIGNAL)
        reversed_ += (len(word) >= 4 and word.endswith("\u0644\u0627")) + (word[0] in _FINAL_ONLY)
    total = forward + reversed_
    return None if total < MIN_SIGNALS else reversed_ / total


VISUAL_PIECES = [
    *"\u0627\u0644\u0629\u0649\u06c3\u06cc\u0628\u062a",
    "\u064e",
    "\u0651",
    TATWEEL,
    "\u200d",
    "\u200c",
    " ",
    "\n",
    ".",
    "a",
    "1",
    "\ufefb",  # lam-alef ligature: two letters
    "\ufe94",  # teh marbuta final form
    "\ufe8e",
    "\ufedf",
    "\ufe70",  # fathatan isolated form: a mark
    "\u00a0",
]


@example(text="\u0627\u0644\u0628 \u0629\u0628 \u0628\u0628\ufefb \ufe70\u0628 \u0628\u0629")
@given(text=st.lists(st.sampled_from(VISUAL_PIECES), max_size=60).map("".join))
def test_visual_order_score_by_scans_equals_word_by_word(text: str) -> None:
    from arnorm.chars.visual import visual_order_score

    assert visual_order_score(text) == _visual_order_score_word_by_word(text)


@example(text="\u0640\u0629\u0628\u0628 " * 5)  # a word starting ـة: a reversed signal
@example(text="\u0643\u062a\u0627\u0628\u0644\u0627\u064b " * 5)  # ending لاً
@example(text="\u0643\u062a\u0644\u064e\u0627 " * 5)  # لَا
# Presentation forms that make a reversed signal once written as letters: a mark's form (a
# letter of none) between the ل and ا of a final لا, an alef's form after a ل, ﻻ itself.
@example(text="\u0628\u0628\u0628\u0644\ufe70\u0627 " * 5)
@example(text="\u0628\u0628\u0628\u0644\ufe8e " * 5)
@example(text="\u0628\u0628\u0628\ufefb " * 5)
@example(text="\u0628\u0628\u0628\u0644\ufdfa\u0627 " * 5)
@given(text=st.lists(st.sampled_from(VISUAL_PIECES), max_size=60).map("".join))
def test_the_quick_check_never_hides_visual_order(text: str) -> None:
    # V1 skips the score when _has_reversed_candidates says it cannot exceed 0.5: that must
    # hold for every text the score finds reversed (the check missed ـة and لاً, which the
    # score reads with the tatweel and the mark deleted).
    from arnorm.chars import visual

    score = visual.visual_order_score(text)
    if score is not None and score > 0.5:
        assert visual._has_reversed_candidates(text)


@example(text="\u0631\u0651\u064e \u0627\u0654 e\u0301 \u1100\u1161 x")
@given(
    text=st.one_of(
        any_text,
        st.lists(
            st.sampled_from([*PIECES, "e\u0301", "\u1100\u1161", "a", "9", "\u0627\u0655"])
        ).map("".join),
    )
)
def test_nfc_by_chunks_is_nfc_of_the_whole(text: str) -> None:
    import unicodedata2

    from arnorm.chars import unicode

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unicode, "_CHUNK", 2)  # every text is cut into many chunks
        chunked = unicode.to_nfc(text)
    assert chunked == unicodedata2.normalize("NFC", text)
    if chunked == text and len(text) > 4:  # cut into chunks: the text itself when unchanged
        assert chunked is text


def _reversed_candidates_counted_whole(text: str) -> bool:
    # _has_reversed_candidates as it was before it counted forms block by block.
    from arnorm.chars import visual

    reversed_ = 0
    if visual._FORM.search(text):
        if visual._REVERSED_MATERIAL.search(text) is None:
            return False
        reversed_ = len(visual._MAY_ADD_REVERSED.findall(text))
    reversed_ += len(visual._LA_AT_END.findall(text))
    reversed_ += sum(len(pattern.findall(text)) for _, pattern in visual._FINALS_AT_START)
    forward = text.count(" \u0627\u0644") + text.count("\n\u0627\u0644")
    return reversed_ >= 3 and reversed_ > forward + text.startswith("\u0627\u0644")


@example(text="\ufefc" * 7)
@example(text="\u0627\u0644\ufefc " * 3 + "\ufefc")
@given(
    text=st.lists(
        st.sampled_from([*VISUAL_PIECES, "\ufefc", "\ufe8e", " \u0627\u0644", "\n"]),
        max_size=60,
    ).map("".join)
)
def test_forms_counted_until_enough_decide_as_counted_whole(text: str) -> None:
    # The forms that may add a reversed signal are counted block by block until there are
    # more than the sure forward signals (a page of ﻼ: 333,000 of them were listed).
    from arnorm.chars import visual

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(visual, "_COUNT_BLOCK", 1)  # blocks of 1, 2, 4... characters
        assert visual._has_reversed_candidates(text) == _reversed_candidates_counted_whole(text)
    assert visual._has_reversed_candidates(text) == _reversed_candidates_counted_whole(text)


_WINDOW_PIECES = [
    *PIECES,
    "e\u0301",
    "\u1100\u1161",
    "\uac00\u11a8",
    "a",
    "9",
    "\u0647\u0654",  # the Persian ezafe
    "\u0627\u0655",
    "\u00a0",
    "\u212b",  # a singleton NFC replaces
    "\ufefb",  # a form NFKC replaces
    "\u0651\u064e",  # out of canonical order
    "\U0001d15e",
    "\U000110a5\U000110ba",
]


@example(text="\u0647\u0654 " * 20, form="NFC", setting=(16, 32, 256))
@example(text="\u0651" * 40 + "\u0654", form="NFC", setting=(16, 32, 256))  # a long walk back
@given(
    text=st.one_of(any_text, st.lists(st.sampled_from(_WINDOW_PIECES)).map("".join)),
    form=st.sampled_from(["NFC", "NFKC"]),
    setting=st.sampled_from([(16, 32, 256), (-(10**9), 10**9, 10**9), (10**9, 0, 1), (1, 2, 3)]),
)
def test_a_form_by_windows_is_the_form_of_the_whole(
    text: str, form: Literal["NFC", "NFKC"], setting: tuple[int, int, int]
) -> None:
    # by_windows normalises a window around each character the quick check cannot pass, and
    # lets the rest pass the quick check; dense ones or a long run before one: the whole.
    import unicodedata2

    from arnorm.chars import unicode

    window_cost, walk_back, window_max = setting  # (a negative cost: always by windows)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unicode, "_WINDOW_COST", window_cost)
        patch.setattr(unicode, "_WALK_BACK", walk_back)
        patch.setattr(unicode, "_WINDOW_MAX", window_max)
        result = unicode.by_windows(text, form)
    assert result == unicodedata2.normalize(form, text)
    if result == text:
        assert result is text


def test_what_the_quick_checks_cannot_pass() -> None:
    # NFC_REPLACED_CLASS (NFKC_REPLACED_CLASS) is every character of the BMP that NFC (NFKC)
    # replaces; not_quick("NFC") and not_quick("NFKC") find those and every character of the BMP
    # that NFC composes with the one before it.  (Only speed rests on this: the text between
    # windows is normalised too, and a window's edges are what the next test checks.)
    import unicodedata2

    from arnorm.chars import unicode
    from arnorm.chars.tables import NFC_REPLACED_CLASS, NFKC_REPLACED_CLASS, expand_class

    def replaced(form: Literal["NFC", "NFKC"]) -> set[str]:
        return {
            chr(code)
            for code in range(0x10000)
            if not 0xD800 <= code < 0xE000 and unicodedata2.normalize(form, chr(code)) != chr(code)
        }

    seconds = {second for _, second in _composed_pairs() if ord(second) < 0x10000}
    seconds |= set(map(chr, [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]))
    assert set(expand_class(NFC_REPLACED_CLASS)) == replaced("NFC")
    assert set(expand_class(NFKC_REPLACED_CLASS)) == replaced("NFKC")
    for character in replaced("NFC") | seconds:
        assert unicode.not_quick("NFC").search(character), hex(ord(character))
    for character in replaced("NFKC") | seconds:
        assert unicode.not_quick("NFKC").search(character), hex(ord(character))


def test_nfc_chunks_end_only_before_characters_nothing_composes_or_reorders_with() -> None:
    # to_nfc cuts a text before a character of STABLE_CLASS: a starter that NFC leaves alone
    # and that is the second of no canonical composition (the last character of no two-
    # character canonical decomposition, no Hangul vowel or trailing consonant).
    import sys

    import unicodedata2

    from arnorm.chars.tables import expand_class
    from arnorm.chars.unicode import STABLE_CLASS

    seconds = {
        chr(int(decomposition.split()[1], 16))
        for code in range(sys.maxunicode + 1)
        if (decomposition := unicodedata2.decomposition(chr(code)))
        and not decomposition.startswith("<")
        and len(decomposition.split()) == 2
    }
    seconds |= {chr(code) for code in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    stable = expand_class(STABLE_CLASS)
    assert "\u0627" in stable and " " in stable and "\n" in stable
    for character in stable:
        assert unicodedata2.combining(character) == 0, hex(ord(character))
        assert unicodedata2.normalize("NFC", character) == character, hex(ord(character))
        assert unicodedata2.normalize("NFKC", character) == character, hex(ord(character))
        assert character not in seconds, hex(ord(character))


def test_nfc_of_a_page_without_spaces_is_cut_at_its_letters() -> None:
    # One U+0655 at the start of a page with no space: NFC decomposed and recomposed all of it.
    import unicodedata2

    from arnorm.chars import unicode

    text = "\u0627\u0655" + "\u0644\u0627" * 5000 + "\u0627\u0653"
    calls: list[int] = []
    normalize = unicodedata2.normalize

    def counted(form: str, piece: str) -> str:
        calls.append(len(piece))
        return normalize(form, piece)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(unicode.unicodedata2, "normalize", counted)
        result = unicode.to_nfc(text)
    assert result == normalize("NFC", text) == "\u0625" + "\u0644\u0627" * 5000 + "\u0622"
    assert max(calls) < 2 * unicode._CHUNK


@pytest.mark.parametrize("profile", ["repair", "search"])
@given(text=st.one_of(any_text, st.lists(st.sampled_from(PIECES)).map("".join)))
def test_the_presence_set_is_the_scanned_characters_of_the_text(profile: str, text: str) -> None:
    # Pipeline._present takes the set of a text's characters when the text is dense in short
    # runs of trigger characters, the runs the scan finds otherwise (after deleting the
    # characters of the sample when its runs are long): all are the same set.  With a sample of
    # one character, a text starting with a trigger character has long runs.
    import arnorm.pipeline
    from arnorm.cleaner import Cleaner

    pipeline = Cleaner(profile).pipeline
    pipeline(".")  # compiled
    expected = frozenset(character for character in text if character in pipeline._all_scanned)
    assert pipeline._present(text) == expected
    # Texts of 5 characters or more: all dense, none, or dense when they start with a trigger
    # character; dense in few characters (deleted with str.replace) or in many (hashed, or
    # searched for the characters the sample has not shown: none, one or two searches, then
    # hashed).
    for dense_runs in (-1, 0, 10**9):
        for few_dense, missing_min, searches in (
            (0, 10**9, 0),
            (0, 0, 0),
            (0, 0, 1),
            (0, 0, 2),
            (10**9, 0, 2),
        ):
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(arnorm.pipeline, "_SAMPLE", 1)
                patch.setattr(arnorm.pipeline, "_DENSE_RUNS", dense_runs)
                patch.setattr(arnorm.pipeline, "_FEW_DENSE", few_dense)
                patch.setattr(arnorm.pipeline, "_MISSING_MIN", missing_min)
                patch.setattr(arnorm.pipeline, "_MISSING_SEARCHES", searches)
                assert pipeline._present(text) == expected


def _gate_pieces() -> list[str]:
    from arnorm import context

    forms = context.ARABIC_MARKER_FORMS + context.PERSIAN_MARKER_FORMS + context.ALEF_WASLA_FORMS
    letters = context.ARABIC_MARKERS + context.PERSIAN_MARKERS + context.ALEF_WASLA
    return [*sorted(set(forms + letters)), " ", "\ufdfa", "\ufefb", "\u0628"]


@example(text="\ufb50\ufb50\ufb50")  # alef wasla forms: the quranic gate's evidence too
@given(text=st.lists(st.sampled_from(_gate_pieces())).map("".join))
def test_the_gate_counts_weigh_each_form_the_text_has(text: str) -> None:
    # The counting gates count each presentation form the text has once, times the letters it
    # spells; the pipeline tells the context which forms those are from its scan.
    from arnorm import context
    from arnorm.cleaner import Cleaner

    ctx = Context(text, Options(OPTIONS, {}))
    for letters, forms in (
        (context.ARABIC_MARKERS, context.ARABIC_MARKER_FORMS),
        (context.PERSIAN_MARKERS, context.PERSIAN_MARKER_FORMS),
        (context.ALEF_WASLA, context.ALEF_WASLA_FORMS),
    ):
        assert ctx._count(letters, forms) == sum(map(text.count, letters + forms))
    pipeline = Cleaner().pipeline
    pipeline(".")  # compiled
    told = Context(text, Options(OPTIONS, {}))
    pipeline._decide_by_evidence(told, pipeline._present(text))
    assert told.presentation_forms == ctx.presentation_forms
    for gate in ("arabic_confident", "persian_like", "quranic"):
        assert getattr(told, gate) == getattr(ctx, gate)


def test_the_non_starter_class_is_every_bmp_character_with_a_combining_class() -> None:
    # NON_STARTER_CLASS is written out (no pass over every code point at import): it must be
    # what the pinned unicodedata2 says.
    import unicodedata2

    from arnorm.chars.tables import NON_STARTER_CLASS, expand_class

    expected = {chr(code) for code in range(0x10000) if unicodedata2.combining(chr(code))}
    assert set(expand_class(NON_STARTER_CLASS)) == expected


def test_the_foreign_bases_are_letters_and_digits() -> None:
    # M5c deletes harakat after these: a mark (U+0483) among them made a haraka after an
    # Arabic letter go (with U1 disabled, where NFC had not put it before the mark).
    import unicodedata2

    from arnorm.chars.tables import FOREIGN_BASE_CLASS, expand_class

    bases = set(expand_class(FOREIGN_BASE_CLASS))
    for base in bases:
        category = unicodedata2.category(base)
        assert category in {"Lu", "Ll", "Lt", "Lo", "Nd"}, f"{ord(base):04X}"
    # every letter of the Greek and Cyrillic blocks (some code points in them are not)
    for code in range(0x0370, 0x0500):
        if unicodedata2.category(chr(code)) in {"Lu", "Ll", "Lt", "Lo"}:
            assert chr(code) in bases, f"{code:04X}"
    for character in "\u0483\u0487\u0488\u037e\u0387\u0374\u0482\u03f6":
        assert character not in bases


@cache
def _decompositions() -> list[tuple[str, str]]:
    """Every code point with a canonical decomposition, and that decomposition (NFD)."""
    import unicodedata2

    pairs = []
    for code in range(0x110000):
        if not 0xD800 <= code < 0xE000:
            decomposed = unicodedata2.normalize("NFD", chr(code))
            if decomposed != chr(code):
                pairs.append((chr(code), decomposed))
    return pairs


def test_the_foreign_bases_are_closed_under_canonical_equivalence() -> None:
    # M5c reads a base and its whole cluster: a character is a base if and only if the first
    # character of its decomposition is.  With U1 disabled the rules see text NFC has not
    # composed, which the final NFC composes for the next run ("Ω" U+2126 + fatha kept its
    # fatha, then the next run deleted it on U+03A9; seventeenth session).
    from arnorm.chars.tables import FOREIGN_BASE_CLASS

    bases = re.compile(f"[{FOREIGN_BASE_CLASS}]")
    for character, decomposed in _decompositions():
        inside = bases.fullmatch(character) is not None
        assert inside == (bases.fullmatch(decomposed[0]) is not None), f"{ord(character):04X}"


def test_the_stray_bases_are_closed_under_canonical_equivalence() -> None:
    # M5a (and M7) read the one character beside a mark: a character that decomposes to one
    # character is punctuation if and only if that one is (U+0387 is ·); one that decomposes
    # to more ends in a non-Arabic mark, which is no stray base, so it is none either.
    from arnorm.chars.tables import PUNCTUATION_CLASS

    stray = re.compile(f"[\\s{PUNCTUATION_CLASS}]")
    for character, decomposed in _decompositions():
        inside = stray.fullmatch(character) is not None
        single = len(decomposed) == 1 and stray.fullmatch(decomposed) is not None
        assert inside == single, f"{ord(character):04X}"


def test_the_astral_non_starter_class_is_every_other_character_with_a_combining_class() -> None:
    import unicodedata2

    from arnorm.chars.tables import ASTRAL_NON_STARTER_CLASS, expand_class

    expected = {chr(c) for c in range(0x10000, 0x110000) if unicodedata2.combining(chr(c))}
    assert set(expand_class(ASTRAL_NON_STARTER_CLASS)) == expected


def test_the_class_zero_non_starters_are_every_starter_that_decomposes_to_non_starters() -> None:
    # S1 and S4 read a seat's cluster as NFC does: these extend it although of class 0.
    import unicodedata2

    from arnorm.chars.search import CLASS_ZERO_NON_STARTERS

    expected = {
        character
        for character, decomposed in _decompositions()
        if not unicodedata2.combining(character)
        and all(unicodedata2.combining(part) for part in decomposed)
    }
    assert set(CLASS_ZERO_NON_STARTERS) == expected


def test_the_seat_marks_are_every_mark_nfc_composes_with_a_folded_seat() -> None:
    import unicodedata2

    from arnorm.chars.search import _ALEF_SEAT, _WAW_AND_YEH_SEATS, ALEF_VARIANTS, SEAT_MARKS

    folded = {**_ALEF_SEAT, **_WAW_AND_YEH_SEATS}
    sources = ALEF_VARIANTS + "\u0624\u0626"
    for seat, seat_marks in folded.items():
        composing = {
            chr(code)
            for code in range(0x300, 0x10000)
            if unicodedata2.combining(chr(code))
            and unicodedata2.normalize("NFC", seat + chr(code)) in sources
        }
        assert set(seat_marks) == composing, seat
        assert composing <= set(SEAT_MARKS)


NFKC_PIECES = [
    *"\ufdfa\ufdfb\ufdfc\ufdf0\ufdf1\ufdfd\ufefb\ufe8d\ufe70\ufc5e",  # forms, ligatures
    " ",
    "  ",
    "\n",
    "\u00a0",
    "\u00a8",
    "\u00b2",
    "e",
    "\u0301",
    "\u0627",
    "\u0648",
    "\u0653",
    "\u0654",
    "\u0655",
    "\u064b",
    "\u0651\u064e",
    "\u1100\u1161",
    ".",
]


@example(text="\ufdfa\u0654 \u0627 \u0653\ufdfa")
@given(text=st.one_of(any_text, st.lists(st.sampled_from(NFKC_PIECES)).map("".join)))
def test_search_nfkc_is_nfkc_of_each_run_beyond_the_latin_blocks(text: str) -> None:
    # S6 writes the word ligatures out first, lets a run go on across spaces and takes a
    # chunk without Latin characters whole: the result must be NFKC of each run of characters
    # beyond U+036F, as the rule says (ORTHOGRAPHY.md), chunked or not.
    import unicodedata2

    from arnorm.chars import search

    def nfkc(match: re.Match[str]) -> str:
        return str(unicodedata2.normalize("NFKC", match.group()))

    expected = re.sub("[^\x00-\u036f]+", nfkc, text)
    assert search._nfkc_beyond_latin(text) == expected
    assert search._nfkc_beyond_latin(text, forms=False) == expected  # (the forms not mapped first)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_CHUNK", 2)  # every text is cut into many chunks
        assert search._nfkc_beyond_latin(text) == expected


@given(st.lists(st.sampled_from(MARK_CLASS_CHARACTERS), max_size=12).map("".join))
def test_amtra_by_class_is_amtra_mark_by_mark(marks: str) -> None:
    from arnorm.chars.marks import _amtra_by_class, _amtra_by_mark

    assert _amtra_by_class(marks) == _amtra_by_mark(marks)


# Digits (D1-D4, issue 7): the fast paths split a segment into numbers, judge each distinct
# number once, read D2's neighbours from the text between numbers, and judge each distinct line
# once when lines repeat.  Texts of numbers of every script with every separator and sign,
# beside Arabic letters, Latin letters, spaces and line breaks, and lines that repeat.
_DIGIT_PIECES = [
    *"05967",
    *"\u0660\u0663\u0669",  # Arabic-Indic
    *"\u06f0\u06f4\u06f9",  # Persian
    *".,\u066b\u066c\u060c'",  # separators
    *"%\u066a\u2030\u0609",  # percent and per-mille signs
    " ",
    "\t",
    "\u00a0",
    "\n",
    "\u0628",
    "\u0627",
    "\u064e",
    TATWEEL,
    "\u061f",  # Arabic context
    "a",
    "Z",
    "\u00e9",  # Latin letters (é is not a protected-token letter)
    "(",
    "-",
    "1,000",
    "12.5%",
    "1\u0661",
    "x1",
    "http://x.y/",
]
_digit_line = st.lists(st.sampled_from(_DIGIT_PIECES), max_size=30).map("".join)
# Without Latin letters (D2 may then convert every number at once), with spaced numbers.
_ARABIC_DIGIT_PIECES = [
    piece for piece in _DIGIT_PIECES if not re.search("[A-Za-z\u00e9]", piece)
] + ["\u0628 12.5% ", "\u0628 3 ", "\u06285"]
digit_text = st.one_of(
    _digit_line,
    st.lists(st.sampled_from(_ARABIC_DIGIT_PIECES), max_size=20).map("".join),
    # A few lines, repeated in any order (the distinct-lines path).
    st.lists(_digit_line, min_size=1, max_size=3).flatmap(
        lambda lines: st.lists(st.sampled_from(lines), max_size=8).map("\n".join)
    ),
    # Long numbers (a str.replace per character instead of str.translate), beside letters.
    st.tuples(
        st.sampled_from(["", "\u0628 ", "a ", "\n"]),
        st.text(
            alphabet="09\u0660\u0669\u06f0\u06f9.,\u066b\u066c%\u066a\u2030\u0609",
            min_size=1,
            max_size=6,
        ),
        st.sampled_from(["", " \u0628", "%"]),
    ).map(lambda piece: piece[0] + piece[1] * (300 // len(piece[1]) + 1) + piece[2]),
)
_DIGIT_RULES = [
    (digits.to_latin, {}),
    (digits.to_arabic, {"digits": "arabic"}),
    (digits.unify_mixed, {"digits": "keep"}),
    (digits.persian_to_arabic_indic, {"digits": "keep", "lang": "ar"}),
]


def test_digit_rules_with_a_fast_path_are_tested_here() -> None:
    with_fast = {rule.id for rule in CATALOGUE if rule.family == "digits" and rule.fast}
    assert with_fast <= {rule.id for rule, _ in _DIGIT_RULES}


@pytest.mark.parametrize(("rule", "options"), _DIGIT_RULES, ids=lambda value: str(value))
@given(text=digit_text)
def test_digit_fast_paths_equal_the_pattern(
    rule: Substitution, options: dict[str, str], text: str
) -> None:
    fast = Pipeline([rule], options)
    assert rule.is_enabled(fast.options)
    reference = Pipeline([rule], options, use_triggers=False)
    assert fast(text) == reference(text) == fast.explain(text).output


@pytest.mark.parametrize("options", [{"digits": "arabic"}, {"digits": "keep"}])
@given(text=digit_text)
def test_digit_options_fast_path_equals_the_reference(options: dict[str, str], text: str) -> None:
    from arnorm.cleaner import Cleaner

    fast = Cleaner(**options).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    assert fast(text) == reference(text)


@given(text=digit_text)
def test_number_split_finds_the_numbers_of_the_pattern(text: str) -> None:
    # The fast paths split on NUMBER with a group: numbers at odd indexes, in order.
    parts = digits._NUMBER_SPLIT.split(text)
    assert parts[1::2] == digits.NUMBER.findall(text)
    assert "".join(parts) == text


@given(text=digit_text)
def test_a_mixed_pair_is_found_exactly_when_a_number_mixes_scripts(text: str) -> None:
    mixed = any(len(digits._scripts(token)) > 1 for token in digits.NUMBER.findall(text))
    assert digits._has_mixed_number(text) == mixed


@pytest.mark.parametrize(
    "table",
    [
        digits._TO_LATIN,
        digits._TO_ARABIC,
        digits._TO_ARABIC_GROUPED,
        *digits._TO_SCRIPT_TABLES,
    ],
)
def test_rewrite_is_translate(table: dict[int, str]) -> None:
    # digits._rewrite replaces one character after another in a long text: a target must not be
    # rewritten again, and every character of the table is rewritten.
    sources = {chr(source) for source, target in table.items() if chr(source) != target}
    assert not sources & set(table.values())
    every = "".join(map(chr, table)) + "\u0628 "
    for text in (every, every * (digits._LONG // len(every) + 1)):
        assert digits._rewrite(text, table) == text.translate(table)


@pytest.mark.parametrize("times", [1, 100])
def test_script_counts(times: int) -> None:
    text = "0123456789\u0660\u0669\u06f0\u06f5\u06f9 \u0628%a" * times
    assert digits._script_counts(text) == (10 * times, 2 * times, 3 * times)


@example(text="\u0628 1,000 \u06282,50")
@example(text="\u0628 5%5 \u0628")
@example(text=" 5 (\u0628 6")
@given(text=st.lists(st.sampled_from(_ARABIC_DIGIT_PIECES), max_size=20).map("".join))
def test_d2_converting_every_number_at_once_is_the_pattern(text: str) -> None:
    # The shortcut's conditions, checked on their own: whenever they hold, the constant
    # substitutions give what the rule gives number by number.
    if digits._ARABIC_CONTEXT.search(text) and digits._every_number_converts(text):
        reference = Pipeline([digits.to_arabic], {"digits": "arabic"}, use_triggers=False)
        assert digits._convert_every_number(text) == reference(text)


@cache
def _composed_pairs() -> list[tuple[str, str]]:
    """The two characters of every primary composite (NFC composes the second with the
    first), from the decomposition table (Hangul syllables compose by rule, not by table)."""
    import unicodedata2

    pairs = []
    for character, _ in _decompositions():
        decomposition = unicodedata2.decomposition(character).split()  # (one level)
        if len(decomposition) == 2:
            first, second = (chr(int(part, 16)) for part in decomposition)
            if unicodedata2.normalize("NFC", first + second) == character:
                pairs.append((first, second))
    return pairs


def test_the_composing_starters_are_every_starter_nfc_composes_with_the_one_before() -> None:
    # recompose skips NFC after a deletion from a text in NFC when no character of
    # COMPOSES_WITH_PREVIOUS_CLASS follows one: the starters among them must all be there.
    import unicodedata2

    from arnorm.chars.tables import COMPOSING_STARTER_CLASS, expand_class

    expected = {second for _, second in _composed_pairs() if not unicodedata2.combining(second)}
    # Hangul syllables compose by rule, not by table: LV + T.
    for final in map(chr, range(0x11A8, 0x11C3)):
        assert len(unicodedata2.normalize("NFC", "\uac00" + final)) == 1
        expected.add(final)
    assert set(expand_class(COMPOSING_STARTER_CLASS)) == expected


def test_the_composing_non_starters_are_every_non_starter_nfc_composes_with_a_starter() -> None:
    # U2 puts a text in NFC whole but where a match holds one of them (forms.py).
    import unicodedata2

    from arnorm.chars.tables import COMPOSING_NON_STARTER_CLASS, expand_class

    expected = {second for _, second in _composed_pairs() if unicodedata2.combining(second)}
    assert set(expand_class(COMPOSING_NON_STARTER_CLASS)) == expected


def _deleting_rules() -> list[tuple[Rule, dict[str, object]]]:
    from arnorm.chars.invisible import (
        bidi_controls,
        bom,
        join_breaking_zwnj,
        soft_hyphen,
        zero_width_space,
        zwj,
        zwnj,
    )
    from arnorm.chars.search import nfkc, strip_diacritics, strip_joiners

    return [
        (bom, {}),
        (soft_hyphen, {}),
        (bidi_controls, {}),
        (zwnj, {}),
        (join_breaking_zwnj, {"strip_zwnj": True, "lang": "ar"}),
        (zwj, {}),
        (zero_width_space, {}),
        (spaces.line_breaks, {}),
        (nfkc, {}),
        (strip_diacritics, {}),
        (strip_joiners, {}),
    ]


# What the rules that delete delete, and what NFC composes or reorders next to it: Arabic,
# Latin, Hebrew and Bengali marks, the Hangul vowel and final, starters that compose backwards
# (U+09BE, U+11357 beyond the BMP), a non-starter beyond the BMP, and their bases; the forms
# S5 deletes or writes as letters, the carriers, the line breaks I8 writes.
_NFC_ALPHABET = (
    "\ufeff\u00ad\u200e\u200f\u202e\u2069\u061c\u200c\u200d\u200b\u2060"
    "\u064e\u0651\u0653\u0654\u0655\u0670\u06d6\u0301\u0308\u0323\u05b0\u09be\u09d7"
    "\u1161\u11a8\U0001e023\U00011357"
    "\u0627\u0648\u064a\u0647\u0628ea\u1100\uac00\u09c7\U00011347\u0640"
    " \u00a0\n\r\u2028\ufe70\ufe72\ufd3c\ufcf2\U0001f600"
)


@example("e\ufeff\u0301")  # I1: é
@example("e\u0640\u0301")  # S5 deletes the tatweel: é
@example("\u0627\u200f\u0653")  # I3: آ
@example("\u09c7\u200d\u09be")  # I5 (a ZWJ before a vowel sign stays) and S7: U+09CB
@example("\u1100\u00ad\u1161\u200b\u11a8")  # I2, then S7 writes a space
@example("\u0628\u0651\u200c\u064e")  # two runs of marks meet: NFC reorders them
@example("\U00011347\u0640\U00011357")  # S5: U+1134C, beyond the BMP
@example("\U00011347\ufeff\U00011357")  # I1: the same
@given(st.text(alphabet=_NFC_ALPHABET, max_size=24))
def test_a_rule_that_deletes_from_nfc_text_skips_nfc_only_where_it_changes_nothing(
    raw: str,
) -> None:
    # recompose trusts Context.nfc and the rule's junction pattern: the output must be what a
    # full NFC of the result gives, and a text the context calls NFC must be.
    from arnorm.chars.unicode import to_nfc

    text = to_nfc(raw)
    for rule, options in _deleting_rules():
        fast = rule.fast if isinstance(rule, Substitution) else None
        apply = fast or rule.apply
        known = Context(text, Options(OPTIONS, options))
        known.nfc = text
        output = apply(text, known)
        assert output == apply(text, Context(text, Options(OPTIONS, options))), rule
        if known.nfc is output:
            assert to_nfc(output) == output, rule


class _CheckedContext(Context):
    """A context that fails as soon as a rule tells it a text is in NFC that is not."""

    @property
    def nfc(self) -> str | None:
        return self._nfc

    @nfc.setter
    def nfc(self, text: str | None) -> None:
        from arnorm.chars.unicode import to_nfc

        assert text is None or to_nfc(text) == text, f"not in NFC: {text!r}"
        self._nfc = text


@pytest.mark.parametrize(
    "profile, options",
    [("repair", {}), ("search", {}), ("repair", {"quranic": "no", "visual": "no"})],
)
@pytest.mark.parametrize("few_runs", [32, 0])  # (0: U2 maps every text in bulk)
@example(raw="\ufe76" + "\u0301" * 40)  # a form, then marks: U2 keeps it in NFC, U1 skips
@example(raw="e\ufe76\u0301 \ufe76\u0654e\u0301\ufe70")
@example(raw="\u0627\ufe70\u0654\u200d\u0301\ufeff\u0654")
@given(raw=st.text(alphabet=_NFC_ALPHABET + "\ufe76\ufb59\ufefb\ufc60", max_size=24))
def test_every_text_a_context_is_told_is_in_nfc_is(
    profile: str, options: dict[str, str], few_runs: int, raw: str
) -> None:
    # Context.nfc lets the final NFC (U1's renormalize), the rules that delete and the judging
    # of the output skip a pass: a text wrongly called NFC would leave the output unnormalised.
    from arnorm.chars import forms

    cleaner = Cleaner(profile, **options)
    with (
        mock.patch("arnorm.pipeline.Context", _CheckedContext),
        mock.patch.object(forms, "FEW_RUNS", few_runs),
    ):
        cleaner(raw)
        cleaner(raw * 3)
