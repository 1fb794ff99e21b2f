"""Substitutions run from their literal give exactly ``pattern.sub``'s result."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnorm.anchored import Anchor, anchored_sub, literal_anchor
from arnorm.catalogue import CATALOGUE
from arnorm.rule import Substitution

PATTERNS = [
    "b?ac",
    "(?<=x)y?ab",
    "[ab]{0,2}ab(?!c)",
    "(?:a|bb)?ab",
    "(?:x|(?<=a)y)?aa",
    "(?m)^a?ba",
    "a{1,3}ab",
    "(?P<first>[bc]?)(?P<second>a?)ab(?=[^a]|$)",
    "\\bab",
]


@pytest.mark.parametrize("source", PATTERNS)
@given(text=st.text(alphabet="abcxy \n", max_size=40))
def test_anchored_sub_equals_sub(source: str, text: str) -> None:
    pattern = re.compile(source)
    anchor = literal_anchor(pattern)
    assert anchor is not None
    numbered = iter(range(10**6))

    def replace(match: re.Match[str]) -> str:  # depends on the order of the calls too
        return f"<{next(numbered)}:{match.group()}>"

    expected = pattern.sub(replace, text)
    numbered = iter(range(10**6))
    assert anchored_sub(pattern, anchor, replace, text) == expected


def test_patterns_without_an_anchor() -> None:
    assert literal_anchor(re.compile("[a-z]+x")) is None  # unbounded prefix
    assert literal_anchor(re.compile("a{0,9}x")) is None  # prefix wider than the limit
    assert literal_anchor(re.compile("(?i)ab")) is None
    assert literal_anchor(re.compile("[ab]+")) is None  # no literal


_ANCHORED_RULES = [
    rule
    for rule in CATALOGUE
    if isinstance(rule, Substitution) and literal_anchor(rule.pattern) is not None
]


@pytest.mark.parametrize("rule", _ANCHORED_RULES, ids=[rule.id for rule in _ANCHORED_RULES])
@given(text=st.text(alphabet="\u0627\u064b\u0651\u064e\u0628\u0629 a1\u0640", max_size=30))
def test_catalogue_rules_run_from_their_literal_as_by_sub(rule: Substitution, text: str) -> None:
    from arnorm.catalogue import OPTIONS
    from arnorm.context import Context
    from arnorm.options import Options

    ctx = Context(text, Options(OPTIONS, {}))
    anchor = literal_anchor(rule.pattern)
    assert anchor is not None

    def replace(match: re.Match[str]) -> str:
        return rule.function(match, ctx)

    assert anchored_sub(rule.pattern, anchor, replace, text) == rule.pattern.sub(replace, text)


def test_a_text_made_of_matches_gives_the_same_text() -> None:
    # The literal in most places: the pattern's own substitution runs (the dense branch).
    pattern = re.compile("b?ac")
    text = "bac ac a" * 2000
    upper = lambda match: match.group().upper()  # noqa: E731
    assert anchored_sub(pattern, Anchor("ac", 0, 1), upper, text) == pattern.sub(upper, text)
