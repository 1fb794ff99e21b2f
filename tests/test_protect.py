"""Protected spans: found the same way before and after a rule deletes a mark next to them."""

from __future__ import annotations

import itertools
import re

import pytest
import regex
from hypothesis import assume, example, given
from hypothesis import strategies as st

import arnorm
from arnorm import protect
from arnorm.chars.tables import MARK_CLASS
from arnorm.cleaner import Cleaner
from arnorm.protect import protected_spans, protected_spans_by_one_scan
from tests.strategies import any_text


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("زوروا https://example.com/٢٠٢٣ الآن", [(6, 30)]),
        ("انظرhttp://x.org/١", [(4, 18)]),  # a scheme glued to an Arabic word
        ("0-HTTP://٠", [(2, 10)]),  # the token before a scheme is not a span of its own
        ("COVID-١٩ و mp3 و H2O", [(0, 8), (11, 14), (17, 20)]),
        ("راسلنا user2@mail.com", [(7, 21)]),
        # Spans are bounded by their own characters (a mark before one, which search folding
        # may delete, changes nothing), and take the combining marks after them: those are
        # their last character's.
        ("A٠\u064b²", [(0, 3)]),
        ("x\u064bhttp://٠", [(2, 10)]),
    ],
)
def test_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert protected_spans(text) == spans


@pytest.mark.parametrize("text", ["A٠\u064b²", "x\u064bhttp://٠", "²\u064bA٠", "0\u064bHTTP://ى"])
@pytest.mark.parametrize("profile", ["repair", "search"])
def test_deleting_a_mark_next_to_a_span_keeps_cleaning_idempotent(text: str, profile: str) -> None:
    once = arnorm.clean(text, profile=profile)
    assert arnorm.clean(once, profile=profile) == once


# Pieces that make spans, near-spans and their neighbours; long runs test the bounded look-back.
_SPAN_PIECES = [
    "http://",
    "HTTPS://",
    "www.",
    "WwW.",
    "x\x00",
    "ftp://",
    "@",
    ".",
    "-",
    "_",
    "+",
    "a",
    "Z",
    "x1",
    "9",
    "٣",
    "۹",
    " ",
    "\n",
    "ال",
    "ب",
    "\u064b",
    "\u064f",
    "\ufe72",  # an isolated haraka form: a mark in a token after a mark
    "\u064b" * 5,  # a run longer than the fixed-width look-behinds read (regex's path)
    "\u00a0",
    ":",
    "/",
    "mail.com",
    "1" * 70,
    "a" * 70,
]
_span_text = st.lists(st.sampled_from(_SPAN_PIECES), max_size=40).map("".join)


@given(st.one_of(_span_text, any_text))
@example("a@a@a@a b@c.d a@a")  # an @ without a dot after it: no e-mail branch in that window
@example("x.y@z 1a www.a.b")
@example("7@i. " * 70 + "x@y.z 1-a")  # (after _MAX_WINDOWS windows: one scan of the rest)
@example("\ufe76@q." + "1" * 70 + " a_\u064b\ufe72-1")
def test_windowed_scan_finds_the_same_spans_as_one_scan(text: str) -> None:
    assert protected_spans(text) == protected_spans_by_one_scan(text)


# _pattern_for leaves a kind of span out of a window that lacks what each span of that kind
# holds: a token, a letter and a digit with only "_", "-", marks and forms between them; an
# e-mail address, an @ after one of its characters or a mark, then its domain.
@given(st.one_of(_span_text, any_text))
@example("a\u064b\ufe72-_1")
@example("1_\u064b-a")
@example("x\u064b@\u064bb\u064bc.\u064bd")
@example("x+@b-1.c-2.d")
def test_every_span_holds_what_its_kind_is_looked_for_by(text: str) -> None:
    for branch, core in (
        (protect._LATIN_TOKEN, protect._LETTER_BY_DIGIT),
        (protect._EMAIL, protect._EMAIL_CORE),
    ):
        for match in protect._spans([branch]).finditer(text):
            assert core.search(text, *match.span()) is not None, (branch, match)


# The re patterns start each branch one character later (protect._compile); the reference is
# the branches as written, with their variable-length look-behinds, in regex.  Near-misses of
# a scheme after a start character, characters that fold to Latin letters, runs of marks up to
# the fixed look-behinds' length.
_SHIFT_PIECES = [
    *_SPAN_PIECES,
    "ttps://",
    "tp://",
    "ww.",
    "\u017f",
    "\u212a",
    "\u0130",
    "\u064b" * 4,
]
_KINDS = list(itertools.product((False, True), repeat=4))  # (url, email, token, long_marks)
_RE_KINDS = [kind for kind in _KINDS if isinstance(protect._compiled(*kind), re.Pattern)]


