"""The bulk paths of the presentation-form rules and of the visual-order score (issue 7) give
the same text as the plain way (a Python call per match or per run of forms).

The bulk paths run from a number of runs of forms on (``FEW_RUNS``); here that number is
lowered to 0 and 1, so the short texts Hypothesis draws take them, and compared with the
reference path (``use_triggers=False``: the pattern and the replacement function).
"""

from __future__ import annotations

import re
from contextlib import ExitStack
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.chars import forms, visual
from arnorm.chars.forms import NOMINAL, presentation_forms
from arnorm.chars.tables import (
    COMPOSING_NON_STARTER_CLASS,
    COMPOSING_STARTER_CLASS,
    TATWEEL,
    expand_class,
)
from arnorm.chars.unicode import nfc, to_nfc
from arnorm.pipeline import Pipeline
from arnorm.protect import protected_spans

# The isolated haraka forms (ﹰ ... ﹾ, ﱞ ... ﱣ) whose NFKC starts with a space.
DETACHED = sorted(form for form, nominal in NOMINAL.items() if nominal.startswith(" "))
FORM_PIECES = [
    *DETACHED,
    *"\ufefb\ufef5\ufe8d\ufe8e\ufedf\ufee0\ufe94\ufe91\ufef4\ufb58\ufc60\ufcf2\ufe71\ufdf2",
    "\ufdfa",  # ﷺ: kept, not a nominal form
    *"\u0628\u0627\u0644\u0648\u064a\u0621\u06c1",  # letters
    *"\u064b\u064e\u0650\u0651\u0652\u0653\u0654\u0670\u0616",  # marks
    "\u0628\u0651\u064e",  # shadda before fatha: not in NFC (outside a match)
    TATWEEL,
    " ",
    "\n",
    "\u00a0",
    "a",
    "7",
    "http://x.y/",  # a protected span
]
form_text = st.lists(st.sampled_from(FORM_PIECES), max_size=40).map("".join)


@pytest.mark.parametrize("few_runs", [0, 1, 3])
@example(text="\ufc60\u0616\ufc60\u0616 \ufe76\ufe7e\ufefb\u0654 \u0628\u0651\u064e\ufe8d")
@example(text="\u0628\ufe76 \ufe76\ufe8d\u0653 \u0627\u0654\ufefb")
@given(text=form_text)
def test_presentation_forms_in_bulk_equal_the_pattern(few_runs: int, text: str) -> None:
    with mock.patch.object(forms, "FEW_RUNS", few_runs):
        fast = Pipeline([presentation_forms], {"visual": "no", "quranic": "no"})(text)
    reference = Pipeline(
        [presentation_forms], {"visual": "no", "quranic": "no"}, use_triggers=False
    )
    assert fast == reference(text)


@pytest.mark.parametrize("chunk", [1, 5])
@example(text="\u08ee\ufc5ei\ufc5ei\ufc5ei \u0628\u0651\u064e\ufe8d\u0653a\ufe76")
@given(text=form_text)
def test_presentation_forms_in_chunks_equal_the_pattern(chunk: int, text: str) -> None:
    # A text not in NFC once mapped is cut into chunks of about ``chunk`` characters, each
    # mapped whole or split into its matches.
    with mock.patch.object(forms, "FEW_RUNS", 0), mock.patch.object(forms, "CHUNK", chunk):
        fast = Pipeline([presentation_forms], {"visual": "no", "quranic": "no"})(text)
    reference = Pipeline(
        [presentation_forms], {"visual": "no", "quranic": "no"}, use_triggers=False
    )
    assert fast == reference(text)


# A text in NFC (U1 before U2, or found so) whose mapping is not: NFC of the whole mapping,
# but the runs of forms and marks that hold a mark NFC composes with a starter before it
# (U+0654, U+0301, U+110BA) match by match.  The letters before them are letters such a mark
# composes with (ا before ِﹰٔ: the whole NFC composes أ out of the run's hamza).
COMPOSING_PIECES = [
    *FORM_PIECES,
    "\u0627\u0650\ufe70\u0654",
    "e\u0301",
    "e",
    "\u0301",
    "\u0655",
    "\U00011099",
    "\U000110ba",  # a composing pair beyond the BMP
    "\u1100",
    "\u1161",  # Hangul: a vowel composes with the consonant before it
    "\U0001f600",  # beyond the BMP, no mark: the runs around it are apart
]


