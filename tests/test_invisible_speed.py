"""The constant-substitution forms of the joiner rules equal the rules as first written.

ZWNJ and ZWJ (I4, I5) and the search profile's joiner stripping (S7) were first written as a
Python judgment called for every run of joiners; dense in joiners, text took 6-9x the time of
ordinary text (issue 7).  The forms that replaced them are substitutions by constants (I4 and
I5 on the text read backwards, so that a look-ahead can skip the marks before a joiner) and
``str.replace``.  Each is compared here with the judgment it replaced, copied below as it was,
on texts made of the characters that matter: joiners, letters of each joining type,
presentation forms, marks, tatweel, emoji, spaces and text edges.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from arnorm.chars import invisible, search, tatweel
from arnorm.chars.forms import ATTACHES_HARAKA, NOMINAL, SPACED_FORMS
from arnorm.chars.tables import (
    ALL_CLUSTER_MARK_CLASS,
    DUAL_JOINING_CLASS,
    JOIN_CAUSING,
    MARK_CLASS,
    RIGHT_JOINING_CLASS,
    TATWEEL,
    ZWJ,
    ZWNJ,
    expand_class,
)
from arnorm.chars.unicode import is_nfc, to_nfc
from arnorm.pipeline import Pipeline
from tests.strategies import any_text

# --------------------------------------------------------------------------------------------
# I4 and I5 as first written (arnorm 5a18b8a): one match per run of joiners, judged in Python.
_LEFT_JOINS = re.compile(f"[{DUAL_JOINING_CLASS}{JOIN_CAUSING}]")
_RIGHT_JOINS = re.compile(f"[{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}{JOIN_CAUSING}]")
_MARK_RUN = re.compile(f"[{MARK_CLASS}\u0300-\u036f]")
_LETTER_JOINS_FORWARD = re.compile(f"[{DUAL_JOINING_CLASS}]")
_LETTER_JOINS_BACKWARD = re.compile(f"[{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}]")


def _base_before(text: str, index: int) -> str:
    while index > 0 and _MARK_RUN.match(text, index - 1):
        index -= 1
    # Then the isolated haraka forms U2 attaches to the character before them as marks.
    beyond = index
    while beyond > 0:
        if _MARK_RUN.match(text, beyond - 1):
            beyond -= 1
            continue
        if text[beyond - 1] not in SPACED_FORMS:
            break
        held = beyond - 1  # a ZWSP or WORD JOINER before the form: I6 deletes it
        while held > 0 and text[held - 1] in "\u200b\u2060":
            held -= 1
        if not (held > 0 and (ATTACHES_HARAKA.match(text[held - 1]) or text[held - 1] in NOMINAL)):
            break
        beyond = held
    if beyond < index and beyond > 0:
        before = text[beyond - 1]
        # (after a mark on it, any letter: U2 attaches the form to the mark)
        if ATTACHES_HARAKA.match(before) or before in NOMINAL or _MARK_RUN.match(text, beyond):
            index = beyond
    return _letters(text[index - 1])[-1:] if index > 0 else ""


def _character_after(text: str, index: int) -> str:
    return _letters(text[index])[:1] if index < len(text) else ""


def _letters(character: str) -> str:
    """What U2 writes for ``character`` without the marks it writes (ﱝ: ى; a mark: itself)."""
    nominal = NOMINAL.get(character, character)
    return "".join(c for c in nominal if not _MARK_RUN.match(c)) or nominal


def _nfc_if_changed(result: str, text: str) -> str:
    return to_nfc(result) if result != text and not is_nfc(result) else result


_ANY_MARK = re.compile(f"[{ALL_CLUSTER_MARK_CLASS}]")


def zwnj_by_match(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if end < len(text) and _ANY_MARK.match(text, end):
            return match.group()  # a mark (of any script) on the ZWNJ: leave the oddity alone
        before = _base_before(text, start)
        after = _character_after(text, end)
        joins = bool(before) and bool(_LEFT_JOINS.match(before))
        joins = joins and bool(after) and bool(_RIGHT_JOINS.match(after))
        return ZWNJ if joins else ""

    return _nfc_if_changed(re.sub(f"{ZWNJ}+", replace, text), text)


def zwj_by_match(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start > 0 else ""
        after = _character_after(text, end)
        if (before and invisible.EMOJI.match(before)) or (after and invisible.EMOJI.match(after)):
            return ZWJ
        if after and _MARK_RUN.match(after):
            return ZWJ
        base = _base_before(text, start)
        if (
            base
            and after
            and _LETTER_JOINS_FORWARD.match(base)
            and _LETTER_JOINS_BACKWARD.match(after)
        ):
            return ""
        return ZWJ

    return _nfc_if_changed(re.sub(f"{ZWJ}+", replace, text), text)


# S7's joiners as first written: one alternation, a Python function per match.
_JOINERS = re.compile(
    f"[{ZWNJ}\u00ad]|(?<!{invisible.EMOJI.pattern}){ZWJ}(?!{invisible.EMOJI.pattern})"
    "|(?P<space>[\u200b\u2060])"
)


def strip_joiners_by_match(text: str) -> str:
    # (Put back in NFC like the other deletions: the character rules' NFC does not reach across
    # a protected span, tests/test_hardening.py.)
    result = _JOINERS.sub(lambda match: " " if match.group("space") else "", text)
    return _nfc_if_changed(result, text)


# --------------------------------------------------------------------------------------------
# Texts made of what the rules look at: joiners (single and in runs), letters of each joining
# type, presentation forms that show a joining letter on one side only, marks (Arabic and
# Latin), tatweel, emoji and their modifiers, characters that compose or reorder under NFC.
JOINER_PIECES = [
    ZWNJ,
    ZWNJ + ZWNJ,
    ZWJ,
    ZWJ + ZWJ,
    "\u0628",  # ب dual-joining
    "\u0639",  # ع
    "\u0627",  # ا right-joining
    "\u0629",  # ة
    "\u0621",  # ء non-joining
    "\u06cc",  # ی Persian yeh
    "\u0712",  # a Syriac dual-joining letter
    "\u07fa",  # NKo lajanyalan (join-causing)
    TATWEEL,
    "\u064e",
    "\u0651",
    "\u0670",
    "\u06d6",  # Arabic marks
    "\u0301",  # a Latin mark
    "\u0653",
    "\u0654",  # madda and hamza above (compose with alef under NFC)
    "\u0591",
    "\u05b0",  # Hebrew marks outside the skipped ones (reorder under NFC)
    "\u1100",
    "\u1161",  # Hangul jamo (compose under NFC)
    "\ufe91",  # ﺑ beh initial form: joins forward, and backward as ب
    "\ufe8e",  # ﺎ alef final form
    "\ufefb",  # ﻻ lam-alef: ل first, ا last
    "\ufe70",  # fathatan isolated form (" \u064b")
    "\ufe71",  # tatweel with fathatan
    "\ufdfa",  # ﷺ (kept by U2)
    "\U0001f468",
    "\U0001f469",
    "\U0001f3fd",
    "\u2764",
    "\ufe0f",  # emoji, a skin tone, a variation selector
    " ",
    "\n",
    ".",
    "a",
    "\u200b",
    "\u2060",
    "\u00ad",
]
joiner_text = st.lists(st.sampled_from(JOINER_PIECES), max_size=40).map("".join)


@example("\u0628\u064e\u200d\u0628")  # marks between the letter and the ZWJ
@example("\u0628\u200c\u200c\u064e\u0628")  # a run of ZWNJ with a mark on it: left alone
@example("\u0591\u200c\u05b0")  # the deletion leaves marks out of canonical order
@example("\U0001f468\u200d\U0001f469\u200d\u200d\u0628")
@given(text=st.one_of(joiner_text, any_text))
def test_zwnj_and_zwj_are_the_judgment_per_match(text: str) -> None:
    assert invisible.zwnj.function(text, None) == zwnj_by_match(text)
    assert invisible.zwj.function(text, None) == zwj_by_match(text)


@example("\U0001f468\u200c\u200d\u0628")  # the ZWJ is judged before the ZWNJ goes
@given(text=st.one_of(joiner_text, any_text))
def test_strip_joiners_is_the_alternation(text: str) -> None:
    assert search.strip_joiners.function(text, None) == strip_joiners_by_match(text)


def test_classes_around_joiners_are_what_the_judgment_reads() -> None:
    # Each class is the characters the judgment accepts on its side: a presentation form as
    # the letter it shows there (its marks aside), never a mark (skipped first), never an
    # emoji (the ZWJ of an emoji sequence stays because no letter is one).
    candidates = {
        *expand_class(f"{DUAL_JOINING_CLASS}{RIGHT_JOINING_CLASS}{JOIN_CAUSING}"),
        *NOMINAL,
        *expand_class(MARK_CLASS),
        *map(chr, range(0x0300, 0x0370)),
    }
    classes = [
        (invisible._JOINS_FORWARD_CLASS, _LEFT_JOINS, -1),
        (invisible._JOINS_BACKWARD_CLASS, _RIGHT_JOINS, 0),
        (invisible._LETTER_JOINS_FORWARD_CLASS, _LETTER_JOINS_FORWARD, -1),
        (invisible._LETTER_JOINS_BACKWARD_CLASS, _LETTER_JOINS_BACKWARD, 0),
    ]

    for body, judged, end in classes:
        members = {c for c in candidates if re.fullmatch(f"[{body}]", c)}
        expected = {
            c for c in candidates if not _MARK_RUN.match(c) and judged.match(_letters(c)[end])
        }
        assert members == expected
        assert not any(invisible.EMOJI.match(c) for c in members)


# Deleting an invisible character between a letter and a mark lets NFC compose them; the rules
# that do say they may write any letter, so the search folds after them see the composed one
# (they did not: a second run folded it, and explain() disagreed with clean()).
@pytest.mark.parametrize("profile", ["repair", "search"])
@pytest.mark.parametrize(
    "text",
    [
        "\u0627\u200e\u0653",  # ا LRM madda: آ
        "\u0627\ufeff\u0654",  # BOM: أ
        "\u0627\u00ad\u0654",  # soft hyphen: أ
        "\u0627\u200c\u0654",  # ZWNJ before a mark stays, but strip_zwnj deletes it
    ],
)
def test_a_letter_composed_by_a_deletion_is_seen_by_the_later_rules(
    profile: str, text: str
) -> None:
    from arnorm.cleaner import Cleaner

    for cleaner in (Cleaner(profile), Cleaner(profile, strip_zwnj=True, lang="ar")):
        once = cleaner(text)
        assert cleaner(once) == once
        assert cleaner.explain(text).output == once


def test_an_unchanged_text_comes_back_itself() -> None:
    # The pipeline tells a change by identity: a text read backwards and back is a new string,
    # and would make it look for triggers again after every joiner rule.
    for text in ["\u0628\u200c\u062a", "\u0639\u200d ", "\u0628\u064e\u200d\u0651"]:
        assert invisible.zwnj.function(text, None) is text
        assert invisible.zwj.function(text, None) is text


# --------------------------------------------------------------------------------------------
# T1: the fast form against its pattern (the reference path runs the pattern and its judgment).
TATWEEL_PIECES = [
    TATWEEL,
    TATWEEL * 3,
    "\u0628",
    "\u0627",
    "\u0647",
    "\u064e",
    "\u0651",
    "\u0670",
    "\u0301",  # a mark T1 does not skip
    "\ufe91",  # a presentation form is not a letter to T1
    " ",
    "1",
    '"',
    "\n",
]
tatweel_text = st.lists(st.sampled_from(TATWEEL_PIECES), max_size=40).map("".join)


@example("\u0628\u064e\u0651\u0640\u0640\u0628")  # marks between the letter and the tatweel
@example("\u0640\u0640\u0628 \u0628\u0640\u0640")  # runs at a word start and end: kept
@given(text=st.one_of(tatweel_text, any_text))
def test_decorative_tatweel_fast_form_is_the_pattern(text: str) -> None:
    fast = Pipeline([tatweel.decorative], {"quranic": "no"})
    reference = Pipeline([tatweel.decorative], {"quranic": "no"}, use_triggers=False)
    assert fast(text) == reference(text)


def test_decorative_tatweel_fast_form_gives_back_an_unchanged_text_itself() -> None:
    unchanged = "\u0640\u0628 \u0628\u0640 1\u0640"
    assert tatweel._decorative_fast(unchanged, None) is unchanged  # type: ignore[arg-type]


# I6 as first written: a look-behind first, tried at every position of the text (and before an
# isolated haraka form, which U2 writes on an NBSP, as before whitespace).
_PLAIN_ZERO_WIDTH_SPACE = re.compile(
    f"(?:(?<=\\s)|^)[\u200b\u2060]+|[\u200b\u2060]+(?=[\\s{SPACED_FORMS}]|$)"
)
zero_width_text = st.text(
    alphabet="\u200b\u2060 \n\t\u00a0\u2009\u200c\u0628a\ufe70\ufc5f\ufe71", max_size=20
)


@example("\u0628\u200b\u2060\u200b\u0628 \u200b\u0628\u200b\n\u200b")
@given(text=st.one_of(zero_width_text, joiner_text))
def test_zero_width_space_pattern_matches_as_its_plain_form(text: str) -> None:
    expected = [match.span() for match in _PLAIN_ZERO_WIDTH_SPACE.finditer(text)]
    assert [match.span() for match in invisible._ZERO_WIDTH_SPACE.finditer(text)] == expected
    fast = Pipeline([invisible.zero_width_space])
    assert fast(text) == Pipeline([invisible.zero_width_space], use_triggers=False)(text)


# After a rule that may write any character (I1-I5 re-compose), the pipeline tests the next
# rules of the family with ``in`` instead of scanning for every trigger: the same rules run.
@pytest.mark.parametrize(
    "options", [{"profile": "repair"}, {"profile": "search"}, {"strip_zwnj": True}]
)
@example(text="\u200c\u0628\u200d\u0628\u200b\u0628\u2060\u0628")
@given(text=st.one_of(joiner_text, any_text))
def test_the_cleaners_fast_path_on_joiners_equals_the_reference(
    options: dict[str, object], text: str
) -> None:
    from arnorm.cleaner import Cleaner

    fast = Cleaner(**options).pipeline
    reference = Pipeline(fast.rules, fast.options, use_triggers=False)
    assert fast(text) == reference(text)