def test_the_patterns_are_compiled_once_each() -> None:
    # (compiled when first needed, not at import: see protect._compiled)
    assert [kind for kind in _KINDS if kind[:3] != (False,) * 3 and not kind[3]] == _RE_KINDS
    for kind in _KINDS:
        assert protect._compiled(*kind) is protect._compiled(*kind)
        assert (protect._compiled(*kind) is None) == (kind[:3] == (False,) * 3)


@given(st.lists(st.sampled_from(_SHIFT_PIECES), max_size=40).map("".join), st.data())
@example("x" + "\u064b" * 4 + "b@c.d", None)  # (the window from "b" sees "x" and 4 marks)
@example("_" + "\u064b" * 4 + "tx1", None)
@example("fttps://x wttp://y hww.z", None)
@example("ab@c.d x1y2", None)
def test_the_shifted_branches_find_what_the_branches_find(
    text: str, data: st.DataObject | None
) -> None:
    assume(protect._LONG_MARK_RUN.search(text) is None)  # (else regex scans, with the branches)
    windows = [(0, len(text))]
    if data is None:  # (the examples: every window)
        windows += [(start, len(text)) for start in range(len(text))]
    else:
        start = data.draw(st.integers(0, len(text)))
        windows.append((start, data.draw(st.integers(start, len(text)))))
    branches = (protect._URL, protect._EMAIL, protect._LATIN_TOKEN)
    for kind in _RE_KINDS:
        reference = protect._spans(
            [branch for on, branch in zip(kind[:3], branches, strict=True) if on]
        )
        pattern = protect._compiled(*kind)
        assert isinstance(pattern, re.Pattern)
        for start, end in windows:
            expected = [match.span() for match in reference.finditer(text, start, end)]
            assert [match.span() for match in pattern.finditer(text, start, end)] == expected, (
                kind,
                start,
                end,
            )


# The token's two look-aheads as first written (a class with letters and digits, any number,
# then the letter or digit): the possessive runs that replaced them (a megabyte of "1" after an
# address backtracked from its end) must find the same spans.
_PLAIN_LOOKAHEADS = (
    rf"(?=(?:[A-Za-z_\-{protect._DIGITS}{MARK_CLASS}]|{protect._FORM_AFTER_MARK})*[A-Za-z])"
    rf"(?=(?:[A-Za-z_\-{MARK_CLASS}]|{protect._FORM_AFTER_MARK})*[{protect._DIGITS}])"
)
_NEW_LOOKAHEADS = (
    rf"(?={protect._UNTIL_LETTER}[A-Za-z])(?={protect._UNTIL_DIGIT}[{protect._DIGITS}])"
)


@given(_span_text)
@example("\ufe76@q." + "1" * 70)
@example("\u064b\ufe72a\u064b\ufe72\ufe721")
def test_token_look_aheads_find_what_their_plain_form_finds(text: str) -> None:
    assert _NEW_LOOKAHEADS in protect.PROTECTED.pattern
    plain = regex.compile(
        protect.PROTECTED.pattern.replace(_NEW_LOOKAHEADS, _PLAIN_LOOKAHEADS), regex.VERSION0
    )
    expected = [match.span() for match in plain.finditer(text)]
    assert protected_spans_by_one_scan(text) == expected


def test_a_mark_inside_a_token_is_part_of_it() -> None:
    # Deleting the mark of "0ًA" (M5c: a mark on a digit) made "0A" a token on the next run,
    # and the madda after it then started a segment: cleaning was not idempotent.
    assert protected_spans("0\u064bA\u0653\u0620") == [(0, 4)]  # (the madda: its tail)
    once = arnorm.clean("0\u064bA\u0653\u0620")
    assert arnorm.clean(once) == once
    # Taken whole: "١" before a mark and a URL is not a token of its own.
    assert protected_spans("\u0661\u064bhttp://x") == [(2, 10)]


@pytest.mark.parametrize("profile", ["repair", "search"])
@given(text=_span_text)
@example(text="a1 a1 a1")  # every segment as it was: the text itself
@example(text="a1 ، a1 ١ a1")  # segments the rules change
def test_segments_between_spans_are_cleaned_as_explain_cleans_them(text: str, profile: str) -> None:
    # The fast path cleans each distinct segment between spans once (and returns the text
    # itself when none changes); explain() cleans them one by one.
    cleaner = Cleaner(profile)
    assert cleaner(text) == cleaner.explain(text).output