@pytest.mark.parametrize("sparse_runs", [1, 10**9])  # (10**9: never by runs, by chunks)
@pytest.mark.parametrize("told", [True, False])
@example(text="\u0627\u0650\ufe70\u0654 \u0628\u0651\ufe76")
@example(text="\u0627\u0650\ufe70\u0654\U0001f600\u0654\ufe8d \u0628\ufe7c\ufe76")
@given(text=st.lists(st.sampled_from(COMPOSING_PIECES), max_size=40).map("".join))
def test_presentation_forms_of_a_text_in_nfc_equal_the_pattern(
    told: bool, sparse_runs: int, text: str
) -> None:
    # ``told``: U1 runs first and tells U2 its text is in NFC; else U2 finds it so.
    options = {"visual": "no", "quranic": "no"}
    rules = [nfc, presentation_forms] if told else [presentation_forms]
    text = text if told else to_nfc(text)
    with (
        mock.patch.object(forms, "FEW_RUNS", 0),
        mock.patch.object(forms, "SPARSE_RUNS", sparse_runs),
    ):
        fast = Pipeline(rules, options)(text)
    assert fast == Pipeline(rules, options, use_triggers=False)(text)


def test_nothing_nfc_composes_crosses_the_edge_of_a_mapped_form() -> None:
    # What _matches_in_nfc_of_nfc_text relies on: the marks a form is mapped to compose with no
    # starter before them, and no starter NFC composes backwards composes with the last
    # character a match can end in (a form's mapping, or a mark).
    composing_marks = set(expand_class(COMPOSING_NON_STARTER_CLASS))
    composing_starters = expand_class(COMPOSING_STARTER_CLASS)
    mappings = [nominal.removeprefix(" ") for nominal in NOMINAL.values()]
    assert not composing_marks & set("".join(mappings))
    for last in {mapping[-1] for mapping in mappings} | set(expand_class(forms._ALL)):
        for starter in composing_starters:
            assert to_nfc(last + starter) == to_nfc(last) + starter, f"{ord(last):04X}"


def test_a_text_in_nfc_is_put_in_nfc_whole_or_run_by_run() -> None:
    # The 'runs' case of the adversarial survey (a mark out of order before a fathatan form,
    # every 400 characters): NFC of the whole mapping, no split into matches.
    text = ("\u08e0" + "\ufe70s" * 200 + " ") * 20
    composing = ("\u0627\u0650\ufe70\u0654 " + "\ufe70s" * 200 + " ") * 20
    for document, by_runs in ((text, False), (composing, True)):
        with mock.patch.object(forms, "_SPLIT", wraps=forms._SPLIT) as split:
            fast = Pipeline([nfc, presentation_forms])(document)
        assert split.split.call_count == (20 if by_runs else 0)
        assert fast == Pipeline([nfc, presentation_forms], use_triggers=False)(document)
    # More than one run with such a mark in SPARSE_RUNS characters (a step in Python each),
    # with a form or without, up to where the text is (after its first SPARSE_SLACK
    # characters): the chunks instead, given up at the first run over.
    for dense in ("x\u0301 " * 200 + "\u08e0\ufe70", "x\u0301\ufe70 " * 200):
        sparse = " " * len(dense) * forms.SPARSE_RUNS + dense
        for text, by_runs in ((dense, False), (sparse, True)):
            mapped = text.translate(forms._ATTACHED_TABLE)
            with mock.patch.object(forms, "_run_around", wraps=forms._run_around) as runs:
                result = forms._matches_in_nfc_of_nfc_text(text, mapped)
            assert (result is not None) == by_runs
            # (given up early: after about 4096 // 64 runs of the 200)
            assert runs.call_count == (200 if by_runs else pytest.approx(68, abs=2))
            assert result in (None, Pipeline([presentation_forms], use_triggers=False)(text))


# The pattern run over the runs of forms and marks that hold a form finds what it finds in the
# whole text: the marks before a form (from the first of their run), a non-starter beyond the
# BMP, marks with no form after them, a form at either end.
@example(text="\u064e\u0651\U00010efd\ufe8d\u064e a\u064e \ufefb")
@example(text="\u0628" + "\u064e" * 70 + "\ufe76\U00010efd\u064e\ufe8d\U0001f600\ufe8d")
@given(
    text=st.lists(st.sampled_from([*FORM_PIECES, "\U00010efd", "\U0001f600"]), max_size=40).map(
        "".join
    )
)
def test_each_match_of_the_runs_with_a_form_equals_a_sub_of_the_text(text: str) -> None:
    def mark(match: re.Match[str]) -> str:
        return f"<{match.start()}:{match.group()}>"

    assert forms._each_match(text, mark) == forms._SPLIT.sub(mark, text)


