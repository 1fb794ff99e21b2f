"""Word windows (:mod:`arnorm.windows`): word-local rules run on the words that can change.

The pipeline's fast path runs a family of word-local rules (the mark rules) on the words that
have one of their trigger characters, cut out with their neighbouring space or newline.  This
must give the text the rules give on the whole text: checked here with windows forced on short
texts, against the reference path and against the fast path without windows.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm import windows
from arnorm.catalogue import CATALOGUE
from arnorm.chars import marks
from arnorm.cleaner import Cleaner
from arnorm.pipeline import Pipeline
from arnorm.rule import substitution
from tests.strategies import texts
from tests.test_fast_paths import PIECES

MARK = re.compile("[\u064b-\u0652]")
window_text = st.lists(st.sampled_from([*PIECES, "\x00", "  ", " \n ", "كتاب"]), max_size=60).map(
    "".join
)


def _run(pipeline: Pipeline, text: str, windowed: bool) -> str:
    """``pipeline(text)`` with windows on every text however short or dense, or with none."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(windows, "MIN_LENGTH", 0 if windowed else math.inf)
        patch.setattr(windows, "MAX_SHARE", math.inf)
        return pipeline(text)


def _spans(text: str) -> list[str]:
    found = windows.word_windows(text, MARK, max_share=math.inf)
    assert found is not None
    return [text[start:end] for start, end in found]


def test_a_window_is_a_word_with_its_neighbouring_delimiters() -> None:
    assert _spans("كتاب ُجديد في البيت وقلمٌ") == [" ُجديد ", " وقلمٌ"]
    assert _spans("تٌفرض على") == ["تٌفرض "]  # the start of the text
    assert _spans("على\nتٌفرض") == ["\nتٌفرض"]  # a newline delimits too
    assert _spans("a\u00a0بٌ b") == ["a\u00a0بٌ "]  # an NBSP does not


def test_windows_sharing_a_delimiter_are_merged() -> None:
    assert _spans("أ بٌ تٌ ث") == [" بٌ تٌ "]
    assert _spans("أ بٌ  تٌ ث") == [" بٌ ", " تٌ "]  # two spaces: two windows


def test_every_mark_of_a_word_is_in_one_window() -> None:
    assert _spans("ب كَتَبَ ت") == [" كَتَبَ "]


def test_dense_text_is_not_windowed() -> None:
    dense = "كَتَبَ " * 200
    assert windows.word_windows(dense, MARK) is None
    sparse = ("كتاب " * 100 + "تٌفرض ") * 5
    assert windows.word_windows(sparse, MARK) is not None


def test_a_result_that_cannot_be_cut_back_is_refused() -> None:
    text = "أ بٌ ت"
    spans = windows.word_windows(text, MARK, max_share=math.inf)
    assert spans is not None
    assert windows.apply_in_windows(text, spans, lambda joined: joined + windows.JOINER) is None
    assert windows.apply_in_windows(text, spans, lambda joined: joined) is text


def test_the_mark_rules_declare_themselves_word_local() -> None:
    local = {rule.id for rule in CATALOGUE if rule.word_local}
    assert "marks.stray_tanween" in local
    # M7 looks at the word before the fathatan's space: not word-local.
    assert "marks.detached_tanween" not in local


def test_a_word_local_rule_needs_trigger_characters() -> None:
    with pytest.raises(ValueError, match="trigger characters"):

        @substitution("x.rule", "a", code="X", trigger=None, word_local=True)
        def rule(match: re.Match[str], ctx: object) -> str:
            return "b"


MARK_OPTIONS = [
    {},
    {"fathatan": "on"},
    {"fathatan": "keep"},
    {"drop_long_alef_marks": True},
    {"quranic": "no", "visual": "no"},
]


@pytest.mark.parametrize("options", MARK_OPTIONS, ids=str)
@given(text=window_text)
def test_the_mark_rules_in_windows_equal_the_reference(
    options: dict[str, object], text: str
) -> None:
    rules = [rule for rule in marks.RULES if rule.word_local]
    fast = Pipeline(rules, options)
    assert fast._character[0].finder is not None  # the family does run in windows
    reference = Pipeline(rules, options, use_triggers=False)
    assert _run(fast, text, windowed=True) == reference(text)


@pytest.mark.parametrize("profile", ["repair", "search"])
@given(text=st.one_of(texts, window_text))
def test_cleaning_with_windows_equals_cleaning_without(profile: str, text: str) -> None:
    pipeline = Cleaner(profile).pipeline
    assert _run(pipeline, text, windowed=True) == _run(pipeline, text, windowed=False)


def test_a_long_document_is_cleaned_in_windows_like_the_reference() -> None:
    # Long enough for the default threshold; the marks are sparse, as in scraped news.
    line = "وزير الدفاع الكوري الجنوبي، حيث تٌفرض على روسيا عقوبات أيضاً، في عام 2023ً.\n"
    text = ("كتاب جديد في البيت " * 30 + "\n" + line) * 20
    pipeline = Cleaner().pipeline
    reference = Pipeline(pipeline.rules, pipeline.options, use_triggers=False)
    assert len(text) >= windows.MIN_LENGTH
    finder = next(group.finder for group in pipeline._character if group.finder is not None)
    assert windows.word_windows(text, finder) is not None
    assert pipeline(text) == reference(text)
    assert "تُفرض" in pipeline(text) and "أيضًا" in pipeline(text)
