"""Data-driven rule cases: each rule alone, on the cases of tests/cases/*.tsv."""

from __future__ import annotations

import pytest

from arnorm.catalogue import CATALOGUE, rule
from tests.cases import load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_rule_case(case) -> None:
    assert rule(case.rule)(case.input, **case.options) == case.expected, case.note


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_case_is_reported_under_its_rule(case) -> None:
    # explain() of the rule alone names exactly that rule, and only when it changed something
    # (or, for a report-only rule, found something to report).
    from arnorm.pipeline import Pipeline

    report = Pipeline([rule(case.rule)], case.options).explain(case.input)
    assert report.output == case.expected
    assert set(report.counts()) == ({case.rule} if case.reported else set())


def test_every_rule_has_a_changing_and_a_keeping_case() -> None:
    # "Changing" is "reported": a report-only rule (E4) changes no text but reports it.
    changing = {case.rule for case in CASES if case.reported}
    keeping = {case.rule for case in CASES if not case.reported}
    for item in CATALOGUE:
        assert item.id in changing, f"{item.id} has no case that it changes"
        assert item.id in keeping, f"{item.id} has no case it must leave alone"