def test_chunks_end_after_neither_a_form_nor_a_mark() -> None:
    text = "\ufe8d\u064e\ufe8d a\ufe8d\u0651\ufe8d\ufe8d b"
    with mock.patch.object(forms, "CHUNK", 2):
        bounds = forms._chunks(text)
    assert "".join(text[start:end] for start, end in bounds) == text
    assert [text[end - 1] for _, end in bounds] == [" ", " ", "b"]


def test_both_bulk_branches_are_taken() -> None:
    # In NFC after one translate of the whole text; not in NFC (marks out of order outside the
    # forms, which must stay as they are): the matches are normalised one by one.
    for text in ["\ufe8d\ufedf \ufe76" * 40, "\ufe8d\ufedf \u0628\u0651\u064e " * 40]:
        with mock.patch.object(forms, "_SPLIT", wraps=forms._SPLIT) as split:
            fast = Pipeline([presentation_forms])(text)
        assert split.split.called == ("\u0651\u064e" in text)
        assert fast == Pipeline([presentation_forms], use_triggers=False)(text)


# map_runs translates the runs of forms apart from the rest (DENSE_RUNS=0), or the whole text
# when its first _SAMPLE characters are dense in runs (DENSE_RUNS=10**9: from one run on);
# either by ``translate`` (FEW_DISTINCT=-1) or by replacing the forms of the sample first
# (FEW_DISTINCT=10**9: then translated when the sample did not show them all), from any length.
MAP_RUNS_SETTINGS = [
    (0, 1024, -1),
    (0, 1024, 10**9),
    (10**9, 1024, -1),
    (10**9, 1024, 10**9),
    (10**9, 2, 10**9),
    (8, 3, 8),
]


def _map_runs_setting(dense_runs: int, sample: int, few_distinct: int) -> ExitStack:
    stack = ExitStack()
    stack.enter_context(mock.patch.object(forms, "DENSE_RUNS", dense_runs))
    stack.enter_context(mock.patch.object(forms, "_SAMPLE", sample))
    stack.enter_context(mock.patch.object(forms, "FEW_DISTINCT", few_distinct))
    stack.enter_context(mock.patch.object(forms, "REPLACE_MIN", 0))
    return stack


@pytest.mark.parametrize(
    "table", [forms._NOMINAL_TABLE, forms._ATTACHED_TABLE, visual._FORM_LETTERS_TABLE]
)
def test_the_form_tables_write_none_of_their_own_characters(table: dict[int, str]) -> None:
    # map_runs replaces some forms before it translates the rest: a form written by a
    # replacement must not be translated again (a form that stands for itself may be).
    for source, target in table.items():
        assert all(ord(c) not in table or c == chr(source) for c in target), chr(source)


@pytest.mark.parametrize(("dense_runs", "sample", "few_distinct"), MAP_RUNS_SETTINGS)
@given(text=form_text)
def test_visual_order_score_by_runs_equals_by_whole_text(
    dense_runs: int, sample: int, few_distinct: int, text: str
) -> None:
    for document in (text, text * 5):
        with mock.patch.object(
            visual, "_as_letters", lambda t: t.translate(visual._FORM_LETTERS_TABLE)
        ):
            expected = visual.visual_order_score(document)
        with _map_runs_setting(dense_runs, sample, few_distinct):
            assert visual.visual_order_score(document) == expected


HONORIFIC_PIECES = [
    "\ufdfa",
    "\ufdfb",
    "\ufdfa\ufdfb",
    " ",
    "\n",
    "\u00a0",
    "\u0628",
    "a",
    "_",  # a word character for \w, not for str.isalnum
    "7",
    "\u00b2",  # a digit that is not a decimal
    "\U0001d7ce",  # an astral digit
    TATWEEL,
    "\u064e",  # a mark (Mn) before a ligature: a word goes on there
    "\u0301",
    "\u0903",  # a spacing mark (Mc): not a word character
    "\u200c",
    ".",
    "]",
    "\\",
    "http://x.y/",  # a protected span
]


@pytest.mark.parametrize("few_runs", [0, 1, 3])
@example(text="\u0628\ufdfa\ufdfb7 \u064e\ufdfa_ \u0640\ufdfb\ufdfa\u00b2")
@given(text=st.lists(st.sampled_from(HONORIFIC_PIECES), max_size=40).map("".join))
def test_honorifics_by_constant_substitutions_equal_the_pattern(few_runs: int, text: str) -> None:
    options = {"expand_honorifics": True, "visual": "no", "quranic": "no"}
    with mock.patch.object(forms, "FEW_RUNS", few_runs):
        fast = Pipeline([forms.honorifics], options)(text)
    assert fast == Pipeline([forms.honorifics], options, use_triggers=False)(text)


VISUAL_PIECES = [
    *FORM_PIECES,
    *"\u0629\u0649\u06c3\u0644\u0627\u062a",  # the letters of the signals
    "\ufe93",  # teh marbuta isolated form
    "\ufef0",  # alef maksura final form
    "\ufedd",  # lam isolated form
    "\ufc90",  # a ligature ending in alef maksura
    "\ufe70 \ufe7a",  # isolated harakat: no letters
    "\u0629\u0628\u0628\u0628 ",
    "\u0628\u0628\u0644\u0627 ",  # reversed signals
    "\u0627\u0644\u0628\u0628 ",  # a forward signal
]


@example(text="\ufdfa \ufe70 " * 3 + "\u0629\u0628\u0628 " * 6)
@example(text="\ufe93\u0628\u0628 " * 6 + "\ufc60")
@example(text="\u0628\u0628\u0644\u0627 " * 6 + "\ufe70")
@given(text=st.lists(st.sampled_from(VISUAL_PIECES), max_size=60).map("".join))
def test_visual_order_with_forms_is_decided_by_the_score(text: str) -> None:
    # The cheap look for reversed-signal material never hides a visual-order text.
    score = visual.visual_order_score(text)
    assert visual.is_visual_order(text) == (score is not None and score > 0.5)
    assert visual.is_visual_order(text, has_forms=True) == (score is not None and score > 0.5)


@pytest.mark.parametrize(("dense_runs", "sample", "few_distinct"), MAP_RUNS_SETTINGS)
@given(text=form_text)
def test_to_nominal_by_runs_equals_a_translate_of_the_whole_text(
    dense_runs: int, sample: int, few_distinct: int, text: str
) -> None:
    with _map_runs_setting(dense_runs, sample, few_distinct):
        assert forms.to_nominal(text) == text.translate(forms._NOMINAL_TABLE)
        assert forms.to_nominal(text, haraka_attached=True) == text.translate(forms._ATTACHED_TABLE)


def test_map_runs_takes_both_ways() -> None:
    sparse = "\u0628\u0627\u0628 \u0628\u0627\u0628\u0628 \ufefb " * 40  # a run in 11
    dense = "\ufefb\ufe8d " * 40
    for text, whole in ((sparse, False), (dense, True)):
        with mock.patch.object(forms, "_FORM_RUNS", wraps=forms._FORM_RUNS) as runs:
            assert forms.to_nominal(text) == text.translate(forms._NOMINAL_TABLE)
        assert runs.split.called != whole


def _presentation_forms_form_by_form(text: str) -> str:
    # U2's replacement as first written, one form at a time: the oracle.
    import re

    from arnorm.chars.tables import LETTER_CLASS, MARK_CLASS
    from arnorm.chars.unicode import to_nfc

    attaches = re.compile(f"[{LETTER_CLASS}{MARK_CLASS}{TATWEEL}]")
    marks = "".join(c for c in map(chr, range(0x600, 0x900)) if re.fullmatch(f"[{MARK_CLASS}]", c))

    def replace(match: re.Match[str]) -> str:
        group, start = match.group(), match.start()
        lead = len(group) - len(group.lstrip(marks))
        trail = len(group.rstrip(marks))
        out = [group[:lead]]
        previous = group[lead - 1] if lead else text[start - 1] if start > 0 else ""
        for character in group[lead:trail]:
            nominal = NOMINAL.get(character, character)
            if nominal.startswith(" "):
                attach = previous in NOMINAL or (
                    bool(previous) and attaches.match(previous) is not None
                )
                nominal = nominal[1:] if attach else "\u00a0" + nominal[1:]
            out.append(nominal)
            previous = character
        out.append(group[trail:])
        return to_nfc("".join(out))

    return presentation_forms.pattern.sub(replace, text)


@example(text="\u0628\ufe76\ufe76\ufe7e \ufe76\ufe76\u064e\ufe7e\ufe8d \ufc60\ufc61")
@given(
    text=st.lists(st.sampled_from(FORM_PIECES[:-1]), max_size=40)
    .map("".join)
    .filter(lambda text: not protected_spans(text))  # ("a7", and the marks and forms after it)
)  # (no protected span: the oracle does not cut segments)
def test_presentation_forms_equal_the_form_by_form_replacement(text: str) -> None:
    options = {"visual": "no", "quranic": "no"}
    expected = _presentation_forms_form_by_form(text)
    assert Pipeline([presentation_forms], options, use_triggers=False)(text) == expected
    with mock.patch.object(forms, "FEW_RUNS", 0):
        assert Pipeline([presentation_forms], options)(text) == expected
